import type { Context } from "hono";
import type { CacheRoute } from "../config/index.ts";
import type { AppEnv } from "../env.ts";
import { createEntry, encodedBody, type CachedEntry } from "./entry.ts";
import { EdgeCache, type CacheOutcome, type Flight, type FreshnessPolicy } from "./edge-cache.ts";
import { type GenerationMemo, Generations } from "./generations.ts";
import { cacheKey } from "./keys.ts";
import { CacheApiStore, KvStore, MemoryStore, TieredStore, type EntryStore } from "./store.ts";
import { recordRead } from "../warmup/index.ts";

export { cacheStatus, type CacheOutcome } from "./edge-cache.ts";

/** What a route hands to the cache: the DTO and the headers that belong with it. */
export interface Representation {
  body: unknown;
  headers?: Record<string, string>;
}

export interface CachedRouteOptions {
  route: CacheRoute;
  /** The parsed (normalised) parameters that select the representation. */
  params: Readonly<Record<string, string | number | undefined>>;
  /** Generation scope whose bump invalidates this entry, e.g. `forum:12`. */
  scope?: string;
  /**
   * The representation is the same for everyone even on a personal request (it is produced with
   * the agent client, e.g. the list of visible forums), so it may use the shared cache anyway.
   */
  sharedEvenIfPersonal?: boolean;
  /**
   * Never shared, even for anonymous requests: a search, for one, since a hit would tell the
   * next visitor that someone searched for the same words, and roughly when.
   */
  unshared?: boolean;
  /**
   * Called with every entry before it is used, fresh or cached: throw to refuse it. For what
   * may change without the entry's key changing (a topic whose forum is hidden since).
   */
  accept?: (entry: CachedEntry) => Promise<void> | void;
}

/**
 * What the isolate keeps between requests: the memory tier, the fetches under way (for
 * coalescing) and the generations read lately. Module state, not keyed by `env`: a wrapper that
 * hands each request a new `env` object (some observability SDKs do) must not turn the cache off.
 */
const isolate = {
  memory: new MemoryStore(),
  inflight: new Map<string, Flight>(),
  generations: new Map<string, GenerationMemo>(),
};

/** The cache for this request's bindings, over the isolate's shared state. */
function isolateCache(env: Env): { cache: EdgeCache; generations: Generations } {
  const tiers: EntryStore[] = [isolate.memory, new CacheApiStore(caches.default)];
  if (env.CACHE_KV) tiers.push(new KvStore(env.CACHE_KV));
  return {
    cache: new EdgeCache(new TieredStore(tiers), isolate.inflight),
    generations: new Generations(caches.default, env.CACHE_KV, isolate.generations),
  };
}

/** The generation scope every cached entry belongs to: bumping it purges everything. */
export const ALL_SCOPE = "all";

/** New generations for these scopes: the next read of what they cover misses and asks again. */
export async function bumpGenerations(env: Env, scopes: readonly string[]): Promise<void> {
  const { generations } = isolateCache(env);
  await Promise.all(scopes.map((scope) => generations.bump(scope)));
}

/**
 * Requests made as a signed-in user are personal (their own vote, for one): they never read
 * from or write to the shared cache (README, "Edge cache", point 6). Partner requests are
 * not personalised, so they share the cache; a request with credentials that did not verify
 * never gets here (401).
 */
export function isPersonal(c: Context<AppEnv>): boolean {
  return c.get("identity") !== undefined || c.req.header("Authorization") !== undefined;
}

/** Serves a representation through the edge cache and returns the entry, for reuse in code. */
export async function cachedEntry(
  c: Context<AppEnv>,
  options: CachedRouteOptions,
  produce: () => Promise<Representation>,
): Promise<{ entry: CachedEntry; outcome: CacheOutcome | undefined; policy: FreshnessPolicy }> {
  const { cache, generations } = isolateCache(c.env);
  const policy = c.get("config").cache[options.route];
  if (options.unshared || (isPersonal(c) && !options.sharedEvenIfPersonal)) {
    const representation = await produce();
    const entry = await createEntry(JSON.stringify(representation.body), representation.headers);
    await options.accept?.(entry);
    return { entry, outcome: undefined, policy };
  }
  // Every key moves with the `all` generation (a purge of everything) and with its own scope's.
  const generation = await Promise.all([
    generations.get(ALL_SCOPE),
    ...(options.scope ? [generations.get(options.scope)] : []),
  ]);
  // The upstream is part of the key: entries of another USERECHO_BASE_URL are never served.
  const params = { ...options.params, upstream: upstreamTag(c.get("config").upstreamBaseUrl) };
  const key = cacheKey(options.route, params, generation);
  const { entry, outcome } = await cache.serve(
    key,
    policy,
    async () => {
      const representation = await produce();
      return createEntry(JSON.stringify(representation.body), representation.headers);
    },
    (promise) => c.executionCtx.waitUntil(promise),
    { refreshWithinSeconds: c.get("warmup")?.refreshWithinSeconds },
  );
  await options.accept?.(entry);
  return { entry, outcome, policy };
}

/**
 * A cached JSON route: the shared cache for anonymous requests, straight to upstream for
 * personal and unshared ones, with `ETag`/304, `Cache-Control` and `Cache-Status` (via the
 * request log).
 *
 * Browsers get `no-cache`: they keep the answer but check it (`If-None-Match`, a 304 from the
 * edge cache) before each use, so right after a write, the visitor's own or anyone's, nothing
 * stale from the browser's cache is shown. The edge cache does the caching.
 */
export async function cachedJson(
  c: Context<AppEnv>,
  options: CachedRouteOptions,
  produce: () => Promise<Representation>,
): Promise<Response> {
  if (isPersonal(c) || options.unshared) {
    const { entry } = await cachedEntry(
      c,
      { ...options, sharedEvenIfPersonal: false, unshared: true },
      produce,
    );
    return jsonResponse(entry, "private, no-store");
  }
  c.set("cacheOutcome", { kind: "miss" });
  recordRead(c);
  const { entry, outcome } = await cachedEntry(c, options, produce);
  c.set("cacheOutcome", outcome);

  const cacheControl = "public, no-cache";
  if (matchesEtag(c.req.header("If-None-Match"), entry.etag)) {
    return new Response(null, {
      status: 304,
      headers: { ETag: entry.etag, "Cache-Control": cacheControl },
    });
  }
  return jsonResponse(entry, cacheControl);
}

function jsonResponse(entry: CachedEntry, cacheControl: string): Response {
  return new Response(encodedBody(entry), {
    status: entry.status,
    headers: {
      ...entry.headers,
      "Content-Type": "application/json; charset=utf-8",
      ETag: entry.etag,
      "Cache-Control": cacheControl,
    },
  });
}

const upstreamTags = new Map<string, string>();

/** A short, stable tag of an upstream base URL for cache keys (FNV-1a, 32 bits). */
function upstreamTag(baseUrl: string): string {
  let tag = upstreamTags.get(baseUrl);
  if (tag === undefined) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < baseUrl.length; i++) {
      hash = Math.imul(hash ^ baseUrl.charCodeAt(i), 0x01000193);
    }
    tag = (hash >>> 0).toString(36);
    upstreamTags.set(baseUrl, tag);
  }
  return tag;
}

/** RFC 9110 §13.1.2: weak comparison, a list of tags, or `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
