/**
 * No visitor can change what others get, and no request is dear: what a personal request meets
 * is never recorded for everyone; negative answers are cached; cache keys are made of what is
 * applied; a write moves only what it changes; a scan of ids neither floods UserEcho nor looks
 * popular to the warm-up.
 */
import { afterEach, describe, it } from "vitest";
import { ForumMeta, MyVotes, ProblemType, PurgeResult, TopicPage } from "@userecho-edge/shared";
import {
  clearFaults,
  countUpstreamCalls,
  credentials,
  EMULATOR_ORIGIN,
  emulator,
  profileBaseUrl,
  setFaults,
  siteToken,
  workerWith,
} from "../support/index.ts";
import { FRONT_READ_MS } from "../../src/board/forum-proof.ts";
import { readTimestamp } from "../../src/upstream/normalise/values.ts";

afterEach(clearFaults);

let upstreams = 0;

/** A worker on an upstream of its own: what other tests taught the isolate does not apply. */
function freshWorker(vars: Partial<Env> = {}) {
  const baseUrl = profileBaseUrl("documented").replace("demo.", `demo-shared-${upstreams++}.`);
  return workerWith({ USERECHO_BASE_URL: baseUrl, ...vars });
}

const bearer = async (sub: string, lifetimeSeconds = 300) => ({
  Authorization: `Bearer ${await siteToken({ sub, name: sub }, { lifetimeSeconds })}`,
});

describe("a personal request never changes shared knowledge", () => {
  it("a visitor whose sign-in UserEcho refuses keeps the status filter for everyone", async ({
    expect,
  }) => {
    const app = freshWorker();
    const meta = ForumMeta.parse(await (await app.fetch("/v1/forums/1/meta")).json());
    expect(meta.filters).toContain("status");
    const status = meta.types[1]!.statuses.find((s) => s.id !== 1)!.id;
    const path = `/v1/forums/1/my-votes?sort=new&status=${status}`;
    // Someone else's personal read works first (it used to vouch for every visitor's token).
    expect((await app.fetch(path, { headers: await bearer("someone-fine") })).status).toBe(200);

    // This visitor's token runs out while UserEcho is slow: UserEcho refuses their sso_token.
    await setFaults({
      match: { path: "/forums/1/topics" },
      fault: { kind: "latency", ms: 3_000 },
      times: 1,
    });
    const raced = await app.fetch(path, { headers: await bearer("racing-their-expiry", 2) });
    expect([401, 403]).toContain(raced.status);
    expect(((await raced.json()) as { type: string }).type).not.toBe(ProblemType.misconfigured);
    await clearFaults();

    // Nothing changed for the others: the filter is still UserEcho's, offered and applied.
    const page = TopicPage.parse(
      await (await app.fetch(`/v1/forums/1/topics?sort=new&status=${status}`)).json(),
    );
    expect(page.applied).toEqual({ sort: "new", status });
    const after = ForumMeta.parse(await (await app.fetch("/v1/forums/1/meta")).json());
    expect(after.filters).toContain("status");
    const other = await app.fetch(path, { headers: await bearer("someone-else") });
    expect(other.status).toBe(200);
    MyVotes.parse(await other.json());
  }, 30_000);
});

