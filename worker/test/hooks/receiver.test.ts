/**
 * `POST /v1/hooks/userecho/{token}`: UserEcho's deliveries, signed as the emulator signs them
 * (`@userecho-edge/emulator/hooks`), and the purge each one makes. The deliveries are built
 * from what the emulator's API answers, so `data` has the shape UserEcho's API gives it.
 */
import { afterEach, describe, it, vi } from "vitest";
import { HookAck, Problem, ProblemType, TopicPage } from "@userecho-edge/shared";
import { type SignedOver, signDelivery } from "@userecho-edge/emulator/hooks";
import type { RequestLogLine } from "../../src/middleware/request-log/index.ts";
import {
  EMULATOR_ORIGIN,
  credentials,
  emulator,
  recordingWorkersCache,
  worker,
  workerWith,
} from "../support/index.ts";

const HOOK = `/v1/hooks/userecho/${credentials.webhookToken}`;

interface Delivery {
  hook: string;
  data?: unknown;
}

interface Signing {
  key?: string;
  over?: SignedOver;
  /** Sent as is instead of a computed signature; `null` sends none. */
  signature?: string | null;
  path?: string;
  contentType?: string;
}

type App = ReturnType<typeof workerWith>;

/** POSTs a delivery as UserEcho would: JSON, signed with the project's key over the body. */
async function deliver(app: App, delivery: Delivery | string, signing: Signing = {}) {
  const body = typeof delivery === "string" ? delivery : JSON.stringify(delivery);
  const signature =
    signing.signature === undefined
      ? await signDelivery(signing.key ?? credentials.webhookKey, signing.over ?? "body", body)
      : signing.signature;
  return app.fetch(signing.path ?? HOOK, {
    method: "POST",
    headers: {
      "Content-Type": signing.contentType ?? "application/json",
      ...(signature === null ? {} : { "X-UE-Signature": signature }),
    },
    body,
  });
}

/** An admin's change in UserEcho's back office, made without any delivery. */
async function adminCreates(forumId: number, header: string): Promise<number> {
  const response = await fetch(`${EMULATOR_ORIGIN}/__emulator/admin/topics`, {
    method: "POST",
    body: JSON.stringify({ forumId, header }),
  });
  return ((await response.json()) as { topicId: number }).topicId;
}

/** The topic as UserEcho's API (the documented profile) shows it: what a delivery carries. */
async function apiTopic(id: number) {
  return (await emulator(`topics/${id}`)).data;
}

const cacheStatus = (response: Response) => response.headers.get("Cache-Status") ?? "";
const titles = async (response: Response) =>
  TopicPage.parse(await response.json()).items.map((topic) => topic.title);

