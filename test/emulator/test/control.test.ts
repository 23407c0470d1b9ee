import { HTTPException } from "hono/http-exception";
import { describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import { RequestStats, type StatsSnapshot } from "../src/control.ts";
import { AGENT_TOKEN, UPSTREAM } from "./support.ts";

const NO_WRITES = { topics: 0, comments: 0, votes: 0, users: 0 };
const stats = async (app: ReturnType<typeof createApp>) =>
  (await (await app.request("http://emulator/__emulator/stats")).json()) as StatsSnapshot;

describe("control API", () => {
  it("counts API requests per method and path, including failed ones", async ({ expect }) => {
    const app = createApp();
    expect(await stats(app)).toEqual({ requests: 0, byPath: {}, writes: NO_WRITES });

    await app.request(`${UPSTREAM}/api/v2/forums.json?access_token=${AGENT_TOKEN}`);
    await app.request(`${UPSTREAM}/api/v2/forums.json?access_token=${AGENT_TOKEN}&page=2`);
    await app.request(`${UPSTREAM}/api/v2/forums/1/topics.json`);
    await app.request(`${UPSTREAM}/api/v2/forums.json`, { method: "POST" });

    expect(await stats(app)).toEqual({
      requests: 4,
      byPath: {
        "GET /api/v2/forums.json": 2,
        "GET /api/v2/forums/1/topics.json": 1,
        "POST /api/v2/forums.json": 1,
      },
      writes: NO_WRITES,
    });
  });

  it("does not count its own requests, and resets", async ({ expect }) => {
    const app = createApp();
    await app.request(`${UPSTREAM}/api/v2/users.json?access_token=${AGENT_TOKEN}`);
    await app.request("http://emulator/__emulator/unknown");
    expect((await stats(app)).requests).toBe(1);

    const reset = await app.request("http://emulator/__emulator/reset", { method: "POST" });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ requests: 0, byPath: {}, writes: NO_WRITES });
    expect(await stats(app)).toEqual({ requests: 0, byPath: {}, writes: NO_WRITES });
  });

  it("keeps counters per app, readable without HTTP", async ({ expect }) => {
    const shared = new RequestStats();
    const app = createApp({ stats: shared });
    await app.request(`${UPSTREAM}/api/v2/users/current.json?access_token=${AGENT_TOKEN}`);
    expect(shared.snapshot()).toEqual({
      requests: 1,
      byPath: { "GET /api/v2/users/current.json": 1 },
      writes: { topics: 0, comments: 0, votes: 0, users: 0 },
    });
    expect((await stats(createApp())).requests).toBe(0);
  });

  it("runs injected middleware after counting and before the API, never on control paths", async ({
    expect,
  }) => {
    const app = createApp({
      middleware: [
        async function failEverything() {
          throw new HTTPException(503, { message: "injected" });
        },
      ],
    });
    const response = await app.request(
      `${UPSTREAM}/api/v2/forums.json?access_token=${AGENT_TOKEN}`,
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", message: "injected" });
    expect(await stats(app)).toEqual({
      requests: 1,
      byPath: { "GET /api/v2/forums.json": 1 },
      writes: NO_WRITES,
    });
  });
});
