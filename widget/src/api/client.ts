import type {
  CommentPage,
  ForumMeta,
  Problem,
  TopicDetail,
  TopicPage,
  TopicSort,
} from "@userecho-edge/shared";

/** A failed call to the worker, carrying its RFC 9457 problem when there is one. */
export class ApiRequestError extends Error {
  /** HTTP status; 0 when the request never got an answer (network down, CORS, CSP). */
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem?: Problem, options?: ErrorOptions) {
    super(
      problem?.detail ?? problem?.title ?? (status ? `HTTP ${status}` : "Network error"),
      options,
    );
    this.name = "ApiRequestError";
    this.status = status;
    this.problem = problem;
  }
}

/** Query of `GET /v1/forums/:id/topics`; unset filters are left out. */
export interface TopicListRequest {
  forum: number;
  page: number;
  limit: number;
  sort?: TopicSort | undefined;
  type?: number | undefined;
  status?: number | undefined;
  category?: number | undefined;
  tag?: number | undefined;
  /** Full-text search, at least 2 characters. */
  q?: string | undefined;
}

/** Options of one request; writes add the visitor's site JWT and an idempotency key. */
export interface RequestOptions {
  token?: string;
  /** Defaults to a fresh random UUID on writes. Reuse it only to retry the same user action. */
  idempotencyKey?: string;
  signal?: AbortSignal | undefined;
  body?: unknown;
}

/**
 * Talks to the worker's public `/v1` API (its shapes, `Topic`, `TopicPage`, …, are exported by
 * this package). Holds no secret: there is none in a browser; writes carry the visitor's own
 * site JWT.
 */
export class EdgeApi {
  readonly endpoint: string;

  constructor(endpoint: string) {
    this.endpoint = endpoint.replace(/\/+$/, "");
  }

  meta(forum: number, signal?: AbortSignal): Promise<ForumMeta> {
    return this.request("GET", `/v1/forums/${forum}/meta`, { signal });
  }

  topics(request: TopicListRequest, signal?: AbortSignal): Promise<TopicPage> {
    const { forum, ...rest } = request;
    return this.request("GET", `/v1/forums/${forum}/topics${query(rest)}`, { signal });
  }

  topic(id: number, signal?: AbortSignal): Promise<TopicDetail> {
    return this.request("GET", `/v1/topics/${id}`, { signal });
  }

  comments(topic: number, page: number, limit: number, signal?: AbortSignal): Promise<CommentPage> {
    return this.request("GET", `/v1/topics/${topic}/comments${query({ page, limit })}`, {
      signal,
    });
  }

  /**
   * One call to the worker. Writes (`POST`) get a JSON body, the visitor's token and an
   * `Idempotency-Key`; the write helpers live in `writes.ts`, loaded only when needed.
   */
  async request<T>(method: "GET" | "POST", path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (method === "POST") {
      headers["Content-Type"] = "application/json";
    }
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    if (options.token) headers["Authorization"] = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await fetch(`${this.endpoint}${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted) throw error; // superseded: not a failure to report
      throw new ApiRequestError(0, undefined, { cause: error });
    }
    if (!response.ok) {
      const problem = response.headers.get("Content-Type")?.includes("json")
        ? ((await response.json().catch(() => undefined)) as Problem | undefined)
        : undefined;
      throw new ApiRequestError(response.status, problem);
    }
    return (await response.json()) as T;
  }
}

/** The query string of `params`, without the empty ones; "" when none is left. */
export function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
