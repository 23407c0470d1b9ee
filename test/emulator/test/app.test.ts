import { describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import type {
  ApiComment,
  ApiForum,
  ApiIdName,
  ApiStatus,
  ApiTopic,
  ApiUser,
} from "../src/entities.ts";
import { AGENT_USER_ID, getSeed, ssoGuidFor } from "../src/seed/index.ts";
import { htmlToText } from "../src/text.ts";
import { AGENT_TOKEN, ANONYMOUS_TOKEN, UPSTREAM, data, getJson } from "./support.ts";

// The richer profile: these tests pin the guesses the extended emulator implements.
const app = createApp({ profile: "extended" });
const seed = getSeed();
const get = <T>(command: string, token: string | null = AGENT_TOKEN) =>
  getJson<T>(app, command, token);

const PRIVATE_FORUM_ID = 3;
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("envelope", () => {
  it("wraps lists as {status, data, details}", async ({ expect }) => {
    const response = await get<ApiForum[]>("forums.json");
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["data", "details", "status"]);
    expect(response.body).toMatchObject({
      status: "success",
      details: { count: seed.forums.length, limit: 50, page: 1, from: 1 },
    });
  });

  it("wraps single objects as {status, data} without details", async ({ expect }) => {
    const response = await get<ApiTopic>("topics/1001.json");
    expect(Object.keys(response.body).sort()).toEqual(["data", "status"]);
  });

  it("renders errors as {status: 'error', message} only", async ({ expect }) => {
    const response = await get("topics/999999.json");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ status: "error", message: "Topic not found" });
  });

  it("answers unknown paths, missing formats and write methods with error envelopes", async ({
    expect,
  }) => {
    expect((await get("nothing/here.json")).status).toBe(404);
    expect((await get("forums/1.json")).status).toBe(404);
    const noFormat = await app.request(`${UPSTREAM}/api/v2/forums?access_token=${AGENT_TOKEN}`);
    expect(noFormat.status).toBe(404);
    expect(await noFormat.json()).toMatchObject({ status: "error" });
    // Outside /api/v2 only the community pages exist (community.ts).
    const outsideApi = await app.request(`${UPSTREAM}/no/such/page`);
    expect(outsideApi.status).toBe(404);
    const post = await app.request(`${UPSTREAM}/api/v2/forums.json?access_token=${AGENT_TOKEN}`, {
      method: "POST",
      body: "{}",
    });
    expect(post.status).toBe(405);
    expect(await post.json()).toMatchObject({ status: "error" });
  });

  it("refuses the xml format with 406", async ({ expect }) => {
    const response = await app.request(`${UPSTREAM}/api/v2/forums.xml?access_token=${AGENT_TOKEN}`);
    expect(response.status).toBe(406);
    expect(await response.json()).toMatchObject({ status: "error" });
  });

  it("serves any host", async ({ expect }) => {
    const response = await app.request(
      `http://localhost:8787/api/v2/forums.json?access_token=${AGENT_TOKEN}`,
    );
    expect(response.status).toBe(200);
  });
});

