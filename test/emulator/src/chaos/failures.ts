/**
 * Failed answers as a plausible UserEcho sends them: error envelopes whose `status` is `"error"`
 * or `"fail"` (docs/USERECHO.md §2), with or without a `message`, at HTTP 200, 4xx or 5xx; the
 * HTML error page of a proxy in front of it; an empty body. Every text UserEcho writes carries
 * {@link MESSAGE_SENTINEL}: none may reach a visitor.
 */
import type { Random } from "../seed/random.ts";
import { CONTENT_TYPES, MESSAGE_SENTINEL, variantOf, type Dialect } from "./grammar.ts";

/** What a failed answer is, in words, and the answer. */
export interface FailedAnswer {
  readonly note: string;
  readonly response: Response;
}

/**
 * Whether a read fails on this attempt: `transient` fails the first attempt only (a retry gets
 * the answer), `hard` the first two (a single retry does not help; a later request does).
 */
export type FailureClass = "transient" | "hard";

/** How many attempts of a request each class fails. */
export const FAILED_ATTEMPTS: Readonly<Record<FailureClass, number>> = { transient: 1, hard: 2 };

/** Draws whether a read request fails, and how, from its own PRNG. */
export function failureClassOf(dialect: Dialect, random: Random): FailureClass | undefined {
  const roll = random.float();
  if (roll < dialect.hardFailures) return "hard";
  if (roll < dialect.hardFailures + dialect.transient) return "transient";
  return undefined;
}

const HTTP_REASONS: Readonly<Record<number, string>> = {
  200: "OK",
  400: "Bad Request",
  404: "Not Found",
  422: "Unprocessable Entity",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The JSON `Content-Type` this answer is labelled with. */
export function jsonContentType(dialect: Dialect, random: Random): string {
  switch (variantOf(dialect.contentTypes, CONTENT_TYPES, random)) {
    case "json":
      return "application/json";
    case "json-charset":
      return "application/json; charset=utf-8";
    case "text-html":
      return "text/html; charset=utf-8";
  }
}

/** `{"status":"error"|"fail", "message"?}`: the message, when sent, carries the sentinel. */
export function errorEnvelope(random: Random, why: string): { text: string; note: string } {
  const status = random.pick(["error", "fail"] as const);
  const withMessage = random.chance(0.75);
  const body: Record<string, string> = { status };
  if (withMessage) body["message"] = `${MESSAGE_SENTINEL}: ${why}`;
  return {
    text: JSON.stringify(body),
    note: `envelope ${status}${withMessage ? " with message" : " without message"}`,
  };
}

function htmlPage(status: number): string {
  const title = `${status} ${HTTP_REASONS[status] ?? "Error"}`;
  return (
    `<!DOCTYPE html><html><head><title>${title}</title></head><body><center><h1>${title}` +
    `</h1></center><hr><center>nginx</center><p>${MESSAGE_SENTINEL}: upstream said no</p>` +
    `</body></html>`
  );
}

function answer(
  status: number,
  body: string,
  contentType: string,
  extra: Record<string, string> = {},
): Response {
  // 204 and 304 take no body at all.
  return new Response(status === 204 ? null : body, {
    status,
    headers: { "Content-Type": contentType, ...extra },
  });
}

/**
 * UserEcho (or the proxy in front of it) failing: a 5xx with an error envelope, an HTML page
 * or nothing. A transient 503 never asks to wait long; a lasting one may.
 */
export function outage(dialect: Dialect, random: Random, failure: FailureClass): FailedAnswer {
  const status = random.pick([500, 502, 503, 504]);
  const retryAfter =
    status === 503 && failure === "hard" && random.chance(0.5) ? { "Retry-After": "120" } : {};
  const retryNote = "Retry-After" in retryAfter ? " Retry-After: 120" : "";
  switch (random.pick(["envelope", "html", "empty"] as const)) {
    case "envelope": {
      const envelope = errorEnvelope(random, "the service is unavailable");
      return {
        note: `${failure} HTTP ${status}${retryNote} ${envelope.note}`,
        response: answer(status, envelope.text, jsonContentType(dialect, random), retryAfter),
      };
    }
    case "html":
      return {
        note: `${failure} HTTP ${status}${retryNote} HTML error page`,
        response: answer(status, htmlPage(status), "text/html", retryAfter),
      };
    case "empty":
      return {
        note: `${failure} HTTP ${status}${retryNote} empty body`,
        response: answer(status, "", jsonContentType(dialect, random), retryAfter),
      };
  }
}

/**
 * A request refused for a reason of its own: an error envelope at HTTP 200 or a 4xx. `status` is
 * the emulator's own code for the refusal; 401 (a credential refused) stays 401, since the
 * dialects change encodings, not who may read what.
 */
export function refusal(
  dialect: Dialect,
  random: Random,
  why: string,
  status: number,
): FailedAnswer {
  const code = status === 401 ? 401 : random.pick([200, status]);
  const envelope = errorEnvelope(random, why);
  return {
    note: `refused: HTTP ${code} ${envelope.note}`,
    response: answer(code, envelope.text, jsonContentType(dialect, random)),
  };
}

/**
 * A read that keeps failing: an outage, or a refusal of something a valid token may read. The
 * forum list is never refused (with a working token it is the one answer known to work); an
 * outage hits it like anything else.
 */
export function hardFailure(dialect: Dialect, random: Random, command: string): FailedAnswer {
  const kinds = ["outage", "html-200", "empty-200", ...(command === "forums" ? [] : ["refusal"])];
  switch (random.pick(kinds)) {
    case "html-200":
      return { note: "hard HTTP 200 HTML page", response: answer(200, htmlPage(200), "text/html") };
    case "empty-200":
      return {
        note: "hard HTTP 200 empty body",
        response: answer(200, "", jsonContentType(dialect, random)),
      };
    case "refusal": {
      const refused = refusal(dialect, random, "request refused", random.pick([400, 404, 422]));
      return { note: `hard ${refused.note}`, response: refused.response };
    }
    default:
      return outage(dialect, random, "hard");
  }
}
