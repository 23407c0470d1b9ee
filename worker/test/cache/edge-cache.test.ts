import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import {
  UpstreamUnavailableError,
  UpstreamTimeoutError,
  NotFoundError,
} from "../../src/errors/index.ts";
import { EdgeCache, cacheStatus, type FreshnessPolicy } from "../../src/cache/edge-cache.ts";
import { createEntry, type CachedEntry } from "../../src/cache/entry.ts";
import {
  CacheApiStore,
  KvStore,
  MemoryStore,
  TieredStore,
  type EntryStore,
} from "../../src/cache/store.ts";

const policy: FreshnessPolicy = {
  freshSeconds: 60,
  revalidateSeconds: 300,
  staleIfErrorSeconds: 3600,
};

/** A store in memory, so a test can age entries by rewriting `storedAt`. */
class AgeableStore implements EntryStore {
  readonly entries = new Map<string, CachedEntry>();
  async get(key: string) {
    return this.entries.get(key);
  }
  async put(key: string, entry: CachedEntry) {
    this.entries.set(key, entry);
  }
  async delete(key: string) {
    this.entries.delete(key);
  }
  age(key: string, seconds: number) {
    const entry = this.entries.get(key)!;
    this.entries.set(key, { ...entry, storedAt: entry.storedAt - seconds * 1000 });
  }
}

function harness() {
  const store = new AgeableStore();
  const cache = new EdgeCache(store);
  const pending: Promise<unknown>[] = [];
  let calls = 0;
  const produce =
    (body = "v1") =>
    async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return createEntry(JSON.stringify({ body, n: calls }));
    };
  const serve = (key: string, producer = produce()) =>
    cache.serve(key, policy, producer, (p) => pending.push(p));
  const settle = () => Promise.all(pending.splice(0));
  return { store, serve, produce, settle, calls: () => calls };
}

describe("EdgeCache", () => {
  it("coalesces N identical concurrent misses into one upstream call", async ({ expect }) => {
    const h = harness();
    const results = await Promise.all(Array.from({ length: 50 }, () => h.serve("k")));
    expect(h.calls()).toBe(1);
    expect(new Set(results.map((r) => r.entry.body)).size).toBe(1);
    expect(results.filter((r) => r.outcome.kind === "miss")).toHaveLength(50);
    expect(results.filter((r) => r.outcome.kind === "miss" && r.outcome.collapsed)).toHaveLength(
      49,
    );
  });

  it("serves a fresh entry without calling upstream", async ({ expect }) => {
    const h = harness();
    await h.serve("k");
    await h.settle();
    const second = await h.serve("k");
    expect(second.outcome.kind).toBe("hit");
    expect(h.calls()).toBe(1);
  });

  it("serves a stale entry at once and revalidates it in waitUntil", async ({ expect }) => {
    const h = harness();
    await h.serve("k");
    await h.settle();
    h.store.age("k", 120);
    const stale = await h.serve("k", h.produce("v2"));
    expect(stale.outcome).toMatchObject({ kind: "stale", reason: "revalidating" });
    expect(JSON.parse(stale.entry.body).body).toBe("v1");
    await h.settle();
    expect(h.calls()).toBe(2);
    const fresh = await h.serve("k");
    expect(fresh.outcome.kind).toBe("hit");
    expect(JSON.parse(fresh.entry.body).body).toBe("v2");
  });

  it("serves stale up to the maximum age while upstream fails", async ({ expect }) => {
    const h = harness();
    await h.serve("k");
    await h.settle();
    h.store.age("k", 1800); // past revalidate window, within stale-if-error
    const failing = async (): Promise<CachedEntry> => {
      throw new UpstreamUnavailableError("down");
    };
    const result = await h.serve("k", failing);
    expect(result.outcome).toMatchObject({
      kind: "stale",
      reason: "upstream-error",
      fwdStatus: 503,
    });
    expect(cacheStatus(result.outcome)).toMatch(/fwd=stale; fwd-status=503/);

    h.store.age("k", 3600); // now older than staleIfErrorSeconds
    await expect(h.serve("k", failing)).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it("does not cover a 404 with a stale copy, and forgets the entry", async ({ expect }) => {
    const h = harness();
    await h.serve("k");
    await h.settle();
    h.store.age("k", 1800);
    await expect(
      h.serve("k", async () => {
        throw new NotFoundError();
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(h.store.entries.has("k")).toBe(false);
  });

  it("evicts an entry whose background refresh finds it gone", async ({ expect }) => {
    const h = harness();
    await h.serve("k");
    await h.settle();
    h.store.age("k", 90); // stale, within the revalidate window
    const stale = await h.serve("k", async () => {
      throw new NotFoundError();
    });
    expect(stale.outcome.kind).toBe("stale");
    await h.settle();
    expect(h.store.entries.has("k")).toBe(false);
  });

  it("answers a cold key with the upstream error when nothing is cached", async ({ expect }) => {
    const h = harness();
    await expect(
      h.serve("cold", async () => {
        throw new UpstreamTimeoutError(100);
      }),
    ).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(h.store.entries.size).toBe(0);
  });
});

describe("entry stores", () => {
  it("round-trips an entry through the Cache API with its metadata", async ({ expect }) => {
    const store = new CacheApiStore(await caches.open("store-test"));
    const entry = await createEntry('{"a":1}', { Link: "</x>; rel=next" }, 1_000);
    await store.put("https://edge-cache.internal/t/1", entry, 60);
    expect(await store.get("https://edge-cache.internal/t/1")).toEqual(entry);
    expect(await store.get("https://edge-cache.internal/t/2")).toBeUndefined();
  });

  it("round-trips through KV and back-fills the nearer tier", async ({ expect }) => {
    const kv = new KvStore(env.CACHE_KV!);
    const near = new CacheApiStore(await caches.open("tier-test"));
    const entry = await createEntry('{"b":2}');
    await kv.put("https://edge-cache.internal/t/kv", entry, 60);
    const tiered = new TieredStore([near, kv]);
    expect(await tiered.get("https://edge-cache.internal/t/kv")).toEqual(entry);
    expect(await near.get("https://edge-cache.internal/t/kv")).toEqual(entry);
  });

  it("keeps the isolate's memory tier bounded, least recently used out first", async ({
    expect,
  }) => {
    const memory = new MemoryStore({ maxEntries: 2 });
    const [a, b, c] = await Promise.all(["a", "b", "c"].map((body) => createEntry(body)));
    await memory.put("a", a!, 60);
    await memory.put("b", b!, 60);
    await memory.get("a"); // a is now the most recently used
    await memory.put("c", c!, 60);
    expect(await memory.get("b")).toBeUndefined();
    expect(await memory.get("a")).toEqual(a);
    expect(await memory.get("c")).toEqual(c);
    await memory.put("gone", a!, 0);
    expect(await memory.get("gone")).toBeUndefined();
  });

  it("gives the same etag for the same body", async ({ expect }) => {
    const [a, b, c] = await Promise.all([createEntry("x"), createEntry("x"), createEntry("y")]);
    expect(a.etag).toBe(b.etag);
    expect(a.etag).not.toBe(c.etag);
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });
});
