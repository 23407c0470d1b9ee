/**
 * What the worker tells Cloudflare's Workers Cache, route by route, and what it asks of it. Neither
 * Miniflare nor workerd has Workers Cache, so this is the contract a local test can prove: the
 * headers of every answer (only shared public ones may be stored at the edge, never for longer
 * than their fresh life here), and the purges (docs/RELIABILITY.md says what only production
 * can show).
 */
import { describe, it, type ExpectStatic } from "vitest";
import { PurgeResult, type Routes, TopicDetail, TopicPage } from "@userecho-edge/shared";
import {
  credentials,
  emulator,
  recordingWorkersCache,
  siteToken,
  worker,
  workerWith,
} from "../support/index.ts";

const EDGE = "Cloudflare-CDN-Cache-Control";
/** The default TTLs (config/index.ts), which the test configuration keeps. */
const TTL = { forums: 300, meta: 300, topics: 60, topic: 60, comments: 60, users: 300 };
type CacheRoute = keyof typeof TTL;

/**
 * A shared answer: browsers revalidate (`public, no-cache`), the edge keeps it for at most the
 * route's TTL, with tags for its scopes and kind, and a variant per `Authorization`, `X-Api-Key`
 * and `Origin`.
 */
function expectShared(
  expect: ExpectStatic,
  response: Response,
  route: CacheRoute,
  scope?: string,
): void {
  const where = `${route} ${response.url}`;
  expect(response.status, where).toBe(200);
  expect(response.headers.get("Cache-Control"), where).toBe("public, no-cache");
  const edge = response.headers.get(EDGE) ?? "";
  const checked = route === "topic" || route === "comments";
  expect(edge, where).toMatch(
    checked
      ? /^public, max-age=\d+, stale-if-error=0$/
      : /^public, max-age=\d+, stale-while-revalidate=300, stale-if-error=86400$/,
  );
  const maxAge = Number(/max-age=(\d+)/.exec(edge)![1]);
  expect(maxAge, where).toBeGreaterThan(0);
  expect(maxAge, where).toBeLessThanOrEqual(TTL[route]);
  const tags = (response.headers.get("Cache-Tag") ?? "").split(",");
  expect(tags, where).toEqual(["all", ...(scope ? [scope] : []), `route:${route}`]);
  // Printable ASCII without spaces, or Cloudflare drops the tag silently.
  for (const tag of tags) expect(tag, where).toMatch(/^[\x21-\x7e]{1,1024}$/);
  const vary = (response.headers.get("Vary") ?? "").split(",").map((name) => name.trim());
  expect(vary, where).toEqual(expect.arrayContaining(["Authorization", "X-Api-Key", "Origin"]));
  expect(response.headers.has("Set-Cookie"), where).toBe(false);
}

/** An answer no shared cache may keep: `no-store` (or `private`), and nothing for the edge. */
function expectNeverStored(expect: ExpectStatic, response: Response, where: string): void {
  expect(response.headers.get("Cache-Control"), where).toMatch(/no-store/);
  expect(response.headers.get("Cache-Control"), where).not.toMatch(/\bpublic\b/);
  expect(response.headers.has(EDGE), where).toBe(false);
  expect(response.headers.has("Cache-Tag"), where).toBe(false);
}

const bearer = async () => ({
  Authorization: `Bearer ${await siteToken({ sub: `edge-${crypto.randomUUID()}` })}`,
});
const partner = { "X-Api-Key": credentials.partnerKey };
const write = async (body: unknown) => ({
  method: "POST",
  headers: {
    ...(await bearer()),
    "Content-Type": "application/json",
    Origin: "https://site.example",
  },
  body: JSON.stringify(body),
});

/** A topic of the private forum: its page answers 404 whatever the token could read. */
async function privateTopicId(): Promise<number> {
  const { data } = await emulator<{ id: number }[]>("forums/3/topics", { limit: "1" });
  return data[0]!.id;
}

/**
 * Every declared route, each with the answers it can give and what the edge may do with them.
 * Typed by the route declarations: a new route does not compile until it has a case here.
 */
