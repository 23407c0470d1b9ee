import type { Context } from "hono";
import type { CacheRoute } from "../config/index.ts";
import type { AppEnv } from "../env.ts";
import { NotFoundError } from "../errors/index.ts";
import { createEntry, encodedBody, negativeEntry, type CachedEntry } from "./entry.ts";
import { EdgeCache, type CacheOutcome, type Flight, type FreshnessPolicy } from "./edge-cache.ts";
import { type GenerationMemo, Generations } from "./generations.ts";
import { cacheKey } from "./keys.ts";
import { CacheApiStore, KvStore, MemoryStore, TieredStore, type EntryStore } from "./store.ts";
import { edgeHeaders, purgeWorkersCache, scopeTags } from "./workers-cache.ts";
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
  /**
   * A 404 is cached too, as "not there" for the entry's TTL (a topic hidden or missing): asking
   * again for it costs a lookup, not UserEcho, and answers like any other 404.
   */
  negative?: boolean;
  /**
   * A stale entry is never served while it is refreshed, only when UserEcho fails: for what must
   * be proven again once its TTL is over (a topic's forum).
   */
  noStale?: boolean;
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
 * Where a purge reached: `global` when every location's tiers see it (CACHE_KV holds the
 * generations, or Workers Cache took the purge: it drops its copies everywhere at once),
 * `location` when only this Cloudflare location's do.
 */
export type PurgeReach = "global" | "location";

/**
 * The one purge: what these scopes cover misses next time in every tier. Generations move on for
 * the worker's own tiers, and the same names go to Workers Cache as tags when the runtime has it.
 * Admin purges, webhooks and writes all come here.
 */
export async function purgeScopes(
  c: Context<AppEnv>,
  scopes: readonly string[],
): Promise<PurgeReach> {
  const [, edge] = await Promise.all([
    bumpGenerations(c.env, scopes),
    purgeWorkersCache(executionContextOf(c), scopeTags(scopes)),
  ]);
  return c.env.CACHE_KV || edge ? "global" : "location";
}

/** Hono throws when a request came without an execution context (some tests do that). */
function executionContextOf(c: Context<AppEnv>): ExecutionContext | undefined {
  try {
    return c.executionCtx as ExecutionContext;
  } catch {
    return undefined;
  }
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
  const warmup = c.get("warmup")?.refreshWithinSeconds;
  const { entry, outcome } = await cache.serve(
    key,
    policy,
    async () => {
      try {
        const representation = await produce();
        return await createEntry(JSON.stringify(representation.body), representation.headers);
      } catch (error) {
        if (options.negative && error instanceof NotFoundError) return negativeEntry();
        throw error;
      }
    },
    (promise) => c.executionCtx.waitUntil(promise),
    {
      refreshWithinSeconds: options.noStale ? Math.max(0, warmup ?? 0) : warmup,
    },
  );
  if (entry.status === 404) {
    c.set("cacheOutcome", outcome);
    throw new NotFoundError();
  }
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
  const { entry, outcome, policy } = await cachedEntry(c, options, produce);
  c.set("cacheOutcome", outcome);
  // Only what was served: a scan of missing ids must not look popular to the warm-up.
  recordRead(c);

  const cacheControl = "public, no-cache";
  // What Workers Cache may keep, and for how long: only shared answers get here.
  const scopes = [ALL_SCOPE, ...(options.scope ? [options.scope] : [])];
  const edge = edgeHeaders(options.route, scopes, policy, outcome ?? { kind: "miss" });
  if (matchesEtag(c.req.header("If-None-Match"), entry.etag)) {
    return new Response(null, {
      status: 304,
      headers: { ETag: entry.etag, "Cache-Control": cacheControl, ...edge },
    });
  }
  return jsonResponse(entry, cacheControl, edge);
}

function jsonResponse(
  entry: CachedEntry,
  cacheControl: string,
  edge: Record<string, string> = {},
): Response {
  return new Response(encodedBody(entry), {
    status: entry.status,
    headers: {
      ...entry.headers,
      "Content-Type": "application/json; charset=utf-8",
      ETag: entry.etag,
      "Cache-Control": cacheControl,
      ...edge,
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
