import { beforeEach, describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import { RequestStats } from "../src/control.ts";
import type { ApiComment, ApiTopic } from "../src/entities.ts";
import { getSeed } from "../src/seed/index.ts";
import { Store } from "../src/store.ts";
import { data, getJson, postJson, UPSTREAM } from "./support.ts";

// A store of its own: injected topics must not leak into other suites sharing the default one.
const store = new Store(getSeed());
const stats = new RequestStats();
const app = createApp({ store, stats, profile: "extended" });

const EMPTY_FORUM = 5;

async function inject(body: unknown) {
  const response = await app.request(`${UPSTREAM}/__emulator/inject`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeEach(() => {
  store.reset();
  stats.reset();
});

describe("POST /__emulator/inject", () => {
  it("stores header, description, names and comments exactly as sent", async ({ expect }) => {
    const header = "  <b>bold</b> \u202Eevil\uD800 ";
    const description = "plain <img src=x onerror=alert(1)> & text";
    const injected = await inject({
      forumId: EMPTY_FORUM,
      header,
      description,
      author: "<i>Ann</i>",
      comments: [
        { text: "<svg onload=alert(2)>", author: "Bob\u200D" },
        { text: "no markup at all", author: "<i>Ann</i>" },
      ],
    });
    expect(injected.status).toBe(201);
    const { topicId, commentIds } = injected.body as { topicId: number; commentIds: number[] };

    const topic = data(await getJson<ApiTopic>(app, `topics/${topicId}.json`));
    expect(topic).toMatchObject({
      id: topicId,
      forum_id: EMPTY_FORUM,
      header,
      description,
      comment_count: 2,
      author: { name: "<i>Ann</i>" },
    });
    const comments = data(await getJson<ApiComment[]>(app, `topics/${topicId}/comments.json`));
    expect(comments.map((comment) => [comment.id, comment.text, comment.author.name])).toEqual([
      [commentIds[0], "<svg onload=alert(2)>", "Bob\u200D"],
      [commentIds[1], "no markup at all", "<i>Ann</i>"],
    ]);
    // One user per name: Ann wrote the topic and the second comment.
    expect(comments[1]!.author.id).toBe(topic.author.id);
    const listed = data(await getJson<ApiTopic[]>(app, `forums/${EMPTY_FORUM}/topics.json`));
    expect(listed.map((t) => t.id)).toEqual([topicId]);
  });

  it("keeps the store consistent: ids continue, totals follow, reset forgets", async ({
    expect,
  }) => {
    const before = store.topicsOf(1).length;
    const usersBefore = store.users().length;
    const last = Math.max(...store.topicsOf(1).map((topic) => topic.id));
    const first = await inject({ forumId: 1, header: "one" });
    const second = await inject({ forumId: 1, typeId: 2, header: "two", author: "Zed" });
    expect(second.body["topicId"]).toBe((first.body["topicId"] as number) + 1);
    expect(store.topicsOf(1)).toHaveLength(before + 2);
    expect(store.topic(second.body["topicId"] as number)?.typeId).toBe(2);
    expect(store.users()).toHaveLength(usersBefore + 1);
    expect(first.body["topicId"]).toBeGreaterThan(last);
    // A control request: never counted as API traffic or as an API write.
    expect(stats.snapshot()).toMatchObject({ requests: 0, writes: { topics: 0, comments: 0 } });

    await app.request(`${UPSTREAM}/__emulator/reset`, { method: "POST" });
    expect(store.topicsOf(1)).toHaveLength(before);
    expect(store.users()).toHaveLength(usersBefore);
  });

  it("answers 400 for unknown forums and types and for malformed bodies", async ({ expect }) => {
    for (const body of [
      "not json",
      [],
      { header: "no forum" },
      { forumId: 99, header: "unknown forum" },
      { forumId: EMPTY_FORUM, typeId: 1, header: "type of another forum" },
      { forumId: EMPTY_FORUM, header: "" },
      { forumId: EMPTY_FORUM, header: "x", comments: {} },
      { forumId: EMPTY_FORUM, header: "x", comments: [{ text: 1 }] },
      { forumId: EMPTY_FORUM, header: "x", author: 7 },
    ]) {
      const response = await inject(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body["status"]).toBe("error");
    }
    expect(store.topicsOf(EMPTY_FORUM)).toHaveLength(0);
    // The public write API, by contrast, trims headers: the reason this endpoint exists.
    const written = await postJson<ApiTopic>(app, `forums/${EMPTY_FORUM}/topics.json`, {
      header: "  padded  ",
      type: 12,
    });
    expect(data(written).header).toBe("padded");
  });
});

describe("POST /__emulator/inject/clone", () => {
  async function clone(body: unknown) {
    const response = await app.request(`${UPSTREAM}/__emulator/inject/clone`, {
      method: "POST",
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("copies every topic of the forum, so it has more full pages of the same kind", async ({
    expect,
  }) => {
    const originals = [...store.topicsOf(2)];
    const cloned = await clone({ forumId: 2, copies: 3 });
    expect(cloned).toEqual({ status: 201, body: { forumId: 2, topics: originals.length * 4 } });
    const copies = store.topicsOf(2).slice(originals.length);
    expect(copies).toHaveLength(originals.length * 3);
    expect(copies[originals.length]).toMatchObject({
      header: originals[0]!.header,
      description: originals[0]!.description,
      typeId: originals[0]!.typeId,
      votePositive: 0,
      commentCount: 0,
    });
    const page = data(
      await getJson<ApiTopic[]>(app, `forums/2/topics.json?limit=20&page=${originals.length / 5}`),
    );
    expect(page).toHaveLength(20);
    expect(store.topicsOf(1)).toHaveLength(store.seed.topics.filter((t) => t.forumId === 1).length);
    // A control request, not API traffic.
    expect(stats.snapshot().requests).toBe(1);
  });

  it("grows a forum to an exact number of topics, copying its topics in turn", async ({
    expect,
  }) => {
    const originals = [...store.topicsOf(2)];
    const grown = await clone({ forumId: 2, topics: 2_000 });
    expect(grown).toEqual({ status: 201, body: { forumId: 2, topics: 2_000 } });
    const topics = store.topicsOf(2);
    expect(topics[originals.length]).toMatchObject({ header: originals[0]!.header });
    expect(topics[1_999]).toMatchObject({
      header: originals[(1_999 - originals.length) % originals.length]!.header,
      votePositive: 0,
    });
    expect(await clone({ forumId: 2, topics: 2_000 })).toEqual(grown);
    for (const body of [
      { forumId: 2, topics: 10 },
      { forumId: 2, topics: -1 },
      { forumId: 5, topics: 10 },
      { forumId: 99, topics: 10 },
    ]) {
      expect((await clone(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await clone({ forumId: 2, topics: 1_000_000 })).status).toBe(413);
    expect(store.topicsOf(2)).toHaveLength(2_000);
  });

  it("answers 400 for unknown forums and bad counts, 413 beyond the bound", async ({ expect }) => {
    for (const body of [{ forumId: 99, copies: 1 }, { forumId: 1, copies: -1 }, { forumId: 1 }]) {
      expect((await clone(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await clone({ forumId: 1, copies: 1_000 })).status).toBe(413);
    expect(store.topicsOf(1)).toHaveLength(store.seed.topics.filter((t) => t.forumId === 1).length);
  });
});
