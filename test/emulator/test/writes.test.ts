import { beforeEach, describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import { RequestStats } from "../src/control.ts";
import type { ApiComment, ApiForum, ApiTopic, ApiUser } from "../src/entities.ts";
import { AGENT_USER_ID, getSeed, ssoGuidFor } from "../src/seed/index.ts";
import { Store } from "../src/store.ts";
import {
  AGENT_TOKEN,
  ANONYMOUS_TOKEN,
  data,
  getJson,
  nowSeconds,
  postJson,
  rawSsoToken,
  ssoToken,
} from "./support.ts";

// A store of its own: writes here must not leak into other suites sharing the default one.
const store = new Store(getSeed());
const stats = new RequestStats();
const app = createApp({ store, stats, profile: "extended" });

const PUBLIC_FORUM = 1;
const PRIVATE_FORUM = 3;
const ADA = { guid: "site-ada", display_name: "Ada Lovelace", email: "ada@example.com" };

/** GET as the anonymous token with an `sso_token` (or as `token` alone). */
const read = <T>(command: string, sso?: string, token: string = ANONYMOUS_TOKEN) =>
  getJson<T>(
    app,
    sso === undefined ? command : `${command}${command.includes("?") ? "&" : "?"}sso_token=${sso}`,
    token,
  );
const write = <T>(
  command: string,
  body: unknown,
  sso?: string,
  token: string | null = ANONYMOUS_TOKEN,
) => postJson<T>(app, command, body, { token, ...(sso === undefined ? {} : { sso }) });

beforeEach(() => {
  store.reset();
  stats.reset();
});

describe("SSO sign-in (docs/USERECHO.md §10)", () => {
  it("makes users/current the token's user, created on first sight", async ({ expect }) => {
    const before = store.users().length;
    const user = data(await read<ApiUser>("users/current.json", await ssoToken(ADA)));
    expect(user).toMatchObject({
      id: before + 1,
      name: "Ada Lovelace",
      display_name: "Ada Lovelace",
      email: "ada@example.com", // a user sees their own address
      is_staff: false,
      rating: 0,
    });
    // Found again by guid, not created twice; the profile follows the latest token.
    const again = data(
      await read<ApiUser>("users/current.json", await ssoToken({ ...ADA, display_name: "Ada L." })),
    );
    expect(again).toMatchObject({ id: user.id, name: "Ada L." });
    expect(store.users()).toHaveLength(before + 1);
    expect(data(await getJson<ApiUser>(app, "users/sso/site-ada.json")).id).toBe(user.id);
    expect(stats.snapshot().writes.users).toBe(2);
  });

  it("signs in a seeded SSO user, replacing the avatar only when forced", async ({ expect }) => {
    const seeded = store.user(42)!;
    const guid = ssoGuidFor(42);
    const avatar = "https://cdn.example.com/new.png";
    const user = data(
      await read<ApiUser>(
        "users/current.json",
        await ssoToken({ guid, display_name: "Renamed", avatar_url: avatar }),
      ),
    );
    expect(user).toMatchObject({ id: 42, name: "Renamed", avatar_url: seeded.avatarUrl });
    const forced = await rawSsoToken({
      guid,
      display_name: "Renamed",
      avatar_url: avatar,
      force_update_avatar: true,
      expires: nowSeconds() + 60,
    });
    expect(data(await read<ApiUser>("users/current.json", forced)).avatar_url).toBe(avatar);
  });

  it("accepts what other SDKs send: numeric guid, float expires, unescaped JSON", async ({
    expect,
  }) => {
    const sso = await rawSsoToken({
      guid: 1000000,
      display_name: "Node sample",
      avatar_url: "https://cdn.example.com/a/b.png",
      expires: nowSeconds() + 60.5,
    });
    const user = data(await read<ApiUser>("users/current.json", sso));
    expect(user).toMatchObject({
      name: "Node sample",
      avatar_url: "https://cdn.example.com/a/b.png",
    });
    expect(store.userBySsoGuid("1000000")?.id).toBe(user.id);
  });

  it("refuses a garbled, wrongly keyed or expired sso_token with 401", async ({ expect }) => {
    const tokens = [
      "garbled",
      await ssoToken(ADA, "another-key-another-key-another!"),
      await ssoToken({ ...ADA, expires: nowSeconds() - 1 }),
    ];
    for (const sso of tokens) {
      for (const response of [
        await read("users/current.json", sso),
        await read("forums/1/topics.json", sso),
        await write("forums/1/topics.json", { header: "Hi", type: 1 }, sso),
      ]) {
        expect(response.status).toBe(401);
        expect(response.body.status).toBe("error");
        expect(response.body).not.toHaveProperty("data");
      }
    }
    expect(stats.snapshot().writes).toEqual({ topics: 0, comments: 0, votes: 0, users: 0 });
  });

  it("opens the private forums the token grants, and only those", async ({ expect }) => {
    const plain = await ssoToken(ADA);
    expect((await read(`forums/${PRIVATE_FORUM}/topics.json`, plain)).status).toBe(404);
    const granted = await ssoToken({ ...ADA, allowed_private_forums: [PRIVATE_FORUM] });
    expect((await read(`forums/${PRIVATE_FORUM}/topics.json`, granted)).status).toBe(200);
    const forums = data(await read<ApiForum[]>("forums.json", granted)).map((f) => f.id);
    expect(forums).toContain(PRIVATE_FORUM);
  });
});

describe("who may write", () => {
  it("refuses the anonymous token without an sso_token (401 envelope)", async ({ expect }) => {
    for (const [command, body] of [
      ["forums/1/topics.json", { header: "Hello", type: 1 }],
      ["topics/1001/comments.json", { text: "Hi" }],
      ["topics/1001/votes.json", { value: 1 }],
    ] as const) {
      const response = await write(command, body);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        status: "error",
        message: expect.stringMatching(/sso_token/),
      });
    }
    expect(
      (await write("forums/1/topics.json", { header: "x", type: 1 }, undefined, null)).status,
    ).toBe(401);
  });

  it("lets the agent token write as the agent user", async ({ expect }) => {
    const topic = data(
      await write<ApiTopic>(
        "forums/1/topics.json",
        { header: "From staff", type: 1 },
        undefined,
        AGENT_TOKEN,
      ),
    );
    expect(topic.author.id).toBe(AGENT_USER_ID);
    const comment = data(
      await write<ApiComment>(
        `topics/${topic.id}/comments.json`,
        { text: "Official", is_official: true },
        undefined,
        AGENT_TOKEN,
      ),
    );
    expect(comment).toMatchObject({ is_official: true, author: { id: AGENT_USER_ID } });
  });
});

