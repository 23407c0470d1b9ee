import { afterEach, beforeEach, describe, it, vi } from "vitest";
import credentials from "../credentials.json" with { type: "json" };
import { createApp } from "../src/app.ts";
import { HookRegistry, type DeliveryRecord, signDelivery } from "../src/hooks/index.ts";
import { getSeed } from "../src/seed/index.ts";
import { Store } from "../src/store.ts";
import {
  AGENT_TOKEN,
  ANONYMOUS_TOKEN,
  UPSTREAM,
  data,
  getJson,
  postJson,
  ssoToken,
} from "./support.ts";

// Their own store and registry: deliveries here must not reach other suites' hooks.
const store = new Store(getSeed());
const hooks = new HookRegistry();
const app = createApp({ store, hooks });
const RECEIVER = "https://receiver.test/v1/hooks/userecho/some-secret";

/** What the receiver got: each delivery's headers and body. */
let received: { url: string; signature: string | null; type: string | null; body: string }[];
let answer: number;

beforeEach(() => {
  store.reset();
  hooks.reset();
  received = [];
  answer = 200;
  // The receiving end: the emulator's deliveries are the only fetches these tests make.
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    received.push({
      url: request.url,
      signature: request.headers.get("X-UE-Signature"),
      type: request.headers.get("Content-Type"),
      body: await request.text(),
    });
    return new Response(null, { status: answer });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const register = (event: string, profile = "documented", target = RECEIVER, token = AGENT_TOKEN) =>
  postJson<{ id: number; target_url: string; events: Record<string, boolean> }>(
    app,
    `../../profile/${profile}/api/v2/hooks.json`,
    { event, target_url: target },
    { token },
  );

const admin = async <T>(method: string, path: string, body?: unknown) => {
  const response = await app.request(`${UPSTREAM}/__emulator/admin${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
};

describe("the hook API (docs/USERECHO.md §13)", () => {
  it("registers a hook with POST hooks and answers with its events map", async ({ expect }) => {
    const response = await register("topic.created");
    expect(response.status).toBe(200);
    const hook = data(response);
    expect(hook.target_url).toBe(RECEIVER);
    expect(hook.events["topic.created"]).toBe(true);
    expect(Object.values(hook.events).filter(Boolean)).toHaveLength(1);
    expect(Object.keys(hook.events)).toContain("comment.deleted");
  });

  it("names the events with GET hooks/events", async ({ expect }) => {
    const events = data(await getJson<string[]>(app, "hooks/events.json"));
    expect(events).toEqual(expect.arrayContaining(["topic.created", "comment.deleted"]));
  });

  it("refuses an unknown event, a URL that is not http(s), and a token that is not an agent's", async ({
    expect,
  }) => {
    expect((await register("topic.renamed", "extended")).status).toBe(400);
    expect((await register("topic.created", "extended", "ftp://x.test/")).status).toBe(400);
    expect((await register("topic.created", "extended", RECEIVER, ANONYMOUS_TOKEN)).status).toBe(
      401,
    );
    expect(hooks.list()).toEqual([]);
  });

  it("lists and deletes hooks under the extended profile only (no source names those calls)", async ({
    expect,
  }) => {
    const { id } = data(await register("comment.created", "extended"));
    const listed = data(
      await getJson<{ id: number }[]>(app, "../../profile/extended/api/v2/hooks.json"),
    );
    expect(listed.map((hook) => hook.id)).toEqual([id]);
    const documented = await getJson(app, "../../profile/documented/api/v2/hooks.json");
    expect(documented.body.status).toBe("error");

    const remove = (profile: string) =>
      app.request(
        `${UPSTREAM}/profile/${profile}/api/v2/hooks/${id}.json?access_token=${AGENT_TOKEN}`,
        { method: "DELETE" },
      );
    expect((await (await remove("documented")).json()) as { status: string }).toMatchObject({
      status: "error",
    });
    expect(hooks.list()).toHaveLength(1);
    expect((await remove("extended")).status).toBe(200);
    expect(hooks.list()).toEqual([]);
  });
});

describe("deliveries", () => {
  it("POSTs {hook, created, data} signed over the body when an admin creates a topic", async ({
    expect,
  }) => {
    await register("topic.created");
    await register("comment.created");
    const { status, body } = await admin<{ topicId: number; deliveries: DeliveryRecord[] }>(
      "POST",
      "/topics",
      { forumId: 2, header: "Made in the back office" },
    );
    expect(status).toBe(201);
    expect(body.deliveries).toEqual([
      {
        hookId: 1,
        event: "topic.created",
        objectId: body.topicId,
        status: 200,
        signedOver: "body",
      },
    ]);
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.url).toBe(RECEIVER);
    expect(delivery!.type).toBe("application/json");
    const payload = JSON.parse(delivery!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      hook: "topic.created",
      data: { id: body.topicId, header: "Made in the back office" },
    });
    expect(Number.isNaN(Date.parse(String(payload["created"])))).toBe(false);
    // The documented topic names no forum.
    expect(payload["data"]).not.toHaveProperty("forum_id");
    expect(delivery!.signature).toBe(
      await signDelivery(credentials.webhookKey, "body", delivery!.body),
    );
  });

  it("shows objects as the hook's profile does: forum_id and topic_id under extended", async ({
    expect,
  }) => {
    await register("topic.created", "extended");
    await register("comment.created", "extended");
    const topic = await admin<{ topicId: number }>("POST", "/topics", {
      forumId: 2,
      header: "Rich",
    });
    await admin("POST", `/topics/${topic.body.topicId}/comments`, { text: "<p>Hi</p>" });
    const [topicData, commentData] = received.map(
      (delivery) => (JSON.parse(delivery.body) as { data: Record<string, unknown> }).data,
    );
    expect(topicData).toMatchObject({ id: topic.body.topicId, forum_id: 2 });
    expect(commentData).toMatchObject({ text: "<p>Hi</p>", topic_id: topic.body.topicId });
  });

  it("repeats an admin's text when told to: longer than a JSON body may be", async ({ expect }) => {
    const paragraph = `<p>${"x".repeat(996)}</p>`;
    const topic = await admin<{ topicId: number }>("POST", "/topics", {
      forumId: 2,
      header: "Long",
      description: paragraph,
      repeat: 300,
    });
    expect(topic.status).toBe(201);
    expect(store.topic(topic.body.topicId)!.description).toBe(paragraph.repeat(300));
    const comment = await admin<{ commentId: number }>(
      "POST",
      `/topics/${topic.body.topicId}/comments`,
      { text: paragraph, repeat: 2 },
    );
    expect(store.commentsOf(topic.body.topicId).at(-1)).toMatchObject({
      id: comment.body.commentId,
      text: paragraph.repeat(2),
    });
    const tooMany = await admin("POST", "/topics", { forumId: 2, header: "x", repeat: 1001 });
    expect(tooMany.status).toBe(400);
  });

  it("signs over the word POST, or with another key, when told to", async ({ expect }) => {
    await register("topic.created");
    await app.request(`${UPSTREAM}/__emulator/hooks/signing`, {
      method: "PUT",
      body: JSON.stringify({ over: "literal" }),
    });
    await admin("POST", "/topics", { forumId: 2, header: "Literal" });
    expect(received[0]!.signature).toBe(await signDelivery(credentials.webhookKey, "literal", ""));

    await app.request(`${UPSTREAM}/__emulator/hooks/signing`, {
      method: "PUT",
      body: JSON.stringify({ key: "a forger's key" }),
    });
    await admin("POST", "/topics", { forumId: 2, header: "Forged" });
    expect(received[1]!.signature).toBe(
      await signDelivery("a forger's key", "body", received[1]!.body),
    );
  });

  it("delivers deletions with the object as it was, and records a refusal", async ({ expect }) => {
    await register("topic.deleted");
    await register("comment.deleted");
    const topicId = store.topicsOf(1)[0]!.id;
    // In another forum, so that deleting the topic does not take the comment with it.
    const comment = store.commentsOf(store.topicsOf(2).find((t) => t.commentCount > 0)!.id)[0]!;
    answer = 401;
    const deleted = await admin<{ deliveries: DeliveryRecord[] }>("DELETE", `/topics/${topicId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deliveries[0]).toMatchObject({ event: "topic.deleted", status: 401 });
    expect(store.topic(topicId)).toBeUndefined();
    expect((await getJson(app, `topics/${topicId}.json`)).body.status).toBe("error");

    answer = 200;
    const before = store.topic(comment.topicId)!.commentCount;
    await admin("DELETE", `/comments/${comment.id}`);
    expect(store.commentsOf(comment.topicId).some((c) => c.id === comment.id)).toBe(false);
    expect(store.topic(comment.topicId)!.commentCount).toBe(before - 1);
    expect(JSON.parse(received[1]!.body)).toMatchObject({
      hook: "comment.deleted",
      data: { id: comment.id },
    });
    const log = (await (await app.request(`${UPSTREAM}/__emulator/hooks/deliveries`)).json()) as {
      deliveries: DeliveryRecord[];
    };
    expect(log.deliveries.map((d) => d.status)).toEqual([401, 200]);
  });

  it("delivers what a signed-in user writes through the API too", async ({ expect }) => {
    await register("comment.created");
    const sso = await ssoToken({ guid: "hooks-1", display_name: "Hook Tester" });
    const topicId = store.topicsOf(2)[0]!.id;
    const written = await postJson<{ id: number }>(
      app,
      `topics/${topicId}/comments.json`,
      { text: "From the board" },
      { token: ANONYMOUS_TOKEN, sso },
    );
    expect(written.status).toBe(200);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      hook: "comment.created",
      data: { id: data(written).id },
    });
  });

  it("records 0 for a receiver that cannot be reached, and forgets everything on reset", async ({
    expect,
  }) => {
    await register("topic.created");
    vi.mocked(globalThis.fetch).mockRejectedValueOnce(new TypeError("unreachable"));
    const { body } = await admin<{ deliveries: DeliveryRecord[] }>("POST", "/topics", {
      forumId: 2,
      header: "Nobody home",
    });
    expect(body.deliveries[0]!.status).toBe(0);
    await app.request(`${UPSTREAM}/__emulator/reset`, { method: "POST" });
    expect(hooks.list()).toEqual([]);
    expect(hooks.deliveries()).toEqual([]);
  });
});
