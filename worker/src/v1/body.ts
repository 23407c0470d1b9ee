import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../env.ts";
import {
  InvalidBodyError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "../errors/index.ts";

/** Largest JSON body a write accepts; a topic description is at most 20 000 characters. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body: `application/json` only (415), at most {@link MAX_BODY_BYTES}
 * (413, counted while reading, whatever Content-Length claims), valid JSON (400), and valid
 * against the contract schema (400 naming the first bad field).
 */
export async function readJsonBody<T extends z.ZodType>(
  c: Context<AppEnv>,
  schema: T,
): Promise<{ value: z.infer<T>; raw: string }> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new UnsupportedMediaTypeError();
  const declared = Number(c.req.header("Content-Length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);

  const raw = await readCapped(c.req.raw.body, MAX_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new InvalidBodyError("The body is not valid JSON.");
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const unknownKey = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const field = issue?.path.length ? issue.path.join(".") : unknownKey;
    const detail =
      unknownKey === undefined ? (issue?.message ?? "is invalid") : "is not a known field";
    throw new InvalidBodyError(`${field ?? "body"}: ${detail}`, field);
  }
  return { value: result.data, raw };
}

async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return "";
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
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InvalidBodyError("The body is not valid UTF-8.");
  }
}