/** Log lines of the hook handler, captured from the console. */
function hookLog() {
  const spy = vi.spyOn(console, "log");
  return () =>
    spy.mock.calls
      .map(([line]) => String(line))
      .filter((line) => line.includes('"userecho hook"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => {
  vi.restoreAllMocks();
});

// Cold reads (a topic's forum is proven upstream) take seconds on a busy two-core machine.
describe("a delivery from UserEcho", { timeout: 30_000 }, () => {
  it("makes a topic an admin created show on the next read, with no purge call", async ({
    expect,
  }) => {
    const app = workerWith({});
    const list = "/v1/forums/2/topics?sort=new&limit=5";
    await app.fetch(list);
    expect(cacheStatus(await app.fetch(list))).toMatch(/; hit$/);

    const id = await adminCreates(2, "Made in UserEcho's admin");
    const stale = await app.fetch(list);
    expect(cacheStatus(stale)).toMatch(/; hit$/);
    expect(await titles(stale)).not.toContain("Made in UserEcho's admin");

    const response = await deliver(app, { hook: "topic.created", data: await apiTopic(id) });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(HookAck.parse(await response.json())).toEqual({
      event: "topic.created",
      action: "purge",
    });

    const fresh = await app.fetch(list);
    expect(cacheStatus(fresh)).toMatch(/fwd=miss/);
    expect((await titles(fresh))[0]).toBe("Made in UserEcho's admin");
  });

  it("accepts either reading of the signature, and logs which one held", async ({ expect }) => {
    const app = workerWith({});
    const log = hookLog();
    const data = await apiTopic(1004);
    for (const over of ["body", "literal"] as const) {
      const response = await deliver(app, { hook: "topic.accepted", data }, { over });
      expect(response.status, over).toBe(200);
    }
    expect(log().map((line) => line["signedOver"])).toEqual(["body", "literal"]);
  });

  it("purges a topic's page and every visible forum's lists when the topic names no forum", async ({
    expect,
  }) => {
    const { cache, purges } = recordingWorkersCache();
    const app = workerWith({}, { workersCache: cache });
    const log = hookLog();
    await deliver(app, { hook: "topic.deleted", data: await apiTopic(1004) });
    // forum 3 is private and forum 4 a knowledge base: the board shows neither.
    const scopes = ["topic:1004", "forum:1", "forum:2", "forum:5"];
    expect(purges).toEqual([{ tags: scopes }]);
    expect(log()[0]).toMatchObject({ event: "topic.deleted", scopes, reach: "global" });
  });

  it("purges only the forum a topic names (forum_id, a guess)", async ({ expect }) => {
    const { cache, purges } = recordingWorkersCache();
    const app = workerWith({}, { workersCache: cache });
    const data = (await emulator("topics/1004", {}, "extended")).data as { forum_id: number };
    await deliver(app, { hook: "topic.created", data });
    expect(purges).toEqual([{ tags: ["topic:1004", `forum:${data.forum_id}`] }]);
  });

  it("purges a comment's topic when the comment names it (topic_id, a guess), and nothing else", async ({
    expect,
  }) => {
    const app = workerWith({});
    const other = "/v1/topics/1005/comments";
    const comments = "/v1/topics/1004/comments";
    for (const path of [other, comments]) await app.fetch(path);
    await deliver(app, { hook: "comment.created", data: { id: 1, text: "x", topic_id: 1004 } });
    expect(cacheStatus(await app.fetch(comments))).toMatch(/fwd=miss/);
    expect(cacheStatus(await app.fetch(other))).toMatch(/; hit$/);
  });

  it("purges everything for a comment that names no topic, as documented comments do", async ({
    expect,
  }) => {
    const { cache, purges } = recordingWorkersCache();
    const app = workerWith({}, { workersCache: cache });
    const users = "/v1/users/top?limit=4";
    await app.fetch(users);
    const comment = (await emulator<{ id: number }[]>("topics/1004/comments")).data[0]!;
    expect(comment).not.toHaveProperty("topic_id");
    await deliver(app, { hook: "comment.deleted", data: comment });
    expect(purges).toEqual([{ tags: ["all"] }]);
    expect(cacheStatus(await app.fetch(users))).toMatch(/fwd=miss/);
  });

  it("answers 200 to an event the board does not show, or does not know, and purges nothing", async ({
    expect,
  }) => {
    const { cache, purges } = recordingWorkersCache();
    const app = workerWith({}, { workersCache: cache });
    const log = hookLog();
    const users = "/v1/users/top?limit=6";
    await app.fetch(users);
    for (const hook of ["topic.satisfaction_received", "forum.renamed", "<b>weird</b>"]) {
      const response = await deliver(app, { hook, data: { id: 1 } });
      expect(response.status, hook).toBe(200);
      expect(HookAck.parse(await response.json())).toEqual({ event: hook, action: "ignore" });
    }
    expect(purges).toEqual([]);
    expect(cacheStatus(await app.fetch(users))).toMatch(/; hit$/);
    expect(log().map((line) => [line["event"], line["reason"]])).toEqual([
      ["topic.satisfaction_received", "unshown"],
      ["forum.renamed", "unknown"],
      ["(unrecognised)", "unknown"],
    ]);
  });

  it("reads the body whatever its content type says", async ({ expect }) => {
    const response = await deliver(
      workerWith({}),
      { hook: "topic.created", data: await apiTopic(1004) },
      { contentType: "text/plain" },
    );
    expect(response.status).toBe(200);
  });

  it("checks no signature when the worker has no webhook key", async ({ expect }) => {
    const app = workerWith({ USERECHO_WEBHOOK_KEY: undefined });
    const log = hookLog();
    const response = await deliver(
      app,
      { hook: "topic.created", data: { id: 1004 } },
      {
        signature: null,
      },
    );
    expect(response.status).toBe(200);
    expect(log()[0]).toMatchObject({ signedOver: "unsigned" });
  });
});

describe("a delivery that does not prove it comes from UserEcho", () => {
  const delivery = { hook: "topic.created", data: { id: 1004 } };

  it("is refused with the same 401 for a wrong token, a wrong, missing or malformed signature", async ({
    expect,
  }) => {
    const { cache, purges } = recordingWorkersCache();
    const app = workerWith({}, { workersCache: cache });
    const users = "/v1/users/top?limit=8";
    await app.fetch(users);
    const cases: [string, Signing][] = [
      ["wrong token", { path: `/v1/hooks/userecho/${"x".repeat(41)}` }],
      ["wrong key", { key: "a forger's key" }],
      ["no signature", { signature: null }],
      ["not hex", { signature: "zz".repeat(20) }],
      ["too short", { signature: "ab" }],
      ["another body's", { signature: await signDelivery(credentials.webhookKey, "body", "{}") }],
    ];
    const details = new Set<string>();
    for (const [name, signing] of cases) {
      const response = await deliver(app, delivery, signing);
      expect(response.status, name).toBe(401);
      expect(response.headers.get("WWW-Authenticate"), name).toBe(
        'Signature realm="userecho-edge"',
      );
      expect(response.headers.get("Cache-Control"), name).toBe("no-store");
      const problem = Problem.parse(await response.json());
      expect(problem.type).toBe(ProblemType.unauthorized);
      details.add(problem.detail ?? "");
    }
    // One text for every refusal: the answer does not say whether the token was right.
    expect(details.size).toBe(1);
    expect(purges).toEqual([]);
    expect(cacheStatus(await app.fetch(users))).toMatch(/; hit$/);
  });

  it("counts against the caller's IP twice, so guessing the token ends in 429", async ({
    expect,
  }) => {
    const counts = new Map<string, number>();
    const limiter = {
      async limit({ key }: { key: string }) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return { success: counts.get(key)! <= 4 };
      },
    } as RateLimit;
    const app = workerWith({ READ_RATE_LIMITER: limiter });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await app.fetch(`/v1/hooks/userecho/guess-${i}-${"y".repeat(40)}`, {
        method: "POST",
        headers: { "CF-Connecting-IP": "203.0.113.77" },
        body: "{}",
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it("is answered 413 beyond the body limit, 400 when not JSON or without an event", async ({
    expect,
  }) => {
    const app = workerWith({});
    const big = JSON.stringify({ hook: "topic.created", data: { text: "x".repeat(600 * 1024) } });
    expect((await deliver(app, big)).status).toBe(413);
    expect((await deliver(app, "{not json")).status).toBe(400);
    const noEvent = await deliver(app, JSON.stringify({ data: {} }));
    expect(noEvent.status).toBe(400);
    expect(Problem.parse(await noEvent.json()).parameter).toBe("hook");
  });
});

describe("the webhook's configuration", () => {
  it("answers 500 naming USERECHO_WEBHOOK_TOKEN while it is unset or too short", async ({
    expect,
  }) => {
    for (const token of [undefined, "short-token"]) {
      const app = workerWith({ USERECHO_WEBHOOK_TOKEN: token });
      const response = await app.fetch("/v1/hooks/userecho/short-token", {
        method: "POST",
        body: "{}",
      });
      expect(response.status).toBe(500);
      const problem = Problem.parse(await response.json());
      expect(problem).toMatchObject({ variable: "USERECHO_WEBHOOK_TOKEN" });
      expect(JSON.stringify(problem)).not.toContain("short-token");
    }
  });

  it("takes only POST", async ({ expect }) => {
    const response = await worker(HOOK);
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
  });

  it("never writes the token to the request log", async ({ expect }) => {
    const lines: RequestLogLine[] = [];
    const app = workerWith({}, { log: (line) => lines.push(line) });
    await deliver(app, { hook: "topic.created", data: { id: 1004 } });
    await deliver(app, { hook: "topic.created" }, { path: `${HOOK}/` });
    expect(lines.map((line) => line.path)).toEqual([
      "/v1/hooks/userecho/{token}",
      "/v1/hooks/userecho/{token}",
    ]);
  });
});
