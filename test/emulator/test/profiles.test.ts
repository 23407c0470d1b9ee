import { describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import { Store } from "../src/store.ts";
import { buildSeed } from "../src/seed/index.ts";
import {
  AGENT_TOKEN,
  ANONYMOUS_TOKEN,
  UPSTREAM,
  data,
  getJson,
  postJson,
  ssoToken,
} from "./support.ts";

const documented = createApp({ store: new Store(buildSeed()), profile: "documented" });
const ignoring = createApp({ store: new Store(buildSeed()), profile: "documented-ignore" });

type Json = Record<string, unknown>;

describe("the documented profile serves only what UserEcho documents", () => {
  it("topics have no forum_id or category, tags as objects, and url only in lists", async ({
    expect,
  }) => {
    const list = data(await getJson<Json[]>(documented, "forums/1/topics.json?limit=50"));
    for (const topic of list) {
      expect(topic).not.toHaveProperty("forum_id");
      expect(topic).not.toHaveProperty("category");
      for (const tag of topic["tags"] as Json[])
        expect(Object.keys(tag).sort()).toEqual(["id", "name"]);
      expect(typeof topic["url"]).toBe("string");
    }
    expect(list.some((topic) => (topic["tags"] as Json[]).length > 0)).toBe(true);
    const single = data(await getJson<Json>(documented, `topics/${list[0]!["id"]}.json`));
    expect(Object.keys(single).sort()).toEqual(
      [
        "author",
        "comment_count",
        "created",
        "custom_fields",
        "description",
        "header",
        "id",
        "status",
        "tags",
        "type",
        "updated",
        "vote",
      ].sort(),
    );
    expect(single["author"]).not.toHaveProperty("email");
  });

  it("serves some old topics with bare-integer status and type", async ({ expect }) => {
    const list = data(await getJson<Json[]>(documented, "forums/1/topics.json?limit=100"));
    const legacy = list.filter((topic) => typeof topic["status"] === "number");
    expect(legacy.length).toBeGreaterThan(0);
    expect(legacy.length).toBeLessThan(list.length);
    for (const topic of legacy) expect(typeof topic["type"]).toBe("number");
  });

  it("has details on topic and user lists only", async ({ expect }) => {
    const withDetails = ["forums/1/topics.json", "users.json"];
    const without = [
      "forums.json",
      "forums/1/types.json",
      "forums/1/types/1/statuses.json",
      "forums/1/categories.json",
      "forums/1/tags.json",
      "forums/1/topics/search.json?query=export",
      "topics/1004/comments.json",
    ];
    for (const command of withDetails) {
      expect((await getJson(documented, command)).body, command).toHaveProperty("details");
    }
    for (const command of without) {
      const { body } = await getJson(documented, command);
      expect(body, command).toMatchObject({ status: "success" });
      expect(body, command).not.toHaveProperty("details");
    }
  });

  it("answers every error with HTTP 200 and a text that says nothing reliable", async ({
    expect,
  }) => {
    const texts = new Set<string>();
    for (const [command, token] of [
      ["topics/999999.json", AGENT_TOKEN],
      ["forums.json", "wrong-token"],
      ["topics/999999.json", AGENT_TOKEN],
      ["forums/1/topics.json?page=0", AGENT_TOKEN],
    ] as const) {
      const response = await getJson(documented, command, token);
      expect(response.status, command).toBe(200);
      expect(response.body, command).toMatchObject({ status: "error" });
      if (response.body.status === "error") texts.add(response.body.message);
    }
    // The same error twice does not even give the same text.
    expect(texts.size).toBeGreaterThan(1);
  });

  it("refuses an unattested order_by or filter, and accepts the attested ones", async ({
    expect,
  }) => {
    for (const query of [
      "order_by=-vote__diff",
      "order_by=-updated",
      "order_by=-comment_count",
      "filter__type=1",
      "filter__category=1",
      "filter__tags=1",
    ]) {
      const { body } = await getJson(documented, `forums/1/topics.json?${query}`);
      expect(body, query).toMatchObject({ status: "error" });
    }
    expect((await getJson(documented, "users.json?order_by=-rating")).body).toMatchObject({
      status: "error",
    });
    for (const query of [
      "order_by=-created",
      "order_by=created",
      "filter__status__in=1,17",
      "filter__id__gt=1000",
    ]) {
      const { body } = await getJson(documented, `forums/1/topics.json?${query}`);
      expect(body, query).toMatchObject({ status: "success" });
    }
  });

  it("documented-ignore silently ignores the same parameters", async ({ expect }) => {
    const plain = data(await getJson<Json[]>(ignoring, "forums/1/topics.json?limit=20"));
    const sorted = data(
      await getJson<Json[]>(ignoring, "forums/1/topics.json?limit=20&order_by=-vote__diff"),
    );
    const filtered = data(
      await getJson<Json[]>(ignoring, "forums/1/topics.json?limit=20&filter__type=2"),
    );
    expect(sorted.map((t) => t["id"])).toEqual(plain.map((t) => t["id"]));
    expect(filtered.length).toBe(20);
    expect(filtered.some((t) => (t["type"] as { id?: number }).id !== 2)).toBe(true);
  });

  it("has no vote endpoint, and answers a comment with its id only", async ({ expect }) => {
    const sso = await ssoToken({ guid: "profile-1", display_name: "Profile" });
    const vote = await postJson(
      documented,
      "topics/1004/votes.json",
      { value: 1 },
      {
        token: ANONYMOUS_TOKEN,
        sso,
      },
    );
    expect(vote.body).toMatchObject({ status: "error" });
    const comment = await postJson<Json>(
      documented,
      "topics/1004/comments.json",
      {
        text: "Hello",
      },
      { token: ANONYMOUS_TOKEN, sso },
    );
    expect(data(comment)).toEqual({ id: expect.any(Number) });
    const topic = await postJson<Json>(
      documented,
      "forums/1/topics.json",
      {
        header: "A documented topic",
        type: 1,
      },
      { token: ANONYMOUS_TOKEN, sso },
    );
    expect(data(topic)).not.toHaveProperty("forum_id");
    expect(data(topic)).not.toHaveProperty("url");
  });

  it("is what requests under /profile/documented/ get from any app", async ({ expect }) => {
    const app = createApp({ profile: "extended" });
    const response = await app.request(
      `${UPSTREAM}/profile/documented/api/v2/forums/1/topics.json?access_token=${AGENT_TOKEN}&limit=1`,
    );
    const [topic] = ((await response.json()) as { data: Json[] }).data;
    expect(topic).not.toHaveProperty("forum_id");
  });
});
