import type { Problem } from "@userecho-edge/shared";
// Not the package's index: that builds every schema, and the Durable Object's module (which
// the isolate loads at start-up) needs only the problem types.
import { PROBLEM_CONTENT_TYPE, ProblemType } from "@userecho-edge/shared/problems";

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

export class InvalidBodyError extends ApiError {
  constructor(detail: string, parameter?: string) {
    super(400, ProblemType.invalidBody, "Invalid request body", detail, {
      members: parameter === undefined ? {} : { parameter },
    });
  }
}

export class UnauthorizedError extends ApiError {
  /** @param scheme `Signature`: a webhook's secret path and signed body. */
  constructor(detail: string, scheme: "Bearer" | "ApiKey" | "Signature" = "Bearer") {
    super(401, ProblemType.unauthorized, "Unauthorized", detail, {
      headers: {
        "WWW-Authenticate":
          scheme === "Bearer" ? 'Bearer error="invalid_token"' : `${scheme} realm="userecho-edge"`,
      },
    });
  }
}

/** Known credentials that do not open this route (a partner key or a site user on an admin route). */
export class ForbiddenError extends ApiError {
  constructor(detail: string) {
    super(403, ProblemType.forbidden, "Forbidden", detail);
  }
}

export class ForbiddenOriginError extends ApiError {
  constructor() {
    super(
      403,
      ProblemType.forbiddenOrigin,
      "Origin not allowed",
      "Writes must come from an allowed origin.",
    );
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super(
      413,
      ProblemType.payloadTooLarge,
      "Payload too large",
      `The body limit is ${limitBytes} bytes.`,
    );
  }
}

export class HeadersTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super(
      431,
      ProblemType.headersTooLarge,
      "Request header fields too large",
      `Headers may total at most ${limitBytes} bytes.`,
    );
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor() {
    super(
      415,
      ProblemType.unsupportedMediaType,
      "Unsupported media type",
      "Send application/json.",
    );
  }
}

export class IdempotencyConflictError extends ApiError {
  constructor(detail: string, status: 409 | 422) {
    super(status, ProblemType.idempotencyConflict, "Idempotency conflict", detail, {
      headers: status === 409 ? { "Retry-After": "1" } : {},
    });
  }
}

/**
 * An earlier request with this Idempotency-Key sent its write to UserEcho, and what became of it
 * is unknown (it timed out, or its answer was lost). Sending it again could make it twice; the
 * client should look (reload the topic) before it sends the text again under a new key.
 */
export class WriteOutcomeUnknownError extends ApiError {
  constructor() {
    super(
      409,
      ProblemType.writeOutcomeUnknown,
      "Outcome of the write unknown",
      "An earlier request with this Idempotency-Key reached UserEcho, and whether it was carried out is unknown. It is not sent again: check, and send it under a new key if it is missing.",
    );
  }
}

export class VotingHandoffError extends ApiError {
  constructor() {
    super(
      409,
      ProblemType.votingHandoff,
      "Voting happens on the community",
      "Open the topic through POST /v1/sso/link to vote.",
    );
  }
}

/** UserEcho refused a write (HTTP 400/422): our validation let through something it rejects. */
/**
 * UserEcho refused a vote although its vote endpoint works for this visitor: a user group caps
 * how many votes a user may give in all, and this visitor's are spent (board/voting.ts).
 */
export class VoteBudgetSpentError extends ApiError {
  constructor() {
    super(
      409,
      ProblemType.voteBudgetSpent,
      "No votes left",
      "UserEcho refused the vote: the visitor's votes are probably all given. Taking one back frees it.",
    );
  }
}

export class UpstreamRejectedError extends ApiError {
  constructor(cause?: unknown) {
    super(
      422,
      ProblemType.upstreamRejected,
      "Rejected by UserEcho",
      "UserEcho refused the request.",
      { cause },
    );
  }
}

/**
 * 404. Every not-found answer of the API has the same body, whatever was missing and whether it
 * exists but is hidden: a different text would let anyone tell hidden topics from missing ones.
 */
export class NotFoundError extends ApiError {
  constructor() {
    super(404, ProblemType.notFound, "Not found", "No such resource.");
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
  /** A 5xx of UserEcho's: another try may well succeed. */
  readonly transient: boolean;

  constructor(detail: string, options: { transient?: boolean } = {}) {
    super(502, ProblemType.upstreamError, "Upstream error", detail);
    this.transient = options.transient ?? false;
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

/**
 * UserEcho answered a read with an error although the worker's credentials work: a parameter
 * was refused, or the object does not exist or is hidden from the token. UserEcho's error codes
 * and texts are unknown (docs/USERECHO.md, "Errors"), so this is all the worker can tell. A
 * single object refused is a 404 (the client says so); a list of something known to exist is
 * UserEcho failing (502), unless the caller can fall back from a refused guess
 * (upstream/topic-list.ts).
 */
export class UpstreamRefusedError extends UpstreamError {
  constructor(command: string) {
    super(`UserEcho refused ${command}.`);
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

/**
 * UserEcho refused the signed-in visitor's own credentials while the worker's work: the user is
 * banned or blocked there, or their profile was refused. It concerns that visitor only, so it
 * is their 403 (or a 401 when their token has run out meanwhile), never a verdict on the worker's
 * configuration that others would get (docs/USERECHO.md §2).
 */
export class UserRefusedError extends ApiError {
  constructor() {
    super(
      403,
      ProblemType.userRefused,
      "Refused by the community",
      "UserEcho refused this user's sign-in.",
    );
  }
}

/**
 * The worker declines work it has spent its budget on for now (looking up where a topic lives),
 * so that a scan of ids cannot turn into a flood of calls to UserEcho.
 */
export class OverloadedError extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(503, ProblemType.overloaded, "Busy", "Too many lookups right now; retry later.", {
      headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
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