describe("paging", () => {
  it("follows the documented sample maths", async ({ expect }) => {
    const response = await get<ApiUser[]>("users.json?page=11&limit=2");
    expect(response.body).toMatchObject({
      details: { count: seed.users.length, limit: 2, page: 11, from: 21 },
    });
    expect(data(response).map((user) => user.id)).toEqual([21, 22]);
  });

  it("defaults to 50 per page and clamps limit to 100", async ({ expect }) => {
    expect(data(await get<ApiUser[]>("users.json"))).toHaveLength(50);
    const clamped = await get<ApiUser[]>("users.json?limit=500");
    expect(data(clamped)).toHaveLength(100);
    expect(clamped.body).toMatchObject({ details: { limit: 100 } });
  });

  it("returns [] with the same details past the end", async ({ expect }) => {
    const response = await get<ApiUser[]>("users.json?page=1000&limit=10");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: "success",
      data: [],
      details: { count: seed.users.length, limit: 10, page: 1000, from: 9991 },
    });
  });

  it("rejects bad page and limit values with 400", async ({ expect }) => {
    for (const query of ["page=0", "page=abc", "limit=-5", "limit=1.5"]) {
      const response = await get(`users.json?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ status: "error" });
      expect(response.body).not.toHaveProperty("data");
    }
  });

  it("pages topic lists too", async ({ expect }) => {
    const forumTopics = seed.topics.filter((t) => t.forumId === 1);
    const response = await get<ApiTopic[]>("forums/1/topics.json?page=2&limit=7");
    expect(response.body).toMatchObject({
      details: { count: forumTopics.length, limit: 7, page: 2, from: 8 },
    });
    expect(data(response)).toHaveLength(7);
  });
});

describe("auth", () => {
  it.for([
    ["missing", null],
    ["empty", ""],
    ["wrong", "not-a-token"],
  ] as const)("answers a %s token with 401 and no data", async ([, token], { expect }) => {
    for (const command of ["forums.json", "users/1.json", "forums/1/topics.json"]) {
      const response = await get(command, token);
      expect(response.status).toBe(401);
      expect(response.body.status).toBe("error");
      expect(response.body).not.toHaveProperty("data");
      expect(response.body).not.toHaveProperty("details");
    }
  });

  it("does not accept the token as a Bearer header", async ({ expect }) => {
    const response = await app.request(`${UPSTREAM}/api/v2/forums.json`, {
      headers: { authorization: `Bearer ${AGENT_TOKEN}` },
    });
    expect(response.status).toBe(401);
  });

  it("lets the agent see the private forum and its content", async ({ expect }) => {
    const forums = data(await get<ApiForum[]>("forums.json"));
    expect(forums.map((f) => f.id)).toContain(PRIVATE_FORUM_ID);
    const privateTopic = seed.topics.find((t) => t.forumId === PRIVATE_FORUM_ID);
    expect(
      data(await get<ApiTopic[]>(`forums/${PRIVATE_FORUM_ID}/topics.json`)).length,
    ).toBeGreaterThan(0);
    expect((await get(`topics/${privateTopic?.id}.json`)).status).toBe(200);
  });

  it("hides private forums, their topics and comments from the anonymous token", async ({
    expect,
  }) => {
    const forums = await get<ApiForum[]>("forums.json", ANONYMOUS_TOKEN);
    expect(data(forums).map((f) => f.type.name)).not.toContain("PRIVATE");
    expect(data(forums).map((f) => f.id)).not.toContain(PRIVATE_FORUM_ID);
    expect(forums.body).toMatchObject({ details: { count: 4 } });

    const privateTopic = seed.topics.find(
      (t) => t.forumId === PRIVATE_FORUM_ID && t.commentCount > 0,
    );
    for (const command of [
      `forums/${PRIVATE_FORUM_ID}/topics.json`,
      `forums/${PRIVATE_FORUM_ID}/types.json`,
      `forums/${PRIVATE_FORUM_ID}/topics/search.json?query=the`,
      `topics/${privateTopic?.id}.json`,
      `topics/${privateTopic?.id}/comments.json`,
    ]) {
      const response = await get(command, ANONYMOUS_TOKEN);
      expect(response.status, command).toBe(404);
      expect(response.body).not.toHaveProperty("data");
    }
  });

  it("lets the anonymous token read public forums, without e-mails", async ({ expect }) => {
    const topics = data(await get<ApiTopic[]>("forums/1/topics.json", ANONYMOUS_TOKEN));
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.every((t) => t.author.email === "")).toBe(true);
    const users = data(await get<ApiUser[]>("users.json", ANONYMOUS_TOKEN));
    expect(users.every((u) => u.email === "")).toBe(true);
    const agentView = data(await get<ApiUser[]>("users.json"));
    expect(agentView.every((u) => u.email.includes("@"))).toBe(true);
  });
});

describe("forums, types, statuses, categories, tags", () => {
  it("returns forums with the documented fields", async ({ expect }) => {
    const [first] = data(await get<ApiForum[]>("forums.json"));
    const topics = seed.topics.filter((t) => t.forumId === 1);
    expect(first).toEqual({
      id: 1,
      name: "Product feedback",
      description: expect.any(String),
      type: { id: 1, name: "PUBLIC" },
      is_default: true,
      allow_anonymous_topic: false,
      created: expect.stringMatching(ISO_MS),
      topic_count: topics.length,
      comment_count: topics.reduce((sum, t) => sum + t.commentCount, 0),
      vote_count: topics.reduce((sum, t) => sum + t.votePositive + t.voteNegative, 0),
    });
  });

  it("lists a forum's types, and a type's statuses with status 1 first", async ({ expect }) => {
    expect(data(await get<ApiIdName[]>("forums/1/types.json"))).toEqual([
      { id: 1, name: "Ideas" },
      { id: 2, name: "Problems" },
      { id: 3, name: "Questions" },
      { id: 4, name: "Praise" },
    ]);
    const statuses = data(await get<ApiStatus[]>("forums/1/types/1/statuses.json"));
    expect(statuses.map((s) => s.id)).toEqual([1, 17, 18, 19, 20, 21]);
    expect(statuses[0]).toEqual({
      id: 1,
      name: "",
      color: "999999",
      updated: expect.stringMatching(ISO_MS),
    });
    expect((await get("forums/1/types/5/statuses.json")).status).toBe(404);
  });

  it("lists categories with topic counts, and tags", async ({ expect }) => {
    const categories = data(
      await get<(ApiIdName & { topic_count: number })[]>("forums/1/categories.json"),
    );
    expect(categories.map((c) => c.id)).toEqual([1, 2, 3, 4, 5]);
    for (const category of categories) {
      expect(category.topic_count).toBe(
        seed.topics.filter((t) => t.categoryId === category.id).length,
      );
    }
    expect(data(await get<ApiIdName[]>("forums/2/tags.json"))).toEqual([
      { id: 11, name: "ios" },
      { id: 12, name: "android" },
      { id: 13, name: "offline" },
      { id: 14, name: "push" },
      { id: 15, name: "crash" },
    ]);
  });

  it("returns empty lists for the empty forum and 404 for an unknown one", async ({ expect }) => {
    const empty = await get<ApiTopic[]>("forums/5/topics.json");
    expect(empty.body).toEqual({
      status: "success",
      data: [],
      details: { count: 0, limit: 50, page: 1, from: 1 },
    });
    expect((await get("forums/99/topics.json")).status).toBe(404);
  });
});

describe("topic filters and ordering", () => {
  const forumTopics = seed.topics.filter((t) => t.forumId === 1);
  const topicIds = async (query: string) =>
    data(await get<ApiTopic[]>(`forums/1/topics.json?limit=100&${query}`)).map((t) => t.id);

  it("orders newest first by default", async ({ expect }) => {
    const expected = [...forumTopics]
      .sort((a, b) => b.created - a.created)
      .slice(0, 100)
      .map((t) => t.id);
    expect(await topicIds("")).toEqual(expected);
  });

  it("filters by status__in", async ({ expect }) => {
    const response = await get<ApiTopic[]>(
      "forums/1/topics.json?limit=100&filter__status__in=1,17",
    );
    const expected = forumTopics.filter((t) => t.statusId === 1 || t.statusId === 17);
    expect(response.body).toMatchObject({ details: { count: expected.length } });
    expect(
      data(response).every(
        (t) => (t.status as ApiStatus).id === 1 || (t.status as ApiStatus).id === 17,
      ),
    ).toBe(true);
  });

  it("filters by id__gt (polling for new topics)", async ({ expect }) => {
    const last = forumTopics.at(-5)?.id ?? 0;
    const ids = await topicIds(`filter__id__gt=${last}&order_by=id`);
    expect(ids).toEqual(forumTopics.filter((t) => t.id > last).map((t) => t.id));
    expect(ids).toHaveLength(4);
  });

  it("filters by type and by tags", async ({ expect }) => {
    const problems = data(await get<ApiTopic[]>("forums/1/topics.json?limit=100&filter__type=2"));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((t) => (t.type as ApiIdName).id === 2)).toBe(true);
    const tagged = data(
      await get<ApiTopic[]>("forums/1/topics.json?limit=100&filter__tags__in=3,4"),
    );
    expect(tagged.length).toBe(
      forumTopics.filter((t) => t.tagIds.some((id) => id === 3 || id === 4)).length,
    );
    expect(tagged.every((t) => t.tags.some((tag) => tag.id === 3 || tag.id === 4))).toBe(true);
  });

  it("orders by -vote__diff with ties by id descending", async ({ expect }) => {
    const topics = data(
      await get<ApiTopic[]>("forums/1/topics.json?limit=100&order_by=-vote__diff"),
    );
    for (let i = 1; i < topics.length; i++) {
      const [previous, current] = [topics[i - 1], topics[i]];
      if (previous === undefined || current === undefined) throw new Error("unreachable");
      expect(previous.vote.diff).toBeGreaterThanOrEqual(current.vote.diff);
      if (previous.vote.diff === current.vote.diff) expect(previous.id).toBeGreaterThan(current.id);
    }
    const best = Math.max(...forumTopics.map((t) => t.votePositive - t.voteNegative));
    expect(topics[0]?.vote.diff).toBe(best);
  });

  it("orders by created ascending and by several keys", async ({ expect }) => {
    const ascending = await topicIds("order_by=created");
    expect(ascending).toEqual(forumTopics.slice(0, 100).map((t) => t.id));
    const byComments = data(
      await get<ApiTopic[]>("forums/1/topics.json?order_by=-comment_count,id"),
    );
    const counts = byComments.map((t) => t.comment_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("rejects unknown order_by and filter fields with 400 naming them", async ({ expect }) => {
    const order = await get("forums/1/topics.json?order_by=-popularity");
    expect(order.status).toBe(400);
    expect(order.body).toMatchObject({
      status: "error",
      message: expect.stringContaining("popularity"),
    });
    const filter = await get("forums/1/topics.json?filter__colour=red");
    expect(filter.status).toBe(400);
    expect(filter.body).toMatchObject({
      status: "error",
      message: expect.stringContaining("colour"),
    });
    expect((await get("forums/1/topics.json?filter__status__in=new")).status).toBe(400);
  });
});

describe("search", () => {
  it("requires every term, case-insensitively, in header or description text", async ({
    expect,
  }) => {
    const response = await get<ApiTopic[]>(
      "forums/1/topics/search.json?query=EXPORT%20csv&limit=100",
    );
    const found = data(response);
    expect(found.length).toBeGreaterThan(0);
    for (const topic of found) {
      const text = `${topic.header} ${htmlToText(topic.description)}`.toLowerCase();
      expect(text).toContain("export");
      expect(text).toContain("csv");
    }
    const expected = seed.topics.filter((t) => {
      const text = `${t.header}\n${htmlToText(t.description)}`.toLowerCase();
      return t.forumId === 1 && text.includes("export") && text.includes("csv");
    });
    expect(response.body).toMatchObject({ details: { count: expected.length } });
  });

  it("finds non-ASCII headers, pages results and supports order_by", async ({ expect }) => {
    const russian = seed.topics.find((t) => t.header.startsWith("Поддержка"));
    const response = await get<ApiTopic[]>(
      `forums/${russian?.forumId}/topics/search.json?query=${encodeURIComponent("ПОДДЕРЖКА русского")}`,
    );
    expect(data(response).map((t) => t.id)).toContain(russian?.id);
    const paged = await get<ApiTopic[]>(
      "forums/1/topics/search.json?query=the&limit=3&page=2&order_by=id",
    );
    expect(paged.body).toMatchObject({ details: { limit: 3, page: 2, from: 4 } });
    const ids = data(paged).map((t) => t.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it("returns [] for no match and 400 for an empty query", async ({ expect }) => {
    const none = await get<ApiTopic[]>("forums/1/topics/search.json?query=zzzxqj");
    expect(none.body).toMatchObject({ status: "success", data: [], details: { count: 0 } });
    expect((await get("forums/1/topics/search.json")).status).toBe(400);
    expect((await get("forums/1/topics/search.json?query=%20%20")).status).toBe(400);
  });
});

describe("topics and comments", () => {
  it("returns a topic with the documented shape", async ({ expect }) => {
    const record = seed.topics.find(
      (t) => t.categoryId !== null && t.tagIds.length > 0 && t.forumId === 1,
    );
    if (record === undefined) throw new Error("seed has no categorised, tagged topic");
    const topic = data(await get<ApiTopic>(`topics/${record.id}.json`));
    expect(Object.keys(topic)).toEqual([
      "id",
      "header",
      "description",
      "created",
      "updated",
      "status",
      "type",
      "category",
      "tags",
      "comment_count",
      "author",
      "vote",
      "custom_fields",
      "url",
      "forum_id",
    ]);
    expect(topic).toMatchObject({
      id: record.id,
      header: record.header,
      description: expect.stringMatching(/^<p>/),
      created: expect.stringMatching(ISO_MS),
      updated: expect.stringMatching(ISO_MS),
      status: { id: record.statusId, color: expect.stringMatching(/^[0-9a-f]{6}$/) },
      type: { id: record.typeId },
      category: { id: record.categoryId },
      comment_count: record.commentCount,
      vote: {
        positive: record.votePositive,
        negative: record.voteNegative,
        total: record.votePositive + record.voteNegative,
        diff: record.votePositive - record.voteNegative,
        current_user: 0,
      },
      custom_fields: [],
      forum_id: 1,
    });
    expect(Object.keys(topic.author).sort()).toEqual([
      "avatar_url",
      "email",
      "id",
      "name",
      "title",
    ]);
    expect(topic.tags.map((tag) => tag.id)).toEqual(record.tagIds);
    expect(topic.url).toMatch(
      new RegExp(`^https://demo\\.userecho\\.com/topics/${record.id}-[a-z0-9-]+/$`),
    );
  });

  it("serves hostile HTML unchanged (sanitising is the consumer's job)", async ({ expect }) => {
    const record = seed.topics.find((t) => t.hostile === "script");
    const topic = data(await get<ApiTopic>(`topics/${record?.id}.json`));
    expect(topic.description).toContain("<script>alert('xss')</script>");
  });

  it("lists comments oldest first, paged, with the documented fields", async ({ expect }) => {
    const record = seed.topics.find((t) => t.commentCount >= 5 && t.forumId === 1);
    if (record === undefined) throw new Error("seed has no topic with 5 comments");
    const response = await get<ApiComment[]>(`topics/${record.id}/comments.json?limit=3`);
    expect(response.body).toMatchObject({
      details: { count: record.commentCount, limit: 3, page: 1, from: 1 },
    });
    const comments = data(response);
    expect(comments).toHaveLength(3);
    const [first] = comments;
    expect(Object.keys(first ?? {})).toEqual([
      "id",
      "text",
      "comment",
      "is_official",
      "created",
      "author",
    ]);
    expect(first?.text).toBe(first?.comment);
    const times = comments.map((c) => c.created);
    expect(times).toEqual([...times].sort());

    const newest = data(
      await get<ApiComment[]>(`topics/${record.id}/comments.json?order_by=-created`),
    );
    expect(newest.map((c) => c.id)).toEqual(
      data(await get<ApiComment[]>(`topics/${record.id}/comments.json?order_by=created`))
        .map((c) => c.id)
        .reverse(),
    );
  });

  it("returns [] for a topic without comments and 404 for comments of an unknown topic", async ({
    expect,
  }) => {
    const silent = seed.topics.find((t) => t.commentCount === 0);
    expect(data(await get<ApiComment[]>(`topics/${silent?.id}/comments.json`))).toEqual([]);
    expect((await get("topics/1/comments.json")).status).toBe(404);
  });
});

