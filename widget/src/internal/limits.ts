/**
 * A count attribute (`page-size`, `limit`) as the API accepts it: an integer from 1 to 100,
 * `fallback` when it is missing or not a number.
 */
export function clampCount(value: unknown, fallback: number): number {
  return Math.min(100, Math.max(1, Math.trunc(Number(value)) || fallback));
}