describe("POST forums/:id/topics (docs/USERECHO.md §7)", () => {
  it("creates a topic by the SSO user that lists, counts and searches", async ({ expect }) => {
    const sso = await ssoToken(ADA);
    const forumBefore = data(await read<ApiForum[]>("forums.json", sso)).find((f) => f.id === 1)!;
    const response = await write<ApiTopic>(
      `forums/${PUBLIC_FORUM}/topics.json`,
      {
        header: "  Zebra stripes for the dashboard  ",
        description: "Please add stripes.\n\nThey help.",
        type: 1,
        category: 2,
        tags: [1, 4, 1],
        show_voter: true,
        custom_fields: { cf_1: "x" },
      },
      sso,
    );
    expect(response.status).toBe(200);
    const topic = data(response);
    expect(topic).toMatchObject({
      header: "Zebra stripes for the dashboard",
      description: "<p>Please add stripes.</p><p>They help.</p>",
      type: { id: 1, name: "Ideas" },
      category: { id: 2, name: "Integrations" },
      tags: [
        { id: 1, name: "ui" },
        { id: 4, name: "api" },
      ],
      status: { id: 1, name: "" },
      comment_count: 0,
      vote: { diff: 0, positive: 0, total: 0, negative: 0, current_user: 0 },
      author: { name: "Ada Lovelace" },
      forum_id: PUBLIC_FORUM,
    });
    expect(topic.id).toBeGreaterThan(Math.max(...getSeed().topics.map((t) => t.id)));
    expect(Date.parse(topic.created)).toBeGreaterThan(Date.parse("2026-11-01T00:00:00Z") - 1);

    const newest = data(await read<ApiTopic[]>(`forums/${PUBLIC_FORUM}/topics.json?limit=1`, sso));
    expect(newest[0]?.id).toBe(topic.id);
    expect(data(await read<ApiTopic>(`topics/${topic.id}.json`))).toMatchObject({
      header: topic.header,
      author: { email: "" }, // others do not see Ada's address
    });
    const forumAfter = data(await read<ApiForum[]>("forums.json", sso)).find((f) => f.id === 1)!;
    expect(forumAfter.topic_count).toBe(forumBefore.topic_count + 1);
    const found = data(await read<ApiTopic[]>("forums/1/topics/search.json?query=zebra%20stripes"));
    expect(found.map((t) => t.id)).toEqual([topic.id]);
    expect(stats.snapshot().writes.topics).toBe(1);
  });

  it("stores HTML as sent and escapes plain text", async ({ expect }) => {
    const sso = await ssoToken(ADA);
    const html = "<p>Bold <b>idea</b></p><script>alert(1)</script>";
    expect(
      data(
        await write<ApiTopic>(
          "forums/1/topics.json",
          { header: "H1", type: 1, description: html },
          sso,
        ),
      ).description,
    ).toBe(html);
    expect(
      data(
        await write<ApiTopic>(
          "forums/1/topics.json",
          { header: "H2", type: 1, description: "a < b & c" },
          sso,
        ),
      ).description,
    ).toBe("<p>a &lt; b &amp; c</p>");
  });

  it.for([
    ["not JSON", "{header:", /JSON/],
    ["a JSON array", "[]", /JSON object/],
    ["no header", { type: 1 }, /'header' is required/],
    ["a blank header", { header: "   ", type: 1 }, /'header' is required/],
    ["a numeric header", { header: 5, type: 1 }, /'header' must be a string/],
    ["no type", { header: "Hi" }, /'type' is required/],
    ["a type as string", { header: "Hi", type: "1" }, /'type' must be/],
    ["another forum's type", { header: "Hi", type: 5 }, /'type' is not a type of this forum/],
    ["another forum's category", { header: "Hi", type: 1, category: 6 }, /'category'/],
    ["another forum's tag", { header: "Hi", type: 1, tags: [1, 11] }, /'tags'/],
    ["tags not a list", { header: "Hi", type: 1, tags: 1 }, /'tags'/],
    ["a long header", { header: "h".repeat(256), type: 1 }, /'header' is longer/],
  ] as const)("answers 400 naming the field for %s", async ([, body, message], { expect }) => {
    const response = await write("forums/1/topics.json", body, await ssoToken(ADA));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ status: "error", message: expect.stringMatching(message) });
    expect(stats.snapshot().writes.topics).toBe(0);
  });

  it("answers 404 for an unknown or hidden forum", async ({ expect }) => {
    const sso = await ssoToken(ADA);
    expect((await write("forums/999/topics.json", { header: "Hi", type: 1 }, sso)).status).toBe(
      404,
    );
    expect((await write("forums/3/topics.json", { header: "Hi", type: 8 }, sso)).status).toBe(404);
    const granted = await ssoToken({ ...ADA, allowed_private_forums: [3] });
    expect((await write("forums/3/topics.json", { header: "Hi", type: 8 }, granted)).status).toBe(
      200,
    );
  });
});

