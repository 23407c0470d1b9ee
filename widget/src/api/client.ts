import type { Calls, Problem } from "@userecho-edge/shared";

type AnyCall = Calls[keyof Calls];

/** The methods of `/v1`, in the route declarations' spelling. */
export type Method = AnyCall["method"];
/** The paths that answer `method`: the constants of `@userecho-edge/shared/paths`. */
export type PathOf<M extends Method> = Extract<AnyCall, { method: M }>["path"];
/** The call `method` `path` makes, as the route declarations say: its input and its answer. */
export type CallAt<M extends Method, P extends string> = Extract<AnyCall, { method: M; path: P }>;

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

/** Options of one call; writes add the visitor's site JWT and an idempotency key. */
export interface RequestOptions {
  /** The visitor's site JWT (`Authorization: Bearer`). */
  token?: string | undefined;
  /** `Idempotency-Key`: one per user action, the same on its retry. */
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
}

interface Input {
  readonly params?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
}

/**
 * Talks to the worker's public `/v1` API, typed by its route declarations: a call names its
 * path (a constant of `@userecho-edge/shared/paths`) and gets that route's parameters, body and
 * answer, so no path is written here and no answer is cast. Holds no secret: there is none in a
 * browser; writes carry the visitor's own site JWT.
 *
 * @example
 * const page = await api.get(FORUM_TOPICS, { params: { forumId: 1 }, query: { sort: "new" } });
 */
export class EdgeApi {
  readonly endpoint: string;

  constructor(endpoint: string) {
    this.endpoint = endpoint.replace(/\/+$/, "");
  }

  /** A read. */
  get<P extends PathOf<"get">>(
    path: P,
    input: CallAt<"get", P>["input"],
    options?: RequestOptions,
  ): Promise<CallAt<"get", P>["answer"]> {
    return this.#call("GET", path, input, options);
  }

  /** A write, as the signed-in visitor (`options.token`), with a JSON body. */
  post<P extends PathOf<"post">>(
    path: P,
    input: CallAt<"post", P>["input"],
    options: RequestOptions & { token: string },
  ): Promise<CallAt<"post", P>["answer"]> {
    return this.#call("POST", path, input, options);
  }

  async #call(method: string, path: string, input: Input, options: RequestOptions = {}) {
    const { params = {}, query = {}, body } = input;
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    if (options.token) headers["Authorization"] = `Bearer ${options.token}`;
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== "") search.set(name, String(value));
    }
    const url = `${this.endpoint}${path.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))}${search.toString() ? `?${search}` : ""}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted) throw error; // superseded: not a failure to report
      throw new ApiRequestError(0, undefined, { cause: error });
    }
    if (!response.ok) {
      const problem: Problem | undefined = response.headers.get("Content-Type")?.includes("json")
        ? await response.json().catch(() => undefined)
        : undefined;
      throw new ApiRequestError(response.status, problem);
    }
    // The worker parses every answer with its route's schema before it leaves (routes.ts), the
    // one that `CallAt` reads the answer's type from.
    return response.json();
  }
}
