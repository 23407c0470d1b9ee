import type { PageDetails } from "./envelope.ts";
import { BadRequestError } from "./errors.ts";

/** Page size when `limit` is absent (documented). */
export const DEFAULT_LIMIT = 50;
/** Largest page size served; larger requests are clamped (inferred: the maximum is unknown). */
export const MAX_LIMIT = 100;

export interface Paging {
  readonly page: number;
  readonly limit: number;
}

export interface Page<T> {
  readonly data: T[];
  readonly details: PageDetails;
}

/**
 * Reads `page` (default 1) and `limit` (default {@link DEFAULT_LIMIT}, clamped to
 * {@link MAX_LIMIT}) from the query string.
 *
 * @throws BadRequestError when either is present but not an integer ≥ 1 (inferred behaviour).
 */
export function parsePaging(params: URLSearchParams): Paging {
  const page = positiveInteger(params, "page") ?? 1;
  const limit = Math.min(positiveInteger(params, "limit") ?? DEFAULT_LIMIT, MAX_LIMIT);
  return { page, limit };
}

function positiveInteger(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new BadRequestError(`Parameter '${name}' must be a positive integer`);
  }
  return value;
}

/**
 * Cuts one page out of the full, already filtered and ordered result. A page past the end is
 * empty but keeps the same `details` (inferred).
 */
export function paginate<T>(items: readonly T[], { page, limit }: Paging): Page<T> {
  const offset = (page - 1) * limit;
  return {
    data: items.slice(offset, offset + limit),
    details: { count: items.length, limit, page, from: offset + 1 },
  };
}
