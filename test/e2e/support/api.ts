import { inject } from "vitest";
import type {
  CommentPage,
  ForumMeta,
  TopicDetail,
  TopicPage,
  TopUserPage,
} from "@userecho-edge/shared";

/**
 * Reads the worker's `/v1` API directly: what the widget shows must equal this. A 5xx is retried
 * a few times: this is the reference the tests compare with, not the thing under test, and on a
 * two-core machine the local stack now and then answers a slow upstream with 500/504.
 */
async function get<T>(worker: string, path: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${worker}${path}`);
    if (response.ok) return (await response.json()) as T;
    const body = await response.text();
    if (response.status < 500 || attempt === 4) {
      throw new Error(`${path}: HTTP ${response.status} ${body}`);
    }
    console.warn(`${path}: HTTP ${response.status} ${body}; retrying`);
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
  }
}

/** The `/v1` API of one of the stack's workers. */
function apiOf(worker: () => string) {
  return {
    topics: (forum: number, query: Record<string, string | number>) =>
      get<TopicPage>(
        worker(),
        `/v1/forums/${forum}/topics?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
      ),
    meta: (forum: number) => get<ForumMeta>(worker(), `/v1/forums/${forum}/meta`),
    topic: (id: number) => get<TopicDetail>(worker(), `/v1/topics/${id}`),
    comments: (id: number, page: number, limit: number) =>
      get<CommentPage>(worker(), `/v1/topics/${id}/comments?page=${page}&limit=${limit}`),
    topUsers: (limit: number) => get<TopUserPage>(worker(), `/v1/users/top?page=1&limit=${limit}`),
  };
}

/** The worker whose UserEcho serves only what is documented: what every test uses by default. */
export const api = apiOf(() => inject("workerUrl"));
/** The worker whose UserEcho honours every guess (filters by type, inline votes). */
export const extendedApi = apiOf(() => inject("extendedWorkerUrl"));
/** The worker with `VOTING=auto` on the documented profile (hands votes off once it knows). */
export const autoDocumentedApi = apiOf(() => inject("autoDocumentedWorkerUrl"));
/** The worker with `VOTING=auto` on the extended profile (votes inline). */
export const autoExtendedApi = apiOf(() => inject("autoExtendedWorkerUrl"));