const everyRoute = {
  listForums: async (expect) => {
    expectShared(expect, await worker("/v1/forums"), "forums");
    expectShared(expect, await worker("/v1/forums", { headers: partner }), "forums");
    expectNeverStored(expect, await worker("/v1/forums", { headers: await bearer() }), "bearer");
  },
  getForumMeta: async (expect) => {
    // Meta has a scope of its own: a comment or a vote does not move it.
    expectShared(expect, await worker("/v1/forums/1/meta"), "meta", "meta:1");
    expectNeverStored(expect, await worker("/v1/forums/3/meta"), "private forum (404)");
    expectNeverStored(
      expect,
      await worker("/v1/forums/1/meta", { headers: await bearer() }),
      "bearer",
    );
  },
  listTopics: async (expect) => {
    const path = "/v1/forums/1/topics?limit=3";
    expectShared(expect, await worker(path), "topics", "forum:1");
    expectShared(expect, await worker(path, { headers: partner }), "topics", "forum:1");
    expectNeverStored(expect, await worker(path, { headers: await bearer() }), "bearer");
    expectNeverStored(expect, await worker(`${path}&q=dark%20mode`), "search");
    expectNeverStored(expect, await worker("/v1/forums/1/topics?limit=0"), "bad limit (400)");
    expectNeverStored(
      expect,
      await worker(path, { headers: { "X-Api-Key": "UE-unknown-key-0000000000" } }),
      "unknown key (401)",
    );
  },
  getMyVotes: async (expect) => {
    const path = "/v1/forums/1/my-votes?limit=3";
    expectNeverStored(expect, await worker(path, { headers: await bearer() }), "own votes");
    expectNeverStored(expect, await worker(path), "no token (401)");
  },
  createTopic: async (expect) => {
    const response = await worker("/v1/forums/2/topics", await write({ title: "Edge", type: 5 }));
    expect(response.status).toBe(201);
    expectNeverStored(expect, response, "created topic");
  },
  getTopic: async (expect) => {
    expectShared(expect, await worker("/v1/topics/1004"), "topic", "topic:1004");
    expectNeverStored(expect, await worker(`/v1/topics/${await privateTopicId()}`), "hidden");
    expectNeverStored(expect, await worker("/v1/topics/99999999"), "missing (404)");
    expectNeverStored(expect, await worker("/v1/topics/1004", { headers: await bearer() }), "me");
  },
  listComments: async (expect) => {
    expectShared(expect, await worker("/v1/topics/1004/comments"), "comments", "topic:1004");
    const hidden = await worker(`/v1/topics/${await privateTopicId()}/comments`);
    expectNeverStored(expect, hidden, "hidden topic's comments (404)");
  },
  createComment: async (expect) => {
    const response = await worker("/v1/topics/1004/comments", await write({ text: "Edge" }));
    expect(response.status).toBe(201);
    expectNeverStored(expect, response, "created comment");
  },
  voteOnTopic: async (expect) => {
    // VOTING=community here: a 409 hand-off, never stored either.
    expectNeverStored(
      expect,
      await worker("/v1/topics/1004/votes", await write({ value: 1 })),
      "vote",
    );
  },
  listTopUsers: async (expect) => {
    expectShared(expect, await worker("/v1/users/top?limit=5"), "users");
  },
  createSsoLink: async (expect) => {
    expectNeverStored(expect, await worker("/v1/sso/link", await write({})), "sso link");
  },
  purgeCache: async (expect) => {
    const response = await worker("/v1/admin/purge", {
      method: "POST",
      headers: { "X-Api-Key": credentials.adminKey, "Content-Type": "application/json" },
      body: JSON.stringify({ topic: 1 }),
    });
    expect(response.status).toBe(200);
    expectNeverStored(expect, response, "purge");
  },
  receiveUserEchoHook: async (expect) => {
    const response = await worker(`/v1/hooks/userecho/${credentials.webhookToken}`, {
      method: "POST",
      body: JSON.stringify({ hook: "forum.unknown" }),
    });
    expect(response.status).toBe(401); // unsigned
    expectNeverStored(expect, response, "hook");
  },
  getHealth: async (expect) => {
    expectNeverStored(expect, await worker("/v1/health"), "health");
  },
  getOpenApiDocument: async (expect) => {
    // The same for everyone and fixed per deployment: the edge may keep it an hour.
    const response = await worker("/v1/openapi.json");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect(response.headers.has("Cache-Tag")).toBe(false);
  },
} satisfies Record<keyof Routes, (expect: ExpectStatic) => Promise<void>>;

describe("Workers Cache headers, route by route", () => {
  for (const [operation, check] of Object.entries(everyRoute)) {
    it(operation, async ({ expect }) => {
      await check(expect);
    });
  }

  it("errors of any kind, and paths no route has, are never stored at the edge", async ({
    expect,
  }) => {
    for (const [path, init] of [
      ["/v1/nothing-here", {}],
      ["/v1/forums/", {}],
      ["/v1/forums", { method: "DELETE" }],
      ["/v1/forums", { headers: { Authorization: "Bearer not-a-jwt" } }],
    ] as const) {
      const response = await worker(path, init);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expectNeverStored(expect, response, `${path} ${response.status}`);
    }
  });
});

