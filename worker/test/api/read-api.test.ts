import { describe, it } from "vitest";
import {
  CommentPage,
  ForumList,
  ForumMeta,
  PROBLEM_CONTENT_TYPE,
  ProblemType,
  TopicDetail,
  TopicPage,
  TopUserPage,
} from "@userecho-edge/shared";
import {
  credentials,
  emulator,
  profileBaseUrl,
  worker,
  workerWith,
  type ProfileName,
} from "../support/index.ts";

/** The worker against one emulator profile. */
const against = (profile: ProfileName, vars: Partial<Env> = {}) =>
  workerWith({ USERECHO_BASE_URL: profileBaseUrl(profile), ...vars });

interface UpstreamTopicLike {
  id: number;
  header: string;
  forum_id: number;
  description: string;
  comment_count: number;
}

describe("GET /v1/forums", () => {
  it("lists only public forums, as our DTOs", async ({ expect }) => {
    const upstream = await emulator<{ id: number; type: { name: string } }[]>("forums");
    const expected = upstream.data.filter((f) => f.type.name === "PUBLIC").map((f) => f.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(upstream.data.length).toBeGreaterThan(expected.length); // private ones exist upstream

    const response = await worker("/v1/forums");
    expect(response.status).toBe(200);
    const body = ForumList.parse(await response.json());
    expect(body.items.map((f) => f.id)).toEqual(expected);
  });

  it("is restricted further by ALLOWED_FORUMS", async ({ expect }) => {
    const app = workerWith({ ALLOWED_FORUMS: "2, 3" });
    const body = ForumList.parse(await (await app.fetch("/v1/forums")).json());
    // 3 is private upstream: allowing it does not make it public.
    expect(body.items.map((f) => f.id)).toEqual([2]);
    expect((await app.fetch("/v1/forums/1/topics")).status).toBe(404);
    expect((await app.fetch("/v1/forums/2/topics")).status).toBe(200);
  });
});

describe("GET /v1/forums/:forumId/meta", () => {
  it("returns types with their statuses, categories and tags in one response", async ({
    expect,
  }) => {
    const body = ForumMeta.parse(await (await worker("/v1/forums/1/meta")).json());
    const types = await emulator<{ id: number; name: string }[]>("forums/1/types");
    const categories = await emulator<{ id: number }[]>("forums/1/categories");
    const tags = await emulator<{ id: number }[]>("forums/1/tags");
    expect(body.types.map((t) => t.name)).toEqual(types.data.map((t) => t.name));
    for (const type of body.types) {
      const statuses = await emulator<{ id: number; color: string }[]>(
        `forums/1/types/${type.id}/statuses`,
      );
      expect(type.statuses.map((s) => s.id)).toEqual(statuses.data.map((s) => s.id));
      expect(type.statuses.map((s) => s.color)).toEqual(statuses.data.map((s) => `#${s.color}`));
    }
    expect(body.categories.map((c) => c.id)).toEqual(categories.data.map((c) => c.id));
    expect(body.tags.map((t) => t.id)).toEqual(tags.data.map((t) => t.id));
    // VOTING=auto: inline until UserEcho shows it has no vote endpoint.
    expect(body.voting).toBe("inline");
  });

  it("answers 404 for a private forum", async ({ expect }) => {
    const response = await worker("/v1/forums/3/meta");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: ProblemType.notFound });
  });
});

