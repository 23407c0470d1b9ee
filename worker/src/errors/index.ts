import { PROBLEM_CONTENT_TYPE, ProblemType, type Problem } from "@userecho-edge/shared";

/**
 * The one error hierarchy of the worker. Anything thrown while handling a request ends up in
 * {@link problemResponse}; an error that is not an {@link ApiError} becomes an opaque 500 so that
 * no message, stack or secret of an unexpected failure reaches the client.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ProblemType;
  readonly title: string;
  /** Extra RFC 9457 members, e.g. the rejected `parameter`. Never put secrets here. */
  readonly members: Partial<Pick<Problem, "parameter" | "variable">>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    type: ProblemType,
    title: string,
    detail?: string,
    options: {
      members?: ApiError["members"];
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(detail ?? title, { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.type = type;
    this.title = title;
    this.members = options.members ?? {};
    this.headers = options.headers ?? {};
  }
}

export class InvalidParameterError extends ApiError {
  constructor(parameter: string, detail: string) {
    super(400, ProblemType.invalidParameter, "Invalid parameter", `${parameter}: ${detail}`, {
      members: { parameter },
    });
  }
}

export class NotFoundError extends ApiError {
  constructor(detail = "No such resource.") {
    super(404, ProblemType.notFound, "Not found", detail);
  }
}

export class MethodNotAllowedError extends ApiError {
  constructor(allow: string) {
    super(405, ProblemType.methodNotAllowed, "Method not allowed", `Allowed: ${allow}.`, {
      headers: { Allow: allow },
    });
  }
}

export class RateLimitedError extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(429, ProblemType.rateLimited, "Too many requests", "Slow down and retry later.", {
      headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}

/** UserEcho answered, but not with something we can use: an error envelope or a malformed body. */
export class UpstreamError extends ApiError {
  constructor(detail: string, cause?: unknown) {
    super(502, ProblemType.upstreamError, "Upstream error", detail, { cause });
  }
}

/**
 * UserEcho could not be reached (502, as a proxy answers a refused connection) or said it is
 * overloaded (503, with its Retry-After passed on).
 */
export class UpstreamUnavailableError extends ApiError {
  constructor(
    detail: string,
    options: { status?: 502 | 503; retryAfterSeconds?: number | undefined; cause?: unknown } = {},
  ) {
    super(options.status ?? 503, ProblemType.upstreamUnavailable, "Upstream unavailable", detail, {
      cause: options.cause,
      headers:
        options.retryAfterSeconds === undefined
          ? {}
          : { "Retry-After": String(options.retryAfterSeconds) },
    });
  }
}

export class UpstreamTimeoutError extends ApiError {
  constructor(timeoutMs: number) {
    super(
      504,
      ProblemType.upstreamTimeout,
      "Upstream timeout",
      `No answer within ${timeoutMs} ms.`,
    );
  }
}

/** Names the variable, never its value: the value may be a secret. */
export class MisconfiguredError extends ApiError {
  constructor(variable: string, detail: string) {
    super(500, ProblemType.misconfigured, "Worker misconfigured", `${variable}: ${detail}`, {
      members: { variable },
    });
  }
}

/** Renders any thrown value as an RFC 9457 response. */
export function problemResponse(error: unknown, requestId?: string): Response {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(500, ProblemType.internal, "Internal error", "Something went wrong.");
  const body: Problem = {
    type: apiError.type,
    title: apiError.title,
    status: apiError.status,
    detail: apiError.message,
    ...apiError.members,
    ...(requestId === undefined ? {} : { requestId }),
  };
  return new Response(JSON.stringify(body), {
    status: apiError.status,
    headers: {
      "Content-Type": PROBLEM_CONTENT_TYPE,
      "Cache-Control": "no-store",
      ...apiError.headers,
    },
  });
}
