import type { z } from "zod";
import { InvalidParameterError } from "../errors/index.ts";

/**
 * Parses a query string with a contract schema. The first failing parameter is named in the
 * 400 problem, so a client can fix its request without guessing.
 */
export function parseQuery<T extends z.ZodObject>(schema: T, url: string): z.infer<T> {
  const raw: Record<string, string> = {};
  const params = new URL(url).searchParams;
  for (const key of Object.keys(schema.shape)) {
    const values = params.getAll(key);
    if (values.length > 1) throw new InvalidParameterError(key, "must be given at most once");
    if (values[0] !== undefined) raw[key] = values[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = String(issue?.path[0] ?? "query");
  throw new InvalidParameterError(parameter, issue?.message ?? "is invalid");
}

export function parsePath<T extends z.ZodType>(schema: T, name: string, value: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidParameterError(name, "must be a positive integer id");
}