describe("POST topics/:id/comments (docs/USERECHO.md §7)", () => {
  it("adds a comment by the SSO user; counts follow", async ({ expect }) => {
    const sso = await ssoToken(ADA);
    const topic = data(await read<ApiTopic>("topics/1001.json", sso));
    const forum = data(await read<ApiForum[]>("forums.json", sso)).find(
      (f) => f.id === topic.forum_id,
    )!;
    const comment = data(
      await write<ApiComment>(
        "topics/1001/comments.json",
        { text: "Me too!", is_official: true },
        sso,
      ),
    );
    expect(comment).toMatchObject({
      text: "<p>Me too!</p>",
      comment: "<p>Me too!</p>",
      is_official: false, // only staff post official answers
      author: { name: "Ada Lovelace" },
    });
    expect(data(await read<ApiTopic>("topics/1001.json", sso)).comment_count).toBe(
      topic.comment_count + 1,
    );
    const comments = data(await read<ApiComment[]>("topics/1001/comments.json?limit=100", sso));
    expect(comments.at(-1)?.id).toBe(comment.id);
    const forumAfter = data(await read<ApiForum[]>("forums.json", sso)).find(
      (f) => f.id === topic.forum_id,
    )!;
    expect(forumAfter.comment_count).toBe(forum.comment_count + 1);
    expect(stats.snapshot().writes.comments).toBe(1);
  });

  it("requires text and a readable topic", async ({ expect }) => {
    const sso = await ssoToken(ADA);
    const missing = await write("topics/1001/comments.json", {}, sso);
    expect(missing).toEqual({
      status: 400,
      body: { status: "error", message: "Parameter 'text' is required" },
    });
    expect((await write("topics/1001/comments.json", { text: "" }, sso)).status).toBe(400);
    expect((await write("topics/999999/comments.json", { text: "Hi" }, sso)).status).toBe(404);
    const hidden = store.topicsOf(PRIVATE_FORUM)[0]!;
    expect((await write(`topics/${hidden.id}/comments.json`, { text: "Hi" }, sso)).status).toBe(
      404,
    );
  });
});