describe("negative answers", () => {
  it("are cached: hidden and missing ids cost UserEcho nothing the second time, and read alike", async ({
    expect,
  }) => {
    const app = freshWorker();
    const hidden = (await emulator<{ id: number }[]>("forums/3/topics", { limit: "10" })).data.map(
      (t) => t.id,
    );
    const missing = hidden.map((id) => id + 900_000);
    const ids = [...hidden, ...missing];
    const first = await countUpstreamCalls(() =>
      Promise.all(ids.map((id) => app.fetch(`/v1/topics/${id}`))),
    );
    expect(first).toBeGreaterThan(0);
    const bodies = new Set<string>();
    const again = await countUpstreamCalls(async () => {
      for (const id of ids) {
        const response = await app.fetch(`/v1/topics/${id}`);
        expect(response.status).toBe(404);
        expect(response.headers.get("Cache-Status")).toMatch(/; hit$/);
        const problem = (await response.json()) as Record<string, unknown>;
        delete problem["requestId"];
        bodies.add(JSON.stringify(problem));
      }
    });
    expect(again).toBe(0);
    expect(bodies.size).toBe(1);
  });

  it("cost the forums' shared indexes, not a call per id: a scan of ids is cheap and alike", async ({
    expect,
  }) => {
    const app = freshWorker();
    // Forum 3 is private: its topics are readable by id with the agent token, and must stay 404.
    const hidden = (await emulator<{ id: number }[]>("forums/3/topics", { limit: "30" })).data;
    expect(hidden).toHaveLength(30);
    const scan = (ids: number[]) =>
      countUpstreamCalls(async () => {
        for (const id of ids) {
          const response = await app.fetch(`/v1/topics/${id}`);
          expect(response.status, `topic ${id}`).toBe(404);
        }
      });
    const forums = ((await (await app.fetch("/v1/forums")).json()) as { items: unknown[] }).items;
    // The visible forums' indexes are read once for all…
    const indexes = await scan(hidden.slice(0, 10).map((topic) => topic.id));
    expect(indexes).toBeGreaterThan(0);
    // …and then no id costs a call of its own, hidden or missing alike: ids above the indexes
    // read page 1 of each forum again, at most once a second for all of them.
    const ids = [
      ...hidden.slice(10).map((topic) => topic.id),
      ...hidden.map((topic) => topic.id + 900_000),
    ];
    const started = Date.now();
    const rest = await scan(ids);
    const seconds = Math.ceil((Date.now() - started) / FRONT_READ_MS);
    expect(rest).toBeLessThanOrEqual(forums.length * (seconds + 1));
    expect(rest).toBeLessThan(ids.length / 4);
    // A visible topic is still found, with the one read of its own.
    const visible = (await emulator<{ id: number }[]>("forums/2/topics", { limit: "1" })).data[0]!;
    expect((await app.fetch(`/v1/topics/${visible.id}`)).status).toBe(200);
  });

  it("find a topic created since the indexes were read, by reading page 1 again", async ({
    expect,
  }) => {
    const app = freshWorker();
    const hidden = (await emulator<{ id: number }[]>("forums/3/topics", { limit: "1" })).data[0]!;
    expect((await app.fetch(`/v1/topics/${hidden.id}`)).status).toBe(404); // indexes read
    // Page 1 is read again at most once a second: past that, a newer id reads it again.
    await new Promise((resolve) => setTimeout(resolve, FRONT_READ_MS + 100));
    const created = await fetch(`${EMULATOR_ORIGIN}/__emulator/admin/topics`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ forumId: 2, header: "Created after the indexes were read" }),
    });
    const { topicId } = (await created.json()) as { topicId: number };
    const response = await app.fetch(`/v1/topics/${topicId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: topicId, forumId: 2 });
  });

  it("past the budget, refuse with a clear 503 only what the index cannot answer", async ({
    expect,
  }) => {
    // An index of 100 topics leaves forum 1 (180 topics) indexed in part: a hidden topic older
    // than its index needs a search of its own, which the spent budget refuses.
    const app = freshWorker({ FORUM_PROOFS_PER_MINUTE: "1", COMPUTED_MAX_TOPICS: "100" });
    const indexed = (
      await emulator<{ created: string }[]>("forums/1/topics", {
        limit: "100",
        order_by: "-created",
      })
    ).data;
    const oldestIndexed = Date.parse(readTimestamp(indexed.at(-1)!.created)!);
    const hidden = (
      await emulator<{ id: number; created: string }[]>("forums/3/topics", { limit: "40" })
    ).data;
    const older = hidden.filter(
      (topic) => Date.parse(readTimestamp(topic.created)!) < oldestIndexed,
    );
    expect(older.length).toBeGreaterThanOrEqual(2);

    expect((await app.fetch(`/v1/topics/${older[0]!.id}`)).status).toBe(404);
    const refused = await app.fetch(`/v1/topics/${older[1]!.id}`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ type: ProblemType.overloaded, status: 503 });
    // A refusal is not an answer: it is not cached, and a later proof decides.
    expect(refused.headers.get("Cache-Status") ?? "").not.toMatch(/hit/);
  });
});

describe("cache keys are made of what is applied", () => {
  it("refuses a filter value that is none of the forum's, at no cost to UserEcho", async ({
    expect,
  }) => {
    const app = freshWorker();
    await app.fetch("/v1/forums/1/meta");
    const calls = await countUpstreamCalls(async () => {
      for (const type of [777, 778, 779]) {
        const response = await app.fetch(`/v1/forums/1/topics?type=${type}`);
        expect(response.status).toBe(400);
      }
    });
    expect(calls).toBe(0);
  });

  it("shares one entry between requests that differ only in what the forum cannot serve", async ({
    expect,
  }) => {
    const app = freshWorker();
    const meta = ForumMeta.parse(await (await app.fetch("/v1/forums/1/meta")).json());
    // A documented topic shows no category: the filter is not served, so not part of the key.
    expect(meta.filters).not.toContain("category");
    const [a, b] = meta.categories;
    await app.fetch(`/v1/forums/1/topics?sort=new&category=${a!.id}`);
    const calls = await countUpstreamCalls(async () => {
      const response = await app.fetch(`/v1/forums/1/topics?sort=new&category=${b!.id}`);
      expect(response.headers.get("Cache-Status")).toMatch(/; hit$/);
    });
    expect(calls).toBe(0);
  });
});

describe("a write moves only what it changes", () => {
  it("a comment leaves the forum's meta cached", async ({ expect }) => {
    const app = freshWorker();
    const [topic] = (await emulator<{ id: number }[]>("forums/2/topics", { limit: "1" })).data;
    await app.fetch("/v1/forums/2/meta");
    const written = await app.fetch(`/v1/topics/${topic!.id}/comments`, {
      method: "POST",
      headers: {
        ...(await bearer("commenter")),
        "Content-Type": "application/json",
        Origin: "https://site.example",
      },
      body: JSON.stringify({ text: "One more thought" }),
    });
    expect(written.status).toBe(201);
    const calls = await countUpstreamCalls(async () => {
      const meta = await app.fetch("/v1/forums/2/meta");
      expect(meta.headers.get("Cache-Status")).toMatch(/; hit$/);
    });
    expect(calls).toBe(0);
  });
});

describe("search", () => {
  it("never proves where a topic is: a private topic in a search answer stays hidden", async ({
    expect,
  }) => {
    const [hidden] = (await emulator<Record<string, unknown>[]>("forums/3/topics", { limit: "1" }))
      .data;
    // UserEcho does not document that search is scoped to the forum: suppose it is not.
    await setFaults({
      match: { path: "/forums/1/topics/search" },
      fault: { kind: "body", body: { status: "success", data: [hidden] } },
    });
    const app = freshWorker();
    const found = TopicPage.parse(await (await app.fetch("/v1/forums/1/topics?q=anything")).json());
    expect(found.items.map((t) => t.id)).toEqual([hidden!["id"]]);
    await clearFaults();
    expect((await app.fetch(`/v1/topics/${String(hidden!["id"])}`)).status).toBe(404);
  });
});

describe("back-off after a 429", () => {
  it("holds back only calls of the kind UserEcho refused, for its Retry-After", async ({
    expect,
  }) => {
    const app = freshWorker();
    await app.fetch("/v1/forums");
    await setFaults({
      match: { path: "/topics/search" },
      fault: { kind: "status", status: 429, retryAfter: 30 },
    });
    const search = await app.fetch("/v1/forums/1/topics?q=dark");
    expect(search.status).toBe(503);
    // Searches wait; the board's other reads go on.
    expect((await app.fetch("/v1/forums/1/topics?q=light")).status).toBe(503);
    await clearFaults();
    expect((await app.fetch("/v1/forums/1/topics?sort=new&page=3&limit=7")).status).toBe(200);
    expect((await app.fetch("/v1/forums/1/topics?q=light")).status).toBe(503);
  });
});

describe('POST /v1/admin/purge {"all": true}', () => {
  it("clears every memo: what the worker learnt of UserEcho is found out again", async ({
    expect,
  }) => {
    const app = freshWorker();
    const first = await countUpstreamCalls(() => app.fetch("/v1/forums/1/meta"));
    expect(await countUpstreamCalls(() => app.fetch("/v1/forums/1/meta"))).toBe(0);
    const purged = await app.fetch("/v1/admin/purge", {
      method: "POST",
      headers: { "X-Api-Key": credentials.adminKey, "Content-Type": "application/json" },
      body: JSON.stringify({ all: true }),
    });
    expect(PurgeResult.parse(await purged.json()).scopes).toEqual(["all"]);
    // The guesses are tried again, not only the entries fetched again.
    expect(await countUpstreamCalls(() => app.fetch("/v1/forums/1/meta"))).toBe(first);
  });
});
