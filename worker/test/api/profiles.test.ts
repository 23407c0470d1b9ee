/**
 * The main flows against every emulator profile: what UserEcho documents (errors as HTTP-200
 * envelopes, unattested parameters refused, or ignored), and the richer guesses. Whatever
 * UserEcho turns out to do among these, the board works.
 */
import { afterEach, describe, it } from "vitest";
import {
  Comment,
  ForumList,
  ForumMeta,
  ProblemType,
  SsoLink,
  TopicDetail,
  TopicPage,
  TopUserPage,
  CommentPage,
  VoteResult,
} from "@userecho-edge/shared";
import {
  PROFILES,
  clearFaults,
  credentials,
  emulator,
  profileBaseUrl,
  setFaults,
  siteToken,
  workerWith,
} from "../support/index.ts";

afterEach(clearFaults);

describe.each(PROFILES)("against the %s profile", (profile) => {
  // Only the extended emulator implements the inferred vote endpoint.
  const voting = profile === "extended" ? "inline" : "community";
  const app = () => workerWith({ USERECHO_BASE_URL: profileBaseUrl(profile), VOTING: voting });
  const write = async (path: string, body: unknown, sub = `p-${crypto.randomUUID()}`) =>
    app().fetch(path, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await siteToken({ sub, name: "Profile Tester" })}`,
        "Content-Type": "application/json",
        Origin: "https://site.example",
      },
      body: JSON.stringify(body),
    });

  it("reads forums, meta, a page, a search, a topic, its comments and the leaderboard", async ({
    expect,
  }) => {
    const worker = app();
    const forums = ForumList.parse(await (await worker.fetch("/v1/forums")).json());
    expect(forums.items.map((forum) => forum.id)).toEqual([1, 2, 5]);

    const meta = ForumMeta.parse(await (await worker.fetch("/v1/forums/1/meta")).json());
    expect(meta.types.length).toBeGreaterThan(0);
    expect(meta.sorts).toContain("new");
    expect(meta.communityUrl).toMatch(/^https:\/\//);

    const page = TopicPage.parse(await (await worker.fetch("/v1/forums/1/topics")).json());
    expect(page.items).toHaveLength(20);
    expect(page.page.total).toBe(180);
    // Topics in the older format are named through meta like the others.
    expect(page.items.every((topic) => topic.type !== null && topic.type.name !== "")).toBe(true);

    const search = TopicPage.parse(
      await (await worker.fetch("/v1/forums/1/topics?q=dark%20mode")).json(),
    );
    expect(search.items.length).toBeGreaterThan(0);

    const id = page.items[0]!.id;
    const topic = TopicDetail.parse(await (await worker.fetch(`/v1/topics/${id}`)).json());
    expect(topic).toMatchObject({ id, forumId: 1, title: page.items[0]!.title });

    const comments = await worker.fetch("/v1/topics/1059/comments?limit=5");
    expect(comments.status).toBe(200);
    expect(CommentPage.parse(await comments.json()).items).toHaveLength(5);

    const leaders = TopUserPage.parse(await (await worker.fetch("/v1/users/top?limit=5")).json());
    const ratings = leaders.items.map((user) => user.rating);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
  });

  it("answers a private forum's topic with the same 404 as a missing one", async ({ expect }) => {
    // UserEcho hands the topic out by id to the agent token: the worker must not.
    const hidden = await emulator<{ id: number }[]>("forums/3/topics", { limit: "1" }, profile);
    const id = hidden.data[0]!.id;
    expect((await emulator(`topics/${id}`, {}, profile)).status).toBe("success");
    const worker = app();
    const bodies = [];
    for (const path of [`/v1/topics/${id}`, `/v1/topics/${id}/comments`, "/v1/topics/99999999"]) {
      const response = await worker.fetch(path);
      expect(response.status, path).toBe(404);
      const problem = (await response.json()) as Record<string, unknown>;
      delete problem["requestId"]; // differs per request by design
      bodies.push(problem);
    }
    expect(bodies[0]).toMatchObject({ type: ProblemType.notFound });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it("serves a page with one malformed item without it", async ({ expect }) => {
    const worker = app();
    await setFaults({
      match: { path: "/forums/2/topics.json" },
      fault: { kind: "corrupt-item", index: 3 },
    });
    const response = await worker.fetch("/v1/forums/2/topics?sort=new&limit=10");
    expect(response.status).toBe(200);
    expect(TopicPage.parse(await response.json()).items).toHaveLength(9);
  });

  it("creates a topic and a comment, links to the community, and votes where it can", async ({
    expect,
  }) => {
    const title = `Profile ${profile} ${crypto.randomUUID().slice(0, 8)}`;
    const created = await write("/v1/forums/2/topics", { title, description: "Hi", type: 5 });
    expect(created.status).toBe(201);
    const topic = TopicDetail.parse(await created.json());
    expect(topic).toMatchObject({ title, forumId: 2, descriptionHtml: "<p>Hi</p>" });
    const list = TopicPage.parse(
      await (await app().fetch("/v1/forums/2/topics?sort=new&limit=5")).json(),
    );
    expect(list.items[0]?.id).toBe(topic.id);

    const comment = await write(`/v1/topics/${topic.id}/comments`, { text: "First!" });
    expect(comment.status).toBe(201);
    expect(Comment.parse(await comment.json())).toMatchObject({ html: "<p>First!</p>" });

    const link = await write("/v1/sso/link", {});
    expect(link.status).toBe(200);
    expect(SsoLink.parse(await link.json()).url).toContain("sso_token=");

    const vote = await write(`/v1/topics/${topic.id}/votes`, { value: 1 });
    if (voting === "inline") {
      expect(vote.status).toBe(200);
      expect(VoteResult.parse(await vote.json())).toMatchObject({ myVote: 1, votes: { up: 1 } });
    } else {
      expect(vote.status).toBe(409);
      expect(await vote.json()).toMatchObject({ type: ProblemType.votingHandoff });
    }
  });

  it("names the token when UserEcho refuses it, whatever its error looks like", async ({
    expect,
  }) => {
    const worker = workerWith({
      // Another host (the same emulator): nothing of it is cached yet.
      USERECHO_BASE_URL: profileBaseUrl(profile).replace("//demo.", "//revoked."),
      USERECHO_API_TOKEN: `${credentials.agentToken}-revoked`,
    });
    const response = await worker.fetch("/v1/forums");
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      type: ProblemType.misconfigured,
      variable: "USERECHO_API_TOKEN",
    });
  });
});
