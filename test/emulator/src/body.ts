/**
 * Reading JSON write bodies (docs/USERECHO.md §7: bodies are JSON). Every failure is a
 * 400 naming the field, like the read side's parameter errors (inferred wording).
 */
import type { Context } from "hono";
import { ApiError, BadRequestError } from "./errors.ts";

/** Larger bodies are refused unread (inferred limit; the real one is unknown). */
export const MAX_BODY_BYTES = 256 * 1024;

export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * The request body as a JSON object. The `Content-Type` is not checked: the third-party
 * clients the docs quote do not all send one (inferred leniency).
 *
 * @throws BadRequestError for an empty, non-JSON or non-object body; ApiError 413 when too large.
 */
export async function readJsonObject(c: Context): Promise<JsonObject> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiError(413, "Request body too large");
  const text = await c.req.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) {
    throw new ApiError(413, "Request body too large");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestError("Request body is not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new BadRequestError("Request body must be a JSON object");
  }
  return value as JsonObject;
}

/** A string that is present and not blank. */
export function requiredText(body: JsonObject, name: string, maxLength: number): string {
  const value = body[name];
  if (value === undefined || value === null) {
    throw new BadRequestError(`Parameter '${name}' is required`);
  }
  if (typeof value !== "string") throw new BadRequestError(`Parameter '${name}' must be a string`);
  if (value.trim() === "") throw new BadRequestError(`Parameter '${name}' is required`);
  if (value.length > maxLength) {
    throw new BadRequestError(`Parameter '${name}' is longer than ${maxLength} characters`);
  }
  return value;
}

/** An optional string; `null` and absence both give "". */
export function optionalText(body: JsonObject, name: string, maxLength: number): string {
  const value = body[name];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new BadRequestError(`Parameter '${name}' must be a string`);
  if (value.length > maxLength) {
    throw new BadRequestError(`Parameter '${name}' is longer than ${maxLength} characters`);
  }
  return value;
}

/** A JSON integer ≥ 1 (strings are refused: the documented examples send numbers). */
export function requiredId(body: JsonObject, name: string): number {
  const value = body[name];
  if (value === undefined || value === null) {
    throw new BadRequestError(`Parameter '${name}' is required`);
  }
  return idValue(value, name);
}

/** An optional id; `null` and absence both give null. */
export function optionalId(body: JsonObject, name: string): number | null {
  const value = body[name];
  return value === undefined || value === null ? null : idValue(value, name);
}

/** An optional list of ids, duplicates dropped; absence gives []. */
export function optionalIdList(body: JsonObject, name: string): number[] {
  const value = body[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BadRequestError(`Parameter '${name}' must be a list of ids`);
  return [...new Set(value.map((item) => idValue(item, name)))];
}

/** An optional boolean. */
export function optionalBoolean(body: JsonObject, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean")
    throw new BadRequestError(`Parameter '${name}' must be a boolean`);
  return value;
}

function idValue(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new BadRequestError(`Parameter '${name}' must be a positive integer id`);
  }
  return value;
}
