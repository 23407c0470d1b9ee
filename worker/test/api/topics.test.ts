import { describe, it } from "vitest";
import { PROBLEM_CONTENT_TYPE, ProblemType, TopicPage } from "@userecho-edge/shared";
import { credentials, emulator, worker } from "../support/index.ts";

describe("GET /v1/forums/:forumId/topics", () => {
  it("serves the first page as our DTOs, matching the upstream data", async ({ expect }) => {
    const response = await worker("/v1/forums/1/topics");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = TopicPage.parse(await response.json());
    expect(body.page).toMatchObject({ number: 1, size: 20 });
    expect(body.items).toHaveLength(20);

    // UserEcho documents no vote order: the default sort, top, is computed from the forum's
    // topics, in the order the richer emulator (which sorts by votes) gives.
    expect(body.applied).toEqual({ sort: "top", computed: ["sort"] });
    const upstream = await emulator<{ id: number; header: string; vote: { diff: number } }[]>(
      "forums/1/topics",
      { limit: "20", order_by: "-vote__diff" },
      "extended",
    );
    expect(body.page.total).toBe(upstream.details?.count);
    expect(body.items.map((t) => t.votes.score)).toEqual(upstream.data.map((t) => t.vote.diff));

    const newest = TopicPage.parse(await (await worker("/v1/forums/1/topics?sort=new")).json());
    expect(newest.applied).toEqual({ sort: "new" });
    const created = await emulator<{ id: number; header: string }[]>("forums/1/topics", {
      limit: "20",
      order_by: "-created",
    });
    expect(newest.items.map((t) => t.id)).toEqual(created.data.map((t) => t.id));
    expect(newest.items[0]?.title).toBe(created.data[0]?.header);
  });

  it("never sends the token, the upstream envelope or e-mails", async ({ expect }) => {
    const text = await (await worker("/v1/forums/1/topics?limit=100")).text();
    expect(text).not.toContain(credentials.agentToken);
    expect(text).not.toContain('"status":"success"');
    expect(text).not.toContain('"email":');
    expect(text).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i);
  });

  it("rejects a bad parameter with a problem naming it", async ({ expect }) => {
    const response = await worker("/v1/forums/1/topics?limit=1000");
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toBe(PROBLEM_CONTENT_TYPE);
    expect(await response.json()).toMatchObject({
      type: ProblemType.invalidParameter,
      status: 400,
      parameter: "limit",
    });
  });

  it("answers an unknown forum with 404", async ({ expect }) => {
    const response = await worker("/v1/forums/424242/topics");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: ProblemType.notFound });
  });

  it("answers an unknown route with a 404 problem", async ({ expect }) => {
    const response = await worker("/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe(PROBLEM_CONTENT_TYPE);
  });
});
