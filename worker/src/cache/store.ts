import type { CachedEntry } from "./entry.ts";

/** Somewhere entries live between requests. */
export interface EntryStore {
  get(key: string): Promise<CachedEntry | undefined>;
  /** `ttlSeconds` is how long the store should keep the entry at all (fresh or stale). */
  put(key: string, entry: CachedEntry, ttlSeconds: number): Promise<void>;
  /** Forgets the entry, e.g. because what it holds is gone or hidden upstream. */
  delete(key: string): Promise<void>;
}

const META_HEADER = "X-Edge-Entry";

/**
 * The isolate's own memory, in front of the Cache API: a hit there costs no I/O at all. Bounded
 * by entry count and bytes, least recently used first out. Per isolate, so other isolates learn
 * of a write through the generation in the key, like every other tier.
 */
export class MemoryStore implements EntryStore {
  readonly #entries = new Map<string, { entry: CachedEntry; expiresAt: number; bytes: number }>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(options: { maxEntries?: number; maxBytes?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 500;
    this.#maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  }

  async get(key: string): Promise<CachedEntry | undefined> {
    const found = this.#entries.get(key);
    if (!found) return undefined;
    this.#entries.delete(key);
    if (found.expiresAt <= Date.now()) {
      this.#bytes -= found.bytes;
      return undefined;
    }
    this.#entries.set(key, found); // most recently used goes last
    return found.entry;
  }

  async delete(key: string): Promise<void> {
    const found = this.#entries.get(key);
    if (!found) return;
    this.#entries.delete(key);
    this.#bytes -= found.bytes;
  }

  async put(key: string, entry: CachedEntry, ttlSeconds: number): Promise<void> {
    const bytes = entry.body.length * 2 + key.length * 2;
    if (bytes > this.#maxBytes / 4) return; // one huge body must not flush everything else
    const previous = this.#entries.get(key);
    if (previous) {
      this.#entries.delete(key);
      this.#bytes -= previous.bytes;
    }
    this.#entries.set(key, { entry, expiresAt: Date.now() + ttlSeconds * 1000, bytes });
    this.#bytes += bytes;
    for (const [oldest, value] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= value.bytes;
    }
  }
}

/**
 * The Cache API (one per Cloudflare location). It would apply HTTP freshness rules of its own and
 * ignores stale-while-revalidate, so the entry's own metadata travels in a header and the stored
 * `Cache-Control` only says how long to keep the bytes.
 */
export class CacheApiStore implements EntryStore {
  readonly #cache: Cache;

  constructor(cache: Cache) {
    this.#cache = cache;
  }

  async get(key: string): Promise<CachedEntry | undefined> {
    const response = await this.#cache.match(key);
    if (!response) return undefined;
    const meta = parseMeta(response.headers.get(META_HEADER));
    if (!meta) {
      await response.body?.cancel();
      return undefined;
    }
    return { ...meta, body: await response.text() };
  }

  async delete(key: string): Promise<void> {
    await this.#cache.delete(key);
  }

  async put(key: string, entry: CachedEntry, ttlSeconds: number): Promise<void> {
    const { body, ...meta } = entry;
    await this.#cache.put(
      key,
      new Response(body, {
        headers: {
          "Content-Type": "application/json",
          "Cache-Control": `public, max-age=${Math.max(1, Math.floor(ttlSeconds))}`,
          [META_HEADER]: JSON.stringify(meta),
        },
      }),
    );
  }
}

/**
 * Workers KV: global, eventually consistent, and the only cache on `*.workers.dev`, where the
 * Cache API stores nothing. KV keeps keys for at least 60 s.
 */
export class KvStore implements EntryStore {
  readonly #kv: KVNamespace;

  constructor(kv: KVNamespace) {
    this.#kv = kv;
  }

  async get(key: string): Promise<CachedEntry | undefined> {
    const value = await this.#kv.get<CachedEntry>(kvKey(key), "json");
    return value && typeof value.body === "string" ? value : undefined;
  }

  async delete(key: string): Promise<void> {
    await this.#kv.delete(kvKey(key));
  }

  async put(key: string, entry: CachedEntry, ttlSeconds: number): Promise<void> {
    await this.#kv.put(kvKey(key), JSON.stringify(entry), {
      expirationTtl: Math.max(60, Math.floor(ttlSeconds)),
    });
  }
}

/** Reads the nearest tier first and back-fills it from farther ones; writes every tier. */
export class TieredStore implements EntryStore {
  readonly #tiers: readonly EntryStore[];

  constructor(tiers: readonly EntryStore[]) {
    this.#tiers = tiers;
  }

  async get(key: string): Promise<CachedEntry | undefined> {
    for (const [index, tier] of this.#tiers.entries()) {
      const entry = await tier.get(key);
      if (!entry) continue;
      if (index > 0) {
        // Keep it nearer for as long as the farther tier would: what it has left of its life
        // is not known here, so a minute, after which the farther tier is asked again.
        await Promise.all(this.#tiers.slice(0, index).map((near) => near.put(key, entry, 60)));
      }
      return entry;
    }
    return undefined;
  }

  async put(key: string, entry: CachedEntry, ttlSeconds: number): Promise<void> {
    await Promise.all(this.#tiers.map((tier) => tier.put(key, entry, ttlSeconds)));
  }

  async delete(key: string): Promise<void> {
    await Promise.all(this.#tiers.map((tier) => tier.delete(key)));
  }
}

/** KV keys are at most 512 bytes; long queries are hashed into a fixed-length key. */
function kvKey(key: string): string {
  return key.length <= 480 ? key : `${key.slice(0, 400)}#${simpleHash(key)}`;
}

function simpleHash(value: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

function parseMeta(value: string | null): Omit<CachedEntry, "body"> | undefined {
  if (!value) return undefined;
  try {
    const meta = JSON.parse(value) as Omit<CachedEntry, "body">;
    return typeof meta.storedAt === "number" && typeof meta.etag === "string" ? meta : undefined;
  } catch {
    return undefined;
  }
}
