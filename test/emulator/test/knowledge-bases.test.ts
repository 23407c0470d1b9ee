import { describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import type { ApiComment, ApiForum, ApiTopic } from "../src/entities.ts";
import { FORUM_KINDS, getSeed } from "../src/seed/index.ts";
import { Store } from "../src/store.ts";
import { ANONYMOUS_TOKEN, data, getJson } from "./support.ts";

const seed = getSeed();
const app = createApp({ store: new Store(seed) });

const kb = (kind: (typeof FORUM_KINDS)[keyof typeof FORUM_KINDS]) =>
  seed.forums.find((forum) => forum.kind === kind)!;

describe("knowledge bases: forums whose topics are articles", () => {
  it("has a public and a private one, each with articles and comments", ({ expect }) => {
    for (const forum of [
      kb(FORUM_KINDS.knowledgeBasePublic),
      kb(FORUM_KINDS.knowledgeBasePrivate),
    ]) {
      const articles = seed.topics.filter((t) => t.forumId === forum.id);
      expect(articles.length, forum.name).toBeGreaterThanOrEqual(8);
      expect(
        articles.some((t) => t.commentCount > 0),
        forum.name,
      ).toBe(true);
    }
  });

  it("lists the public one, its articles and their comments for anyone", async ({ expect }) => {
    const forum = kb(FORUM_KINDS.knowledgeBasePublic);
    const forums = data(await getJson<ApiForum[]>(app, "forums.json", ANONYMOUS_TOKEN));
    expect(forums.find((f) => f.id === forum.id)?.type).toEqual({
      id: 3,
      name: "KNOWLEDGEBASE PUBLIC",
    });
    const articles = data(
      await getJson<ApiTopic[]>(
        app,
        `forums/${forum.id}/topics.json?order_by=-created`,
        ANONYMOUS_TOKEN,
      ),
    );
    expect(articles.length).toBe(seed.topics.filter((t) => t.forumId === forum.id).length);
    const commented = articles.find((a) => a.comment_count > 0)!;
    const comments = data(
      await getJson<ApiComment[]>(app, `topics/${commented.id}/comments.json`, ANONYMOUS_TOKEN),
    );
    expect(comments).toHaveLength(commented.comment_count);
  });

  it("hides the private one from the anonymous token, and shows it to the agent", async ({
    expect,
  }) => {
    const forum = kb(FORUM_KINDS.knowledgeBasePrivate);
    const anonymous = data(await getJson<ApiForum[]>(app, "forums.json", ANONYMOUS_TOKEN));
    expect(anonymous.map((f) => f.id)).not.toContain(forum.id);
    const article = seed.topics.find((t) => t.forumId === forum.id && t.commentCount > 0)!;
    for (const command of [
      `forums/${forum.id}/topics.json`,
      `topics/${article.id}.json`,
      `topics/${article.id}/comments.json`,
    ]) {
      const hidden = await getJson(app, command, ANONYMOUS_TOKEN);
      expect(hidden.body.status, command).toBe("error");
      expect((await getJson(app, command)).body.status, command).toBe("success");
    }
    const agentView = data(await getJson<ApiForum[]>(app, "forums.json"));
    expect(agentView.find((f) => f.id === forum.id)).toMatchObject({
      type: { id: 4, name: "KNOWLEDGEBASE PRIVATE" },
      topic_count: seed.topics.filter((t) => t.forumId === forum.id).length,
    });
  });

  it("keeps the first data set's ids: the private articles come last, newest last", ({
    expect,
  }) => {
    const forum = kb(FORUM_KINDS.knowledgeBasePrivate);
    const ids = seed.topics.filter((t) => t.forumId === forum.id).map((t) => t.id);
    const others = seed.topics.filter((t) => t.forumId !== forum.id);
    expect(Math.min(...ids)).toBeGreaterThan(Math.max(...others.map((t) => t.id)));
    expect(others.at(-1)?.id).toBe(1330);
  });
});
