// Through the real worker entry in workerd, as the main worker's tests will call it.
import { exports } from "cloudflare:workers";
import { describe, it } from "vitest";
import { AGENT_TOKEN, UPSTREAM } from "./test-support.ts";

describe("worker entry", () => {
  it("answers the worker's upstream URLs", async ({ expect }) => {
    const response = await exports.default.fetch(
      `${UPSTREAM}/api/v2/forums.json?access_token=${AGENT_TOKEN}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ status: "success", details: { count: 5 } });
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
    });
  });
});
