import type { Context } from "hono";
import type * as z from "zod/mini";
import type { AppEnv } from "../env.ts";
import {
  InvalidBodyError,
  InvalidParameterError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "../errors/index.ts";

/** Largest JSON body a write accepts; a topic description is at most 20 000 characters. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * A validation issue in words a client developer reads at once. zod/mini ships no messages
 * (keeping the worker small); these cover every check the contract uses.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${article(issue.expected)}`;
    case "too_small":
      return issue.origin === "string"
        ? `must be at least ${issue.minimum} characters long`
        : issue.origin === "array"
          ? `must hold at least ${issue.minimum} items`
          : `must be ${issue.inclusive === false ? "greater than" : "at least"} ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string"
        ? `must be at most ${issue.maximum} characters long`
        : issue.origin === "array"
          ? `must hold at most ${issue.maximum} items`
          : `must be ${issue.inclusive === false ? "less than" : "at most"} ${issue.maximum}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_union":
      return "is not one of the accepted values";
    case "unrecognized_keys":
      return "is not a known field";
    case "invalid_format":
      return `must be a valid ${issue.format}`;
    default:
      return "is invalid";
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The path parameters of a route, parsed; the first bad one is named in the 400. */
export function parseParams<T extends z.ZodMiniObject>(
  schema: T,
  raw: Record<string, string>,
): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InvalidParameterError(
    String(issue?.path[0] ?? "path"),
    "must be a positive integer id",
  );
}

/** Query strings seen lately and their parses, per schema: popular pages repeat a few. */
const parsedQueries = new WeakMap<z.ZodMiniObject, Map<string, unknown>>();
const PARSED_QUERIES_KEPT = 256;

/**
 * Parses a query string with a contract schema. A parameter given twice is refused, unknown ones
 * are ignored, and the first failing one is named in the 400, so a client can fix its request
 * without guessing. A query string parsed lately is not parsed again: the result is frozen and
 * shared, and this runs on every cache hit.
 */
export function parseQuery<T extends z.ZodMiniObject>(
  schema: T,
  url: string,
): Readonly<z.infer<T>> {
  const at = url.indexOf("?");
  const search = at < 0 ? "" : url.slice(at);
  let recent = parsedQueries.get(schema);
  const known = recent?.get(search);
  if (known !== undefined) return known as z.infer<T>;

  const raw: Record<string, string> = {};
  const params = new URLSearchParams(search);
  for (const key of Object.keys(schema.shape)) {
    const values = params.getAll(key);
    if (values.length > 1) throw new InvalidParameterError(key, "must be given at most once");
    if (values[0] !== undefined) raw[key] = values[0];
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidParameterError(String(issue.path[0] ?? "query"), issueMessage(issue));
  }
  const parsed = Object.freeze(result.data);
  if (!recent) parsedQueries.set(schema, (recent = new Map()));
  if (recent.size >= PARSED_QUERIES_KEPT) recent.delete(recent.keys().next().value!);
  recent.set(search, parsed);
  return parsed;
}

/**
 * Reads a JSON request body: `application/json` only (415), at most {@link MAX_BODY_BYTES}
 * (413, counted while reading, whatever Content-Length claims), valid UTF-8 JSON (400), and
 * valid against the contract schema (400 naming the first bad field).
 */
export async function readJsonBody<T extends z.ZodMiniType>(
  c: Context<AppEnv>,
  schema: T,
): Promise<{ value: z.infer<T>; raw: string }> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new UnsupportedMediaTypeError();
  const declared = Number(c.req.header("Content-Length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);

  const raw = await readCapped(c.req.raw.body, MAX_BODY_BYTES);
  return parseJsonBody(schema, raw);
}

/** A body already read, as JSON valid against the contract schema (400 naming the field). */
export function parseJsonBody<T extends z.ZodMiniType>(
  schema: T,
  raw: string,
): { value: z.infer<T>; raw: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new InvalidBodyError("The body is not valid JSON.");
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const field = issue.path.length ? issue.path.join(".") : unknownKey;
    throw new InvalidBodyError(`${field ?? "body"}: ${issueMessage(issue)}`, field);
  }
  return { value: result.data, raw };
}

async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  return decodeUtf8(await readCappedBytes(body, limit));
}

/** A body's bytes, at most `limit` of them (413 beyond, counted while reading). */
export async function readCappedBytes(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** UTF-8 text, strictly: a body that is not is refused (400) rather than read with U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InvalidBodyError("The body is not valid UTF-8.");
  }
}