describe("users", () => {
  it("returns the agent as the current user", async ({ expect }) => {
    const user = data(await get<ApiUser>("users/current.json"));
    expect(user).toMatchObject({
      id: AGENT_USER_ID,
      is_staff: true,
      name: "Dana Whitfield",
      is_authenticated: true,
    });
    expect(Object.keys(user)).toEqual([
      "id",
      "name",
      "display_name",
      "name_and_title",
      "title",
      "email",
      "avatar_url",
      "rating",
      "updates_count",
      "slug",
      "language",
      "is_staff",
      "is_authenticated",
      "last_activity",
      "date_joined",
    ]);
    expect(user.name_and_title).toBe("Dana Whitfield (Product Manager)");
  });

  it("has no current user for the anonymous token", async ({ expect }) => {
    for (const command of ["users/current.json", "users/current.json?sso_token=abc"]) {
      const response = await get(command, ANONYMOUS_TOKEN);
      expect(response.status).toBe(401);
      expect(response.body).not.toHaveProperty("data");
    }
  });

  it("returns users by id and by SSO guid", async ({ expect }) => {
    const user = data(await get<ApiUser>("users/42.json"));
    expect(user).toMatchObject({
      id: 42,
      display_name: user.name,
      last_activity: expect.stringMatching(ISO_MS),
    });
    const bySso = data(await get<ApiUser>(`users/sso/${ssoGuidFor(42)}.json`));
    expect(bySso).toEqual(user);
    expect((await get("users/sso/nobody-here.json")).status).toBe(404);
    expect((await get("users/99999.json")).status).toBe(404);
  });

  it("orders users by -rating (leaderboard)", async ({ expect }) => {
    const users = data(await get<ApiUser[]>("users.json?order_by=-rating&limit=20"));
    const expected = [...seed.users]
      .sort((a, b) => b.rating - a.rating || b.id - a.id)
      .slice(0, 20);
    expect(users.map((u) => u.id)).toEqual(expected.map((u) => u.id));
  });
});
