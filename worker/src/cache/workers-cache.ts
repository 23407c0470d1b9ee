/**
 * Cloudflare's Workers Cache: a tiered cache in front of the worker, switched on in
 * wrangler.toml (`[cache]`). It keeps what a response's headers allow, serves a fresh hit
 * without running the worker at all, and is purged by `Cache-Tag` through `ctx.cache.purge`.
 * Everything this worker tells it is here: the directives and tags of a shared answer, and the
 * purge. Nothing here is needed for the worker to work: without Workers Cache (`pnpm dev`,
 * `wrangler dev`, a deployment with `[cache]` off), the headers are ignored and the purge is
 * skipped. README, "Edge cache", explains the choices.
 */
import type { CacheRoute } from "../config/index.ts";
import type { CacheOutcome, FreshnessPolicy } from "./edge-cache.ts";

/**
 * The edge's own directives. Workers Cache reads this header before `Cache-Control` and strips
 * it from what clients get, so browsers keep `Cache-Control: public, no-cache` (they revalidate
 * before each use, as they always did) while the edge keeps the answer for its fresh life.
 */
export const EDGE_CACHE_CONTROL = "Cloudflare-CDN-Cache-Control";

/**
 * The request headers a shared answer depends on, besides `Origin` (the CORS middleware adds
 * that one). A request with `Authorization` is a signed-in visitor's: their answer is personal
 * and never stored, and it must not be answered from an anonymous entry either, since Workers
 * Cache keys entries by path and query only. A request with `X-Api-Key` must reach the worker
 * once per key, so that an unknown key is refused (401) and counted against the caller's rate
 * limit rather than served from the cache.
 */
const VARY = "Authorization, X-Api-Key";

/**
 * Routes whose every read re-checks visibility in the worker (a cached topic's forum against the
 * visible forums; comments through their topic). A Workers Cache hit runs no check, so these
 * are never served past their fresh life at the edge: no `stale-while-revalidate`, no
 * `stale-if-error` (the worker's own tiers still serve stale copies where its rules allow,
 * after the check).
 */
const CHECKED_ON_READ: ReadonlySet<CacheRoute> = new Set(["topic", "comments"]);

/**
 * The tags of a shared answer: the generation scopes its key moves with (`all`, and `forum:12`
 * or `topic:345`), and its kind (`route:topics`). Tags are the scopes' own names, so a purge of
 * scopes needs no translation (see {@link scopeTags}).
 */
export function cacheTags(route: CacheRoute, scopes: readonly string[]): string[] {
  return [...scopes, `route:${route}`];
}

/** The Workers Cache tags a purge of these generation scopes covers. */
export function scopeTags(scopes: readonly string[]): string[] {
  return [...new Set(scopes)];
}

/**
 * What a shared answer tells Workers Cache. The edge keeps it for what is left of the entry's
 * fresh life here, not for a whole TTL: an answer the worker served from its own tiers is
 * already that old, and adding a full TTL at the edge would stretch how long a change (or a
 * topic hidden since) can be seen. An answer the worker served stale is not kept at all; its
 * refresh is under way. Lists, meta and the leaderboard may be served stale at the edge as they
 * are here (`stale-while-revalidate` is `CACHE_SWR_SECONDS`, `stale-if-error`
 * `CACHE_STALE_IF_ERROR_SECONDS`).
 */
export function edgeHeaders(
  route: CacheRoute,
  scopes: readonly string[],
  policy: FreshnessPolicy,
  outcome: CacheOutcome,
): Record<string, string> {
  const remaining =
    outcome.kind === "hit" ? outcome.ttl : outcome.kind === "miss" ? policy.freshSeconds : 0;
  if (remaining <= 0) return { [EDGE_CACHE_CONTROL]: "no-store", Vary: VARY };
  const directives = ["public", `max-age=${Math.floor(remaining)}`];
  if (CHECKED_ON_READ.has(route)) {
    // Cloudflare serves stale on a worker error indefinitely unless told otherwise.
    directives.push("stale-if-error=0");
  } else {
    if (policy.revalidateSeconds > 0) {
      directives.push(`stale-while-revalidate=${policy.revalidateSeconds}`);
    }
    directives.push(`stale-if-error=${policy.staleIfErrorSeconds}`);
  }
  return {
    [EDGE_CACHE_CONTROL]: directives.join(", "),
    "Cache-Tag": cacheTags(route, scopes).join(","),
    Vary: VARY,
  };
}

/** Cloudflare's purge takes at most this many tags per call. */
const TAGS_PER_PURGE = 100;

/**
 * Purges these tags from Workers Cache, everywhere, when the runtime offers `ctx.cache`
 * (Cloudflare with `[cache]` enabled; not Miniflare or `wrangler dev`). True when it did; false
 * when there is no Workers Cache or the purge was refused (rate-limited, for one: the edge then
 * keeps its copies until their fresh life ends, at most a route's TTL). Never throws: a purge is
 * always on top of the generations, which the caller has moved on already.
 */
export async function purgeWorkersCache(
  ctx: ExecutionContext | undefined,
  tags: readonly string[],
): Promise<boolean> {
  const cache = ctx?.cache;
  if (typeof cache?.purge !== "function" || tags.length === 0) return false;
  try {
    for (let start = 0; start < tags.length; start += TAGS_PER_PURGE) {
      const result = await cache.purge({ tags: tags.slice(start, start + TAGS_PER_PURGE) });
      if (!result.success) {
        console.warn(
          JSON.stringify({
            level: "warn",
            message: "workers cache purge refused",
            codes: result.errors.map((error) => error.code),
          }),
        );
        return false;
      }
    }
    return true;
  } catch (error) {
    console.warn(
      JSON.stringify({
        level: "warn",
        message: "workers cache purge failed",
        error: error instanceof Error ? error.name : typeof error,
      }),
    );
    return false;
  }
}
