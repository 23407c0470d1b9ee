import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { Generations, type GenerationMemo } from "../../src/cache/generations.ts";

/**
 * The Cache API and KV of a real workerd, driven from Node through Miniflare, so that these
 * tests also run where the workerd pool cannot (mutation testing, stryker.config.mjs).
 */
let miniflare: Miniflare;
let cache: Cache;
let kv: KVNamespace;

beforeAll(async () => {
  miniflare = new Miniflare({
    logRequests: false,
    enableDevRegistry: false,
    telemetry: { enabled: false },
    workers: [
      {
        config: {
          name: "generations",
          compatibilityDate: "2026-10-01",
          manifest: {
            mainModule: "index.js",
            modules: {
              "index.js": {
                type: "esm",
                contents: "export default { fetch: () => new Response(null, { status: 404 }) }",
              },
            },
          },
          env: { CACHE_KV: { type: "kv", id: "generations" } },
        },
      },
    ],
  });
  cache = (await miniflare.getCaches()).default as unknown as Cache;
  kv = (await miniflare.getKVNamespace("CACHE_KV")) as unknown as KVNamespace;
});
afterAll(() => miniflare?.dispose());

/** A scope no other test touches. */
const scope = () => `forum:${crypto.randomUUID()}`;
const KEEP_SECONDS = 30 * 24 * 3600;

describe("cache generations", () => {
  it("start at 0, and move on with every bump, never backwards", async ({ expect }) => {
    const generations = new Generations(cache, kv);
    const forum = scope();
    expect(await generations.get(forum)).toBe(0);
    const first = await generations.bump(forum);
    expect(first).toBeGreaterThanOrEqual(Date.now() - 1_000);
    expect(await generations.get(forum)).toBe(first);
    const second = await generations.bump(forum);
    expect(second).toBeGreaterThan(first);
    // Within the same millisecond too: one more than what was stored.
    const now = vi.spyOn(Date, "now").mockReturnValue(second);
    try {
      expect(await generations.bump(forum)).toBe(second + 1);
    } finally {
      now.mockRestore();
    }
  });

  it("reach other isolates through KV, and through the Cache API without KV", async ({
    expect,
  }) => {
    const forum = scope();
    const bumped = await new Generations(cache, kv).bump(forum);
    expect(await new Generations(cache, kv).get(forum)).toBe(bumped);
    expect(await new Generations(cache).get(forum)).toBe(bumped);
    expect(await kv.get(`generation:${forum}`)).toBe(String(bumped));

    const local = scope();
    const cached = await new Generations(cache).bump(local);
    expect(await new Generations(cache).get(local)).toBe(cached);
    expect(await kv.get(`generation:${local}`)).toBeNull();
  });

  it("keep each generation for 30 days, in both tiers", async ({ expect }) => {
    const forum = scope();
    const before = Math.floor(Date.now() / 1000);
    await new Generations(cache, kv).bump(forum);
    const { keys } = await kv.list({ prefix: `generation:${forum}` });
    expect(keys).toHaveLength(1);
    expect(keys[0]!.expiration).toBeGreaterThanOrEqual(before + KEEP_SECONDS);
    expect(keys[0]!.expiration).toBeLessThanOrEqual(before + KEEP_SECONDS + 60);
    const stored = await cache.match(
      `https://edge-cache.internal/generation/${encodeURIComponent(forum)}`,
    );
    expect(stored?.headers.get("Cache-Control")).toBe(`max-age=${KEEP_SECONDS}`);
    await stored?.text();
  });

  it("prefer KV to the Cache API, and read what is not a number as 0", async ({ expect }) => {
    const forum = scope();
    await new Generations(cache).bump(forum);
    await kv.put(`generation:${forum}`, "5");
    expect(await new Generations(cache, kv).get(forum)).toBe(5);
    await kv.put(`generation:${forum}`, "garbage");
    expect(await new Generations(cache, kv).get(forum)).toBe(0);
  });

  it("remember what an isolate read for a second, and its own bump at once", async ({ expect }) => {
    const forum = scope();
    const memo = new Map<string, GenerationMemo>();
    const reader = new Generations(cache, kv, memo);
    expect(await reader.get(forum)).toBe(0);
    const bumped = await new Generations(cache, kv).bump(forum);
    // Another isolate's bump: not seen within the second...
    expect(await reader.get(forum)).toBe(0);
    expect(memo.get(forum)?.until).toBeLessThanOrEqual(Date.now() + 1_000);
    // ...and seen after it.
    memo.set(forum, { value: 0, until: Date.now() - 1 });
    expect(await reader.get(forum)).toBe(bumped);
    // Its own bump, at once.
    const own = await reader.bump(forum);
    expect(await reader.get(forum)).toBe(own);
    expect(memo.get(forum)).toEqual({ value: own, until: expect.any(Number) });
  });

  it("read 0 when the stores fail, so a broken tier never fails a read", async ({ expect }) => {
    const broken = {
      get: () => Promise.reject(new Error("KV is down")),
    } as unknown as KVNamespace;
    expect(await new Generations(cache, broken).get(scope())).toBe(0);
    const before = Date.now();
    const writable = { ...broken, put: async () => undefined } as unknown as KVNamespace;
    expect(await new Generations(cache, writable).bump(scope())).toBeGreaterThanOrEqual(before);
  });
});