describe("POST topics/:id/votes (inferred from legacy v1)", () => {
  const TOPIC = 1001;
  const votesOf = async (sso?: string) =>
    data(await read<ApiTopic>(`topics/${TOPIC}.json`, sso)).vote;

  it("counts one vote per user, which can change or be withdrawn", async ({ expect }) => {
    const sso = await ssoToken(ADA);
    const start = await votesOf(sso);
    expect(start.current_user).toBe(0);

    const up = data(await write<ApiTopic>(`topics/${TOPIC}/votes.json`, { value: 1 }, sso)).vote;
    expect(up).toEqual({
      positive: start.positive + 1,
      negative: start.negative,
      total: start.total + 1,
      diff: start.diff + 1,
      current_user: 1,
    });
    // Voting the same way again changes nothing.
    expect(
      data(await write<ApiTopic>(`topics/${TOPIC}/votes.json`, { value: 1 }, sso)).vote,
    ).toEqual(up);

    const down = data(await write<ApiTopic>(`topics/${TOPIC}/votes.json`, { value: -1 }, sso)).vote;
    expect(down).toEqual({
      positive: start.positive,
      negative: start.negative + 1,
      total: start.total + 1,
      diff: start.diff - 1,
      current_user: -1,
    });

    const withdrawn = data(
      await write<ApiTopic>(`topics/${TOPIC}/votes.json`, { value: 0 }, sso),
    ).vote;
    expect(withdrawn).toEqual(start);
    expect(stats.snapshot().writes.votes).toBe(4);
  });

  it("shows current_user to the voter only, in lists too", async ({ expect }) => {
    const ada = await ssoToken(ADA);
    const bob = await ssoToken({ guid: "site-bob", display_name: "Bob" });
    await write(`topics/${TOPIC}/votes.json`, { value: 1 }, ada);
    await write(`topics/${TOPIC}/votes.json`, { value: 1 }, bob);
    expect((await votesOf(ada)).current_user).toBe(1);
    expect((await votesOf()).current_user).toBe(0);
    expect(data(await getJson<ApiTopic>(app, `topics/${TOPIC}.json`)).vote.current_user).toBe(0);
    const forumId = store.topic(TOPIC)!.forumId;
    const listed = data(
      await read<ApiTopic[]>(`forums/${forumId}/topics.json?filter__id__in=${TOPIC}`, ada),
    );
    expect(listed[0]?.vote.current_user).toBe(1);
    expect((await votesOf(ada)).positive).toBe(
      store.seed.topics.find((t) => t.id === TOPIC)!.votePositive + 2,
    );
  });

  it("keeps the forum's vote_count in step", async ({ expect }) => {
    const sso = await ssoToken(ADA);
    const forumId = store.topic(TOPIC)!.forumId;
    const count = async () =>
      data(await read<ApiForum[]>("forums.json", sso)).find((f) => f.id === forumId)!.vote_count;
    const before = await count();
    await write(`topics/${TOPIC}/votes.json`, { value: -1 }, sso);
    expect(await count()).toBe(before + 1);
    await write(`topics/${TOPIC}/votes.json`, { value: 1 }, sso);
    expect(await count()).toBe(before + 1);
    await write(`topics/${TOPIC}/votes.json`, { value: 0 }, sso);
    expect(await count()).toBe(before);
  });

  it.for([
    ["no value", {}, /'value' is required/],
    ["value 2", { value: 2 }, /1, 0 or -1/],
    ["value as string", { value: "1" }, /1, 0 or -1/],
    ["not JSON", "up", /JSON/],
  ] as const)("answers 400 for %s", async ([, body, message], { expect }) => {
    const response = await write(`topics/${TOPIC}/votes.json`, body, await ssoToken(ADA));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ status: "error", message: expect.stringMatching(message) });
  });

  it("answers 404 for an unknown topic", async ({ expect }) => {
    expect(
      (await write("topics/999999/votes.json", { value: 1 }, await ssoToken(ADA))).status,
    ).toBe(404);
  });
});

