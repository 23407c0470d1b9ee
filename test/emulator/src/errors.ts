import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Base of every failure the emulator reports. `app.onError` renders it as the API's error
 * envelope `{"status":"error","message":…}` with {@link ApiError.status} as the HTTP status.
 * (The real API's HTTP codes are unknown; the ones below are (inferred).)
 */
export class ApiError extends Error {
  override readonly name: string = "ApiError";

  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
  }
}

/** A query parameter has a bad value or names an unknown field. HTTP 400. */
export class BadRequestError extends ApiError {
  override readonly name = "BadRequestError";

  constructor(message: string) {
    super(400, message);
  }
}

/** `access_token` missing or unknown, or no user behind the request. HTTP 401. */
export class UnauthorizedError extends ApiError {
  override readonly name = "UnauthorizedError";

  constructor(message: string) {
    super(401, message);
  }
}

/** Unknown path, or an object that does not exist or is hidden from this token. HTTP 404. */
export class NotFoundError extends ApiError {
  override readonly name = "NotFoundError";

  constructor(message: string) {
    super(404, message);
  }
}

/** A write method: only the read side of the API is emulated. HTTP 405. */
export class MethodNotAllowedError extends ApiError {
  override readonly name = "MethodNotAllowedError";

  constructor(message: string) {
    super(405, message);
  }
}

/** The `.xml` format (or another unsupported format) was requested. HTTP 406. */
export class NotAcceptableError extends ApiError {
  override readonly name = "NotAcceptableError";

  constructor(message: string) {
    super(406, message);
  }
}
