import { afterEach, describe, it, vi } from "vitest";
import { TopicPage } from "@userecho-edge/shared";
import { bumpGenerations } from "../../src/cache/index.ts";
import {
  countUpstreamCalls,
  credentials,
  emulatorStats,
  siteToken,
  worker,
  workerWith,
} from "../support/index.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Upstream calls for one forum's topic list, as the emulator counted them. */
async function topicListCalls(forumId: number): Promise<number> {
  return (await emulatorStats()).byPath[`GET /api/v2/forums/${forumId}/topics.json`] ?? 0;
}

describe("the edge cache, over HTTP", () => {
  it("answers a second identical request from the cache", async ({ expect }) => {
    const path = "/v1/forums/1/topics?limit=11";
    const first = await worker(path);
    expect(first.headers.get("Cache-Status")).toMatch(/^userecho-edge; fwd=miss/);
    const firstBody = await first.text();

    const calls = await countUpstreamCalls(async () => {
      const second = await worker(path);
      // A hit, and nothing that says how long ago someone else asked the same.
      expect(second.headers.get("Cache-Status")).toBe("userecho-edge; hit");
      expect(await second.text()).toBe(firstBody);
    });
    expect(calls).toBe(0);
  });

  it("normalises keys: parameter order, defaults and unknown parameters share one entry", async ({
    expect,
  }) => {
    await worker("/v1/forums/2/topics?limit=13&page=1&sort=top");
    for (const variant of [
      "/v1/forums/2/topics?page=1&limit=13",
      "/v1/forums/2/topics?sort=top&limit=13&utm_source=x",
      "/v1/forums/2/topics?limit=13",
    ]) {
      const response = await worker(variant);
      expect(response.headers.get("Cache-Status"), variant).toMatch(/; hit$/);
    }
  });

  it("coalesces concurrent identical cold requests into one upstream call", async ({ expect }) => {
    await worker("/v1/forums"); // warm the visible-forum list, which every route checks
    const before = await topicListCalls(2);
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => worker("/v1/forums/2/topics?limit=17&sort=new")),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect((await topicListCalls(2)) - before).toBe(1);
    const statuses = responses.map((r) => r.headers.get("Cache-Status"));
    expect(statuses.filter((s) => s?.includes("collapsed")).length).toBeGreaterThan(0);
  });

  it("coalesces across requests whose env is a fresh object each time", async ({ expect }) => {
    // Frameworks and wrappers may hand the worker a new env object per request; the isolate's
    // cache state must not hang off it, or every request would start cold.
    await worker("/v1/forums");
    const before = await topicListCalls(2);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        workerWith({}).fetch("/v1/forums/2/topics?limit=19&sort=new"),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    expect((await topicListCalls(2)) - before).toBe(1);
  });

  it("answers If-None-Match with 304", async ({ expect }) => {
    const first = await worker("/v1/forums/1/topics?limit=12");
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^".+"$/);
    const second = await worker("/v1/forums/1/topics?limit=12", {
      headers: { "If-None-Match": `W/${etag}, "other"` },
    });
    expect(second.status).toBe(304);
    expect(second.headers.get("ETag")).toBe(etag);
    expect(await second.text()).toBe("");
    expect(second.headers.get("Cache-Control")).toMatch(/public/);
  });

  it("lets browsers keep answers but revalidate each use, so a write shows at once", async ({
    expect,
  }) => {
    const response = await worker("/v1/forums/1/topics");
    expect(response.headers.get("Cache-Control")).toBe("public, no-cache");
    expect(response.headers.get("Vary")).toContain("Origin");
    // The revalidation a browser makes is a 304 from the edge cache, until a write changes the
    // list: then the new answer comes whole, with the visitor's topic in it.
    const path = "/v1/forums/2/topics?sort=new&limit=5";
    const etag = (await worker(path)).headers.get("ETag")!;
    expect((await worker(path, { headers: { "If-None-Match": etag } })).status).toBe(304);
    const title = `Revalidated ${crypto.randomUUID().slice(0, 8)}`;
    const created = await worker("/v1/forums/2/topics", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await siteToken({ sub: `rv-${crypto.randomUUID()}` })}`,
        "Content-Type": "application/json",
        Origin: "https://site.example",
      },
      body: JSON.stringify({ title, type: 5 }),
    });
    expect(created.status).toBe(201);
    const changed = await worker(path, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(TopicPage.parse(await changed.json()).items[0]?.title).toBe(title);
  });

  it("keeps searches out of the shared cache: a hit would tell who searched what", async ({
    expect,
  }) => {
    const path = "/v1/forums/1/topics?q=dark%20mode&limit=7";
    await worker(path);
    const second = await worker(path);
    expect(second.status).toBe(200);
    expect(second.headers.get("Cache-Status")).toBe("userecho-edge; fwd=bypass");
    expect(second.headers.get("Cache-Control")).toBe("private, no-store");
    expect(second.headers.get("Server-Timing")).not.toMatch(/calls|upstream/);
  });

  it("serves a stale entry and revalidates it in the background", async ({ expect }) => {
    // A fresh TTL of 0: every stored entry is stale at once, but within the revalidate window.
    const app = workerWith({ CACHE_TTL: "topics=0" });
    // A page UserEcho builds (`new`), so that its refresh is a call to UserEcho.
    const path = "/v1/forums/2/topics?limit=19&sort=new";
    await app.fetch(path);
    const before = await topicListCalls(2);
    const stale = await app.fetch(path);
    expect(stale.status).toBe(200);
    expect(stale.headers.get("Cache-Status")).toBe("userecho-edge; fwd=stale; detail=revalidating");
    // app.fetch waited for waitUntil: the refresh has reached upstream.
    expect((await topicListCalls(2)) - before).toBe(1);
  });

  it("serves stale content while the upstream is down", async ({ expect }) => {
    const app = workerWith({ CACHE_TTL: "topics=0", CACHE_SWR_SECONDS: "0" });
    const path = "/v1/forums/2/topics?limit=21&sort=new";
    const good = await app.fetch(path);
    const body = await good.text();
    await app.fetch("/v1/forums"); // the forum list stays cached under the default TTL

    vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("Network connection lost."));
    const stale = await app.fetch(path);
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
    expect(stale.headers.get("Cache-Status")).toMatch(/fwd=stale; fwd-status=502;.*upstream-error/);
  });

  it("answers a clean 502 problem when the upstream is down and nothing is cached", async ({
    expect,
  }) => {
    await worker("/v1/forums");
    vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("Network connection lost."));
    const response = await worker("/v1/forums/1/topics?limit=23&sort=new");
    expect(response.status).toBe(502);
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Cache-Status")).toMatch(/fwd=miss/);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      status: 502,
      type: expect.stringMatching(/upstream-unavailable$/),
    });
    expect(JSON.stringify(problem)).not.toMatch(/Network connection lost|stack|at /);
  });

  it("never shares personalised (signed-in) requests", async ({ expect }) => {
    const path = "/v1/forums/1/topics?limit=14";
    await worker(path); // stored for everyone
    const token = await siteToken({ sub: "cache-test-user" });
    for (let i = 0; i < 2; i++) {
      const calls = await countUpstreamCalls(async () => {
        const response = await worker(path, { headers: { Authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
        expect(response.headers.get("Cache-Control")).toBe("private, no-store");
        expect(response.headers.get("Cache-Status")).toBe("userecho-edge; fwd=bypass");
        const body = TopicPage.parse(await response.json());
        expect(body.items.every((topic) => topic.myVote !== undefined)).toBe(true);
      });
      expect(calls).toBeGreaterThan(0);
    }
    // …and the shared entry was not replaced by a personal one.
    const shared = TopicPage.parse(await (await worker(path)).json());
    expect(shared.items.every((topic) => topic.myVote === undefined)).toBe(true);
  });

  it("lets partners share the cache: their responses are not personalised", async ({ expect }) => {
    const path = "/v1/forums/1/topics?limit=24";
    await worker(path);
    const calls = await countUpstreamCalls(async () => {
      const response = await worker(path, { headers: { "X-Api-Key": credentials.partnerKey } });
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Status")).toMatch(/; hit$/);
      expect(response.headers.get("Cache-Control")).toMatch(/^public/);
    });
    expect(calls).toBe(0);
  });

  it("misses after the forum's generation is bumped", async ({ expect }) => {
    const app = workerWith({});
    const path = "/v1/forums/1/topics?limit=15";
    await app.fetch(path);
    expect((await app.fetch(path)).headers.get("Cache-Status")).toMatch(/; hit$/);
    await bumpGenerations(app.env, ["forum:1"]);
    const after = await app.fetch(path);
    expect(after.headers.get("Cache-Status")).toMatch(/fwd=miss/);
    TopicPage.parse(await after.json());
    expect((await app.fetch(path)).headers.get("Cache-Status")).toMatch(/; hit$/);
  });
});
