/**
 * UserEcho's envelope (`{status, data, message, details}`, docs/USERECHO.md §2, §3), read from
 * whatever came over the wire: JSON or not, a success or an error at any HTTP status, a list in
 * any of its encodings, paging numbers as numbers or strings.
 */
import { isRecord, readCount } from "./values.ts";

/** The paging numbers of a list, each only when it reads as a number. */
export interface Details {
  /** The total over all pages. */
  count: number | undefined;
  /** The page size UserEcho says it applied: checked against the page before it is believed. */
  limit: number | undefined;
}

/** What one HTTP answer of UserEcho says, before anything about its `data` is believed. */
export type Answer =
  | { kind: "success"; data: unknown; details: Details }
  /** A well-formed answer that is not a success: an error envelope, or a success at HTTP ≥ 400. */
  | { kind: "error" }
  /** No envelope at all: not JSON (an HTML error page, an empty or cut body), or not an object. */
  | { kind: "unreadable" };

const SUCCESS = new Set(["success", "ok"]);

/**
 * Reads an answer's body. A success needs a 2xx status and either `status: "success"` (any case,
 * `"ok"` too, or `true`), or no `status` at all with `data` and no `error` (how a bare object
 * API answers); a top-level array is a list in the older API's style. Nothing in an error is
 * read: its `message` is UserEcho's text, neither relied on nor forwarded (§2).
 */
export function readAnswer(httpStatus: number, body: string): Answer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: "unreadable" };
  }
  const ok = httpStatus >= 200 && httpStatus < 300;
  if (Array.isArray(parsed)) {
    return ok ? { kind: "success", data: parsed, details: NO_DETAILS } : { kind: "error" };
  }
  if (!isRecord(parsed)) return { kind: "unreadable" };
  const status = parsed["status"];
  const success =
    status === true ||
    (typeof status === "string" && SUCCESS.has(status.trim().toLowerCase())) ||
    (status === undefined && "data" in parsed && parsed["error"] === undefined);
  if (!success || !ok) return { kind: "error" };
  return { kind: "success", data: parsed["data"], details: readDetails(parsed["details"]) };
}

const NO_DETAILS: Details = { count: undefined, limit: undefined };

function readDetails(value: unknown): Details {
  if (!isRecord(value)) return NO_DETAILS;
  const limit = readCount(value["limit"]);
  return {
    count: readCount(value["count"]),
    limit: limit !== undefined && limit > 0 ? limit : undefined,
  };
}

/**
 * A list's items, from every encoding a list plausibly comes in: an array; `null`, `{}`, `""` or
 * no `data` at all for an empty list; or an object of items keyed by position or by id (what PHP's json_encode
 * makes of a non-sequential array). `keyed` says the order was lost: JSON.parse sorts integer
 * keys, so the caller restores the order it asked for. `undefined` for anything else.
 */
export function readList(
  data: unknown,
): { items: unknown[]; keyed: boolean; positional: boolean } | undefined {
  if (Array.isArray(data)) return { items: data, keyed: false, positional: false };
  if (data === null || data === undefined || data === "") {
    return { items: [], keyed: false, positional: false };
  }
  if (isRecord(data)) {
    const values = Object.values(data);
    if (!values.every((value) => isRecord(value))) return undefined;
    const keys = Object.keys(data);
    const first = Number(keys[0]);
    const positional = keys.every((key, index) => key === String(first + index));
    return { items: values, keyed: true, positional };
  }
  return undefined;
}

/**
 * One object where one is expected; a list of exactly one object is read as that object (some
 * APIs wrap single objects). `undefined` for anything else, `null` included.
 */
export function readSingle(data: unknown): unknown {
  if (Array.isArray(data)) return data.length === 1 ? data[0] : undefined;
  return isRecord(data) ? data : undefined;
}
