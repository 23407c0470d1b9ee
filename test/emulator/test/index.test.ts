// Through the real worker entry in workerd, as the main worker's tests will call it.
import { exports } from "cloudflare:workers";
import { describe, it } from "vitest";
import { AGENT_TOKEN, ANONYMOUS_TOKEN, UPSTREAM, ssoToken } from "./support.ts";

describe("worker entry", () => {
  it("answers the worker's upstream URLs, as documented by default (wrangler.toml)", async ({
    expect,
  }) => {
    const response = await exports.default.fetch(
      `${UPSTREAM}/api/v2/forums.json?access_token=${AGENT_TOKEN}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as { status: string; data: unknown[] };
    expect(body).toMatchObject({ status: "success" });
    expect(body.data).toHaveLength(6); // the seed's forums, private knowledge base included
    expect(body).not.toHaveProperty("details"); // attested only on topic and user lists
  });

  it("serves another profile under /profile/<name>/", async ({ expect }) => {
    const response = await exports.default.fetch(
      `${UPSTREAM}/profile/extended/api/v2/forums.json?access_token=${AGENT_TOKEN}`,
    );
    expect(await response.json()).toMatchObject({ status: "success", details: { count: 6 } });
  });

  it("exposes the control API", async ({ expect }) => {
    await exports.default.fetch("https://any.host.example/__emulator/reset", { method: "POST" });
    await exports.default.fetch(
      `${UPSTREAM}/api/v2/users/current.json?access_token=${AGENT_TOKEN}`,
    );
    const stats = await exports.default.fetch("https://any.host.example/__emulator/stats");
    expect(await stats.json()).toEqual({
      requests: 1,
      byPath: { "GET /api/v2/users/current.json": 1 },
      writes: { topics: 0, comments: 0, votes: 0, users: 0 },
    });
  });

  it("writes as an SSO user, and reset restores the seed", async ({ expect }) => {
    const control = "https://any.host.example/__emulator";
    await exports.default.fetch(`${control}/reset`, { method: "POST" });
    const sso = await ssoToken({ guid: "entry-1", display_name: "Entry" });
    const created = await exports.default.fetch(
      `${UPSTREAM}/api/v2/forums/1/topics.json?access_token=${ANONYMOUS_TOKEN}&sso_token=${sso}`,
      { method: "POST", body: JSON.stringify({ header: "Through the entry", type: 1 }) },
    );
    expect(created.status).toBe(200);
    const { data: topic } = (await created.json()) as { data: { id: number } };
    const stats = await (await exports.default.fetch(`${control}/stats`)).json();
    expect(stats).toMatchObject({ writes: { topics: 1, users: 1 } });

    await exports.default.fetch(`${control}/reset`, { method: "POST" });
    const gone = await exports.default.fetch(
      `${UPSTREAM}/api/v2/topics/${topic.id}.json?access_token=${AGENT_TOKEN}`,
    );
    // The documented profile: an error is an HTTP 200 envelope.
    expect(gone.status).toBe(200);
    expect(await gone.json()).toMatchObject({ status: "error" });
  });
});
