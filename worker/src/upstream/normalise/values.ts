/**
 * Readers for single values, each accepting every encoding a plausible UserEcho (or its older
 * API) sends for that kind of value, and answering `undefined` for anything else. None throws:
 * a value that cannot be read costs its field, never the item (docs/USERECHO.md §4).
 */

const DIGITS = /^\s*\d+\s*$/;
const SIGNED_DIGITS = /^\s*[-+]?\d+\s*$/;

/** A positive integer id: `12` or `"12"`. */
export function readId(value: unknown): number | undefined {
  const number = readInteger(value);
  return number !== undefined && number > 0 ? number : undefined;
}

/** An integer, negative too (a vote): `3`, `"-1"`, `3.0`. */
export function readInteger(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === "string" && SIGNED_DIGITS.test(value)) {
    const number = Number(value.trim());
    return Number.isSafeInteger(number) ? number : undefined;
  }
  return undefined;
}

/** A count: a non-negative integer. */
export function readCount(value: unknown): number | undefined {
  if (typeof value === "string" && !DIGITS.test(value)) return undefined;
  const number = readInteger(value);
  return number !== undefined && number >= 0 ? number : undefined;
}

/** A finite number, fractions allowed (a user's rating is a float in one sample). */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(value)) {
    return Number(value.trim());
  }
  return undefined;
}

const TRUE = new Set(["true", "1", "yes"]);
const FALSE = new Set(["false", "0", "no", ""]);

/** `true`/`false`, `1`/`0`, and the same as strings. */
export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE.has(word)) return true;
    if (FALSE.has(word)) return false;
  }
  return undefined;
}

/** Text: a string, or a number sent where text was meant (a title such as `2026`). */
export function readText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Text with something in it, for what names an item (a topic's title, a forum's name). */
export function readTitle(value: unknown): string | undefined {
  const text = readText(value);
  return text !== undefined && text.trim() !== "" ? text : undefined;
}

// `2026-12-07 04:22:59` and `2026-12-07T04:22:59.123`: no zone, which UserEcho means as UTC.
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;
const ZONED = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/** Unix times below this are seconds, above it milliseconds (1e11 s is the year 5138). */
const SECONDS_LIMIT = 1e11;

/**
 * A point in time as an ISO 8601 string in UTC with milliseconds, from ISO 8601 with or without
 * milliseconds, `Z` or an offset; `YYYY-MM-DD HH:MM:SS` (UTC); a date alone; or Unix seconds or
 * milliseconds.
 */
export function readTimestamp(value: unknown): string | undefined {
  let time: number;
  if (typeof value === "number" || (typeof value === "string" && DIGITS.test(value))) {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) return undefined;
    time = number < SECONDS_LIMIT ? number * 1000 : number;
  } else if (typeof value === "string") {
    const text = value.trim();
    const zoneless = ZONELESS.exec(text);
    if (zoneless) time = Date.parse(`${zoneless[1]}T${zoneless[2]}Z`);
    else if (ZONED.test(text)) time = Date.parse(text.replace(" ", "T"));
    else return undefined;
  } else {
    return undefined;
  }
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An absolute http(s) URL, or `undefined`: a `javascript:` avatar must never reach an `<img>`. */
export function readHttpUrl(value: unknown): string | undefined {
  const text = readText(value)?.trim();
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