describe("what the edge may keep, and for how long", () => {
  it("gives a 304 the same edge headers, so a revalidation refreshes the stored entry", async ({
    expect,
  }) => {
    const first = await worker("/v1/forums/1/topics?limit=4");
    const etag = first.headers.get("ETag")!;
    const again = await worker("/v1/forums/1/topics?limit=4", {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get(EDGE)).toMatch(/^public, max-age=\d+/);
    expect(again.headers.get("Cache-Tag")).toBe(first.headers.get("Cache-Tag"));
  });

  it("keeps an answer at the edge only for what is left of its fresh life here", async ({
    expect,
  }) => {
    const app = workerWith({ CACHE_TTL: "topic=30" });
    const maxAge = async () =>
      Number(/max-age=(\d+)/.exec((await app.fetch("/v1/topics/1006")).headers.get(EDGE)!)![1]);
    // A miss first, whatever other tests cached.
    await app.fetch("/v1/admin/purge", {
      method: "POST",
      headers: { "X-Api-Key": credentials.adminKey, "Content-Type": "application/json" },
      body: JSON.stringify({ topic: 1006 }),
    });
    const fresh = await maxAge();
    expect(fresh).toBe(30);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // A hit from the worker's own tiers, a second older: the edge gets less than a whole TTL.
    expect(await maxAge()).toBeLessThan(fresh);
  });

  it("never lets the edge keep an answer the worker served stale", async ({ expect }) => {
    const app = workerWith({ CACHE_TTL: "users=0", CACHE_SWR_SECONDS: "300" });
    await app.fetch("/v1/users/top?limit=2");
    const stale = await app.fetch("/v1/users/top?limit=2");
    expect(stale.headers.get("Cache-Status")).toMatch(/fwd=stale/);
    expect(stale.headers.get(EDGE)).toBe("no-store");
    expect(stale.headers.has("Cache-Tag")).toBe(false);
  });

  it("gives the tags a purge of the same scope names", async ({ expect }) => {
    const page = TopicPage.parse(await (await worker("/v1/forums/2/topics?limit=1")).json());
    const topic = TopicDetail.parse(await (await worker(`/v1/topics/${page.items[0]!.id}`)).json());
    const { cache, purges } = recordingWorkersCache();
    const app = workerWith({}, { workersCache: cache });
    const tags = (path: string) => app.fetch(path).then((r) => r.headers.get("Cache-Tag")!);
    await app.fetch("/v1/admin/purge", {
      method: "POST",
      headers: { "X-Api-Key": credentials.adminKey, "Content-Type": "application/json" },
      body: JSON.stringify({ topic: topic.id }),
    });
    expect((await tags(`/v1/topics/${topic.id}`)).split(",")).toContain(purges[0]!.tags![0]);
  });
});

describe("purges reach Workers Cache when the runtime has it", () => {
  const purge = (app: ReturnType<typeof workerWith>, body: unknown) =>
    app
      .fetch("/v1/admin/purge", {
        method: "POST",
        headers: { "X-Api-Key": credentials.adminKey, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      })
      .then(async (response) => PurgeResult.parse(await response.json()));

  it("purges the scope's tag beside the generations, and then reaches every location", async ({
    expect,
  }) => {
    const { cache, purges } = recordingWorkersCache();
    const app = workerWith({ CACHE_KV: undefined }, { workersCache: cache });
    expect(await purge(app, { forum: 2 })).toEqual({
      scopes: ["forum:2", "meta:2"],
      reach: "global",
    });
    expect(await purge(app, { all: true })).toEqual({ scopes: ["all"], reach: "global" });
    expect(purges).toEqual([{ tags: ["forum:2", "meta:2"] }, { tags: ["all"] }]);
  });

  it("keeps today's tiers without it: generations only, as far as KV reaches", async ({
    expect,
  }) => {
    expect((await purge(workerWith({ CACHE_KV: undefined }), { forum: 2 })).reach).toBe("location");
    expect((await purge(workerWith({}), { forum: 2 })).reach).toBe("global");
  });

  it("says 'location' when Workers Cache refuses or fails the purge, and logs why", async ({
    expect,
  }) => {
    const refused = recordingWorkersCache({
      success: false,
      errors: [{ code: 1134, message: "rate limited" }],
    });
    const app = workerWith({ CACHE_KV: undefined }, { workersCache: refused.cache });
    expect((await purge(app, { topic: 5 })).reach).toBe("location");

    const failing = recordingWorkersCache(() => {
      throw new Error("network");
    });
    const broken = workerWith({ CACHE_KV: undefined }, { workersCache: failing.cache });
    expect((await purge(broken, { topic: 5 })).reach).toBe("location");
    expect(failing.purges).toEqual([{ tags: ["topic:5"] }]);
  });

  it("purges what a write changed before answering it", async ({ expect }) => {
    const { cache, purges } = recordingWorkersCache();
    const app = workerWith({}, { workersCache: cache });
    const response = await app.fetch(
      "/v1/forums/2/topics",
      await write({ title: "Edge 2", type: 5 }),
    );
    const { id } = TopicDetail.parse(await response.json());
    expect(purges).toEqual([{ tags: ["forum:2", `topic:${id}`] }]);
  });
});
