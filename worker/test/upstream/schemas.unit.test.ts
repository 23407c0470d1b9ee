import { describe, it } from "vitest";
import { createApp } from "@userecho-edge/emulator";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };
import {
  UpstreamComment,
  UpstreamCreated,
  UpstreamDetails,
  UpstreamForum,
  UpstreamTopic,
  UpstreamUser,
} from "../../src/upstream/schemas.ts";

const emulator = createApp();

/** `data` of a documented UserEcho answer, from the emulator run in this process. */
async function upstream<T>(command: string): Promise<{ data: T; details?: unknown }> {
  const url = new URL(`https://${credentials.alias}.userecho.com/api/v2/${command}.json`);
  url.searchParams.set("access_token", credentials.agentToken);
  return (await (await emulator.request(url.toString())).json()) as { data: T; details?: unknown };
}

describe("the shapes read from UserEcho", () => {
  it("accept what UserEcho documents: forums, topics, comments, users", async ({ expect }) => {
    const forums = (await upstream<unknown[]>("forums")).data;
    expect(forums.length).toBeGreaterThan(0);
    for (const forum of forums) expect(UpstreamForum.safeParse(forum).success).toBe(true);
    const page = await upstream<unknown[]>("forums/1/topics");
    expect(page.data.length).toBeGreaterThan(0);
    for (const topic of page.data) expect(UpstreamTopic.safeParse(topic).success).toBe(true);
    expect(UpstreamDetails.parse(page.details).count).toBeGreaterThan(0);
    const comments = (await upstream<unknown[]>("topics/1004/comments")).data;
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) expect(UpstreamComment.safeParse(comment).success).toBe(true);
    for (const user of (await upstream<unknown[]>("users")).data) {
      expect(UpstreamUser.safeParse(user).success).toBe(true);
    }
  });

  it("keep only the fields listed, so nothing private gets past the door", async ({ expect }) => {
    const [raw] = (await upstream<Record<string, unknown>[]>("forums/1/topics")).data;
    const parsed = UpstreamTopic.parse({ ...raw, email: "a@b.c", private_note: "x" });
    expect(parsed).not.toHaveProperty("email");
    expect(parsed).not.toHaveProperty("private_note");
  });

  it("drop an item with an unreadable creation date, and forget an unreadable update", async ({
    expect,
  }) => {
    const [raw] = (await upstream<Record<string, unknown>[]>("forums/1/topics")).data;
    expect(UpstreamTopic.safeParse({ ...raw, created: "yesterday" }).success).toBe(false);
    const updated = UpstreamTopic.parse({ ...raw, updated: "not a date either" });
    expect(updated.updated).toBeUndefined();
    expect(UpstreamTopic.parse({ ...raw, updated: "2026-03-04T05:06:07Z" }).updated).toBe(
      "2026-03-04T05:06:07Z",
    );
  });

  it("read tags and categories in each form seen, and drop what is neither", async ({ expect }) => {
    const [raw] = (await upstream<Record<string, unknown>[]>("forums/1/topics")).data;
    const tags = UpstreamTopic.parse({
      ...raw,
      tags: [{ id: 1, name: "a" }, 2, "three", { name: "no id" }, null],
    }).tags;
    expect(tags).toEqual([{ id: 1, name: "a" }, 2]);
    expect(UpstreamTopic.parse({ ...raw, tags: null }).tags).toEqual([]);
    expect(UpstreamTopic.parse({ ...raw, tags: "oops" }).tags).toEqual([]);
    expect(UpstreamTopic.parse({ ...raw, category: 7 }).category).toBe(7);
    expect(UpstreamTopic.parse({ ...raw, category: { weird: true } }).category).toBeUndefined();
  });

  it("know a write's answer by its id alone", ({ expect }) => {
    expect(UpstreamCreated.parse({ id: 42, extra: true })).toEqual({ id: 42 });
    expect(UpstreamCreated.safeParse({ id: "42" }).success).toBe(false);
    expect(UpstreamDetails.safeParse({ count: -1 }).success).toBe(false);
    expect(UpstreamDetails.safeParse({ count: 3, limit: 0 }).success).toBe(false);
    expect(UpstreamDetails.safeParse({ count: 3, page: 0 }).success).toBe(false);
    expect(UpstreamDetails.parse({ count: 0, limit: 1, page: 1 })).toEqual({
      count: 0,
      limit: 1,
      page: 1,
    });
  });
});