describe("reset", () => {
  it("undoes every write and zeroes the counters", async ({ expect }) => {
    const sso = await ssoToken(ADA);
    const topic = data(
      await write<ApiTopic>("forums/1/topics.json", { header: "Temp", type: 1 }, sso),
    );
    await write("topics/1001/comments.json", { text: "Temp" }, sso);
    await write("topics/1001/votes.json", { value: 1 }, sso);
    expect(stats.snapshot().writes).toEqual({ topics: 1, comments: 1, votes: 1, users: 1 });

    const reset = await app.request("http://emulator/__emulator/reset", { method: "POST" });
    expect(await reset.json()).toMatchObject({
      writes: { topics: 0, comments: 0, votes: 0, users: 0 },
    });
    expect((await getJson(app, `topics/${topic.id}.json`)).status).toBe(404);
    expect((await getJson(app, "users/sso/site-ada.json")).status).toBe(404);
    const seedTopic = getSeed().topics.find((t) => t.id === 1001)!;
    expect(data(await getJson<ApiTopic>(app, "topics/1001.json"))).toMatchObject({
      comment_count: seedTopic.commentCount,
      vote: { positive: seedTopic.votePositive, current_user: 0 },
    });
    expect(store.users()).toHaveLength(getSeed().users.length);
  });
});

describe("other writes", () => {
  it("still answer 405", async ({ expect }) => {
    expect((await write("forums.json", {}, undefined, AGENT_TOKEN)).status).toBe(405);
    expect((await write("users/current.json", {}, undefined, AGENT_TOKEN)).status).toBe(405);
  });
});
