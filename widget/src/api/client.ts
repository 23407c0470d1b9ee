import type { Problem, TopicPage, TopicSort } from "@userecho-edge/shared";

/** A failed call to the worker, carrying its RFC 9457 problem when there is one. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem?: Problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = "ApiRequestError";
    this.status = status;
    this.problem = problem;
  }
}

export interface TopicListRequest {
  forum: number;
  page: number;
  limit: number;
  sort?: TopicSort;
}

/** Talks to the worker's public `/v1` API. Holds no secret: there is none in a browser. */
export class EdgeApi {
  readonly #base: string;

  constructor(endpoint: string) {
    this.#base = endpoint.replace(/\/+$/, "");
  }

  topics(request: TopicListRequest, signal?: AbortSignal): Promise<TopicPage> {
    const query = new URLSearchParams({ page: String(request.page), limit: String(request.limit) });
    if (request.sort) query.set("sort", request.sort);
    return this.#get(`/v1/forums/${request.forum}/topics?${query}`, signal);
  }

  async #get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await fetch(`${this.#base}${path}`, {
      headers: { Accept: "application/json" },
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) {
      const problem = response.headers.get("Content-Type")?.includes("json")
        ? ((await response.json().catch(() => undefined)) as Problem | undefined)
        : undefined;
      throw new ApiRequestError(response.status, problem);
    }
    return (await response.json()) as T;
  }
}