describe("GET /v1/forums/:forumId/topics", () => {
  it("sorts as asked where UserEcho honours the sort", async ({ expect }) => {
    const app = against("extended");
    const cases = {
      top: (t: TopicPage["items"][number]) => t.votes.score,
      new: (t: TopicPage["items"][number]) => Date.parse(t.createdAt!),
      updated: (t: TopicPage["items"][number]) => Date.parse(t.updatedAt!),
      discussed: (t: TopicPage["items"][number]) => t.commentCount,
    };
    for (const [sort, key] of Object.entries(cases)) {
      const body = TopicPage.parse(
        await (await app.fetch(`/v1/forums/1/topics?sort=${sort}&limit=30`)).json(),
      );
      const values = body.items.map(key);
      expect(values, sort).toEqual([...values].sort((a, b) => b - a));
      expect(body.applied.sort, sort).toBe(sort);
    }
  });

  it("computes a sort UserEcho refuses or ignores from the forum's topics, in the same order", async ({
    expect,
  }) => {
    // The extended emulator honours every sort: its pages are what UserEcho would give.
    const sorted = against("extended");
    const keys = {
      top: (t: TopicPage["items"][number]) => t.votes.score,
      updated: (t: TopicPage["items"][number]) => Date.parse(t.updatedAt!),
      discussed: (t: TopicPage["items"][number]) => t.commentCount,
    };
    for (const profile of ["documented", "documented-ignore"] as const) {
      const app = against(profile);
      for (const [sort, key] of Object.entries(keys)) {
        const response = await app.fetch(`/v1/forums/1/topics?sort=${sort}&limit=30&page=2`);
        expect(response.status, `${profile} ${sort}`).toBe(200);
        const body = TopicPage.parse(await response.json());
        expect(body.applied, `${profile} ${sort}`).toEqual({ sort, computed: ["sort"] });
        expect(body.exact).toBe(true);
        expect(body.page).toMatchObject({ number: 2, size: 30, total: 180, totalPages: 6 });
        const expected = TopicPage.parse(
          await (await sorted.fetch(`/v1/forums/1/topics?sort=${sort}&limit=30&page=2`)).json(),
        );
        expect(body.items.map(key), `${profile} ${sort}`).toEqual(expected.items.map(key));
      }
      const meta = ForumMeta.parse(await (await app.fetch("/v1/forums/1/meta")).json());
      expect(meta.sorts, profile).toEqual(["top", "new", "updated", "discussed"]);
    }
  });

  it("computes the filters UserEcho does not honour, and offers only what topics carry", async ({
    expect,
  }) => {
    for (const profile of ["documented", "documented-ignore"] as const) {
      const app = against(profile);
      const meta = ForumMeta.parse(await (await app.fetch("/v1/forums/1/meta")).json());
      // A documented topic shows no category: that filter cannot be computed, so it is not
      // offered; type and tag are computed; status is attested and honoured.
      expect(meta.filters, profile).toEqual(["type", "status", "tag"]);
      const type = meta.types[1]!;
      const status = type.statuses.find((s) => s.id !== 1)!;
      const cases = {
        type: [type.id, (t: TopicPage["items"][number]) => t.type?.id === type.id, ["type"]],
        status: [status.id, (t: TopicPage["items"][number]) => t.status?.id === status.id, []],
        tag: [
          meta.tags[0]!.id,
          (t: TopicPage["items"][number]) => t.tags.some((g) => g.id === meta.tags[0]!.id),
          ["tag"],
        ],
      } as const;
      for (const [name, [id, holds, computed]] of Object.entries(cases)) {
        const body = TopicPage.parse(
          await (await app.fetch(`/v1/forums/1/topics?sort=new&${name}=${id}&limit=100`)).json(),
        );
        expect(body.items.length, `${profile} ${name}`).toBeGreaterThan(0);
        expect(body.items.every(holds), `${profile} ${name}`).toBe(true);
        expect(body.page.total, `${profile} ${name}`).toBeLessThan(180);
        expect(body.applied, `${profile} ${name}`).toEqual({
          sort: "new",
          [name]: id,
          ...(computed.length > 0 ? { computed } : {}),
        });
      }
      // Not offered: left out of the page (and of its cache key), which says so.
      const byCategory = TopicPage.parse(
        await (
          await app.fetch(`/v1/forums/1/topics?sort=new&category=${meta.categories[0]!.id}`)
        ).json(),
      );
      expect(byCategory.applied, profile).toEqual({ sort: "new" });
    }
  });

  it("refuses a filter value that is none of the forum's, naming the parameter", async ({
    expect,
  }) => {
    const response = await worker("/v1/forums/1/topics?type=777");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: ProblemType.invalidParameter,
      parameter: "type",
    });
  });

  it("searches with q through the upstream search endpoint", async ({ expect }) => {
    // UserEcho's search takes only the text and paging: its own order, no filters.
    const upstream = await emulator<{ id: number }[]>("forums/1/topics/search", {
      query: "dark mode",
      limit: "100",
    });
    expect(upstream.data.length).toBeGreaterThan(0);
    const body = TopicPage.parse(
      await (await worker("/v1/forums/1/topics?q=dark%20mode&limit=100")).json(),
    );
    expect(body.items.map((t) => t.id)).toEqual(upstream.data.map((t) => t.id));
    // Search results carry no details: the total is unknown, and a short page is the last.
    expect(body.page).toMatchObject({ total: null, totalPages: null, hasNext: false });
    expect(body.applied).toEqual({ q: "dark mode" });
  });

  it("pages with page info and RFC 8288 Link headers", async ({ expect }) => {
    const response = await worker("/v1/forums/1/topics?page=2&limit=25&sort=new");
    const body = TopicPage.parse(await response.json());
    expect(body.page).toEqual({ number: 2, size: 25, total: 180, totalPages: 8, hasNext: true });
    const link = response.headers.get("Link")!;
    expect(link).toContain('</v1/forums/1/topics?limit=25&page=1&sort=new>; rel="first"');
    expect(link).toContain('</v1/forums/1/topics?limit=25&page=1&sort=new>; rel="prev"');
    expect(link).toContain('</v1/forums/1/topics?limit=25&page=3&sort=new>; rel="next"');
    expect(link).toContain('</v1/forums/1/topics?limit=25&page=8&sort=new>; rel="last"');

    const lastResponse = await worker("/v1/forums/1/topics?page=8&limit=25&sort=new");
    const last = TopicPage.parse(await lastResponse.json());
    expect(last.items).toHaveLength(180 - 7 * 25);
    // The last page says so, and offers no next page to a client that follows links.
    expect(last.page).toEqual({ number: 8, size: 25, total: 180, totalPages: 8, hasNext: false });
    const lastLink = lastResponse.headers.get("Link")!;
    expect(lastLink).not.toContain('rel="next"');
    expect(lastLink).toContain('</v1/forums/1/topics?limit=25&page=7&sort=new>; rel="prev"');
    expect(lastLink).toContain('</v1/forums/1/topics?limit=25&page=8&sort=new>; rel="last"');
    const ids = new Set([...body.items, ...last.items].map((t) => t.id));
    expect(ids.size).toBe(body.items.length + last.items.length);
  });

  it("defaults to 20 per page and accepts 1 to 100", async ({ expect }) => {
    expect(TopicPage.parse(await (await worker("/v1/forums/1/topics")).json()).items).toHaveLength(
      20,
    );
    expect(
      TopicPage.parse(await (await worker("/v1/forums/1/topics?limit=100")).json()).items,
    ).toHaveLength(100);
    for (const bad of [
      "limit=0",
      "limit=101",
      "limit=abc",
      "page=0",
      "page=-1",
      "sort=random",
      "type=x",
      "q=a",
    ]) {
      const response = await worker(`/v1/forums/1/topics?${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.headers.get("Content-Type"), bad).toBe(PROBLEM_CONTENT_TYPE);
      const problem = (await response.json()) as { type: string; parameter: string };
      expect(problem.type, bad).toBe(ProblemType.invalidParameter);
      expect(problem.parameter, bad).toBe(bad.split("=")[0]);
    }
  });

  it("rejects a repeated parameter and a bad forum id", async ({ expect }) => {
    const repeated = await worker("/v1/forums/1/topics?page=1&page=2");
    expect(repeated.status).toBe(400);
    expect(await repeated.json()).toMatchObject({ parameter: "page" });
    const badId = await worker("/v1/forums/abc/topics");
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ parameter: "forumId" });
  });

  it("answers 404 for private, knowledge-base and unknown forums", async ({ expect }) => {
    for (const forumId of [3, 4, 999]) {
      const response = await worker(`/v1/forums/${forumId}/topics`);
      expect(response.status, String(forumId)).toBe(404);
    }
  });
});

describe("GET /v1/topics/:topicId", () => {
  it("returns the topic with its description sanitised", async ({ expect }) => {
    // Topic 1004 carries a <script> payload in the emulator's seed.
    const upstream = await emulator<UpstreamTopicLike>("topics/1004");
    expect(upstream.data.description).toMatch(/<script/i);
    expect(upstream.data).not.toHaveProperty("forum_id");
    const response = await worker("/v1/topics/1004");
    expect(response.status).toBe(200);
    const topic = TopicDetail.parse(await response.json());
    expect(topic.title).toBe(upstream.data.header);
    // Proven without forum_id (the richer emulator says which forum it is).
    const rich = await emulator<UpstreamTopicLike>("topics/1004", {}, "extended");
    expect(topic.forumId).toBe(rich.data.forum_id);
    expect(topic.descriptionHtml).not.toMatch(/<script|onerror|onclick|javascript:/i);
  });

  it("sanitises every hostile description of the seed", async ({ expect }) => {
    const page = await emulator<UpstreamTopicLike[]>(
      "forums/1/topics",
      { limit: "100", order_by: "id" },
      "extended",
    );
    const hostile = page.data.filter((t) =>
      /<script|on\w+=|javascript:|<iframe|<svg|<style/i.test(t.description),
    );
    expect(hostile.length).toBeGreaterThan(3);
    for (const { id } of hostile) {
      const topic = TopicDetail.parse(await (await worker(`/v1/topics/${id}`)).json());
      expect(topic.descriptionHtml, String(id)).not.toMatch(
        /<script|<style|<iframe|<svg|<form|\son\w+\s*=|javascript:|data:/i,
      );
    }
  });

  it("answers 404 for a topic in a private forum, and for an unknown one", async ({ expect }) => {
    const privateTopics = await emulator<UpstreamTopicLike[]>("forums/3/topics", { limit: "1" });
    const privateId = privateTopics.data[0]!.id;
    expect((await worker(`/v1/topics/${privateId}`)).status).toBe(404);
    expect((await worker(`/v1/topics/${privateId}/comments`)).status).toBe(404);
    expect((await worker("/v1/topics/77777777")).status).toBe(404);
  });
});

describe("GET /v1/topics/:topicId/comments", () => {
  it("pages a topic's comments, oldest first, sanitised", async ({ expect }) => {
    const upstream = await emulator<{ id: number; text: string }[]>("topics/1059/comments", {
      limit: "100",
      order_by: "created",
    });
    expect(upstream.data.length).toBeGreaterThan(20);
    const response = await worker("/v1/topics/1059/comments?limit=20&page=2");
    const body = CommentPage.parse(await response.json());
    // Comment lists carry no details: no total, and a full page may have a next one.
    expect(body.page).toMatchObject({ number: 2, size: 20, total: null, hasNext: true });
    expect(body.items.map((c) => c.id)).toEqual(upstream.data.slice(20, 40).map((c) => c.id));
    expect(response.headers.get("Link")).toContain('rel="prev"');
    for (const comment of body.items) expect(comment.html).not.toMatch(/<script|\son\w+=/i);
  });
});

describe("GET /v1/users/top", () => {
  /** The leaderboard as it should be: users above 0, by rating, staff only when shown. */
  async function expectedLeaderboard(showStaff: boolean) {
    const users: { id: number; rating: number; is_staff: boolean }[] = [];
    for (let page = 1; ; page++) {
      const { data } = await emulator<typeof users>(
        "users",
        { order_by: "-rating", limit: "100", page: String(page) },
        "extended",
      );
      if (data.length === 0) break;
      users.push(...data);
    }
    return users.filter((u) => u.rating > 0 && (showStaff || !u.is_staff));
  }

  it("ranks users by rating, never staff, never a user at 0, without private fields", async ({
    expect,
  }) => {
    const response = await worker("/v1/users/top?limit=10&page=2");
    const text = await response.text();
    const body = TopUserPage.parse(JSON.parse(text));
    expect(body.items.map((u) => u.rank)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    // UserEcho documents no user order: the worker ranks the community itself, exactly.
    expect(body.exact).toBe(true);
    const expected = await expectedLeaderboard(false);
    // Staff and users at 0 exist upstream.
    expect((await expectedLeaderboard(true)).length).toBeGreaterThan(expected.length);
    const all = await emulator<unknown[]>("users", { limit: "1" });
    expect(all.details?.["count"]).toBeGreaterThan(expected.length);
    expect(body.items.map((u) => u.rating)).toEqual(expected.slice(10, 20).map((u) => u.rating));
    expect(body.page.total).toBe(expected.length);
    expect(text).not.toMatch(/email|is_staff|@[a-z0-9-]+\./i);
  });

  it("takes UserEcho's ranking where it sorts users, and shows staff when told to", async ({
    expect,
  }) => {
    for (const showStaff of [false, true]) {
      const app = against("extended", { LEADERBOARD_STAFF: showStaff ? "show" : "hide" });
      const body = TopUserPage.parse(
        await (await app.fetch("/v1/users/top?limit=10&page=2")).json(),
      );
      const expected = await expectedLeaderboard(showStaff);
      expect(
        body.items.map((u) => u.id),
        String(showStaff),
      ).toEqual(expected.slice(10, 20).map((u) => u.id));
      expect(body.exact).toBe(true);
    }
  });

  it("ends where ratings reach 0: the last page says so", async ({ expect }) => {
    const expected = await expectedLeaderboard(false);
    const last = Math.ceil(expected.length / 25);
    const body = TopUserPage.parse(
      await (await worker(`/v1/users/top?limit=25&page=${last}`)).json(),
    );
    expect(body.items.length).toBe(expected.length - (last - 1) * 25);
    expect(body.page.hasNext).toBe(false);
    expect(body.items.every((u) => u.rating > 0)).toBe(true);
  });
});

describe("nothing private leaves", () => {
  it("no response carries the token, the upstream envelope or e-mail addresses", async ({
    expect,
  }) => {
    for (const path of [
      "/v1/forums",
      "/v1/forums/1/meta",
      "/v1/forums/1/topics?limit=100",
      "/v1/topics/1004",
      "/v1/topics/1059/comments?limit=100",
      "/v1/users/top?limit=100",
      "/v1/forums/3/topics",
      "/v1/nothing",
    ]) {
      const response = await worker(path);
      const text = `${[...response.headers].join("\n")}\n${await response.text()}`;
      expect(text, path).not.toContain(credentials.agentToken);
      expect(text, path).not.toContain('"status":"success"');
      expect(text, path).not.toMatch(/[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]{2,}/i);
    }
  });
});
