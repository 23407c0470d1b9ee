/**
 * Normalised cache keys. The key is built from the *parsed* parameters (defaults filled in,
 * unknown parameters dropped, values clamped by the schema), sorted by name, so `?limit=20&page=1`,
 * `?page=1&limit=20` and `?` all share one entry.
 */
const KEY_BASE = "https://edge-cache.internal/v1/";

export function cacheKey(
  route: string,
  params: Readonly<Record<string, string | number | undefined>>,
  generations: readonly number[],
): string {
  // Built by hand: this runs on every cache hit, and URLSearchParams costs more than the rest.
  let query = "";
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value !== undefined) query += `${name}=${encodeURIComponent(value)}&`;
  }
  return `${KEY_BASE}${route}?${query}gen=${generations.join(".")}`;
}
