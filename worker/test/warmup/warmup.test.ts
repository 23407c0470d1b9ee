import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, it, vi } from "vitest";
import worker from "../../src/index.ts";
import { Popularity } from "../../src/warmup/popularity.ts";
import { countUpstreamCalls, emulatorStats, workerWith } from "../support/index.ts";

/** Runs the Cron Trigger's handler, as Cloudflare would, to completion. */
async function runCron(vars: Partial<Env>): Promise<void> {
  const app = workerWith(vars);
  const ctx = createExecutionContext();
  await worker.scheduled!(
    createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }),
    app.env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

const cacheStatus = (response: Response) => response.headers.get("Cache-Status") ?? "";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the warm-up (Cron Trigger)", () => {
  // First in the file: the popularity it looks at is the isolate's, which later tests fill.
  it("counts only answers served with 200: a scan of missing ids is not popular", async ({
    expect,
  }) => {
    const vars = { WARMUP_MAX_CALLS: "50" };
    const app = workerWith(vars);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 4; i++) {
        expect((await app.fetch(`/v1/topics/${990_000 + i}`)).status).toBe(404);
      }
    }
    // Were the 404s counted, the cron would have them as candidates to read again.
    const logs: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => {
      logs.push(String(line));
    });
    try {
      await runCron(vars);
    } finally {
      spy.mockRestore();
    }
    const report = logs
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { message?: string; candidates?: number })
      .find((line) => line.message === "warmup");
    expect(report).toMatchObject({ candidates: 0 });
  });

  it("refreshes the most requested pages first, and stops at WARMUP_MAX_CALLS", async ({
    expect,
  }) => {
    // Three-second TTLs: every entry is stale by the time the cron runs.
    const vars = { CACHE_TTL: "topics=3", WARMUP_MAX_CALLS: "2" };
    const app = workerWith(vars);
    // Pages UserEcho builds (`new`): a refresh of one is one call to UserEcho.
    const page = (n: number) => `/v1/forums/1/topics?limit=5&page=${n}&sort=new`;
    for (const [n, visits] of [
      [1, 40],
      [2, 30],
      [3, 20],
    ] as const) {
      for (let i = 0; i < visits; i++) await app.fetch(page(n));
    }
    await sleep(3_100);
    expect(cacheStatus(await app.fetch(page(3)))).toMatch(/fwd=stale/);
    await sleep(3_100);

    const calls = await countUpstreamCalls(() => runCron(vars));
    expect(calls).toBe(2);
    // Within three seconds of the run, the two most requested pages are fresh hits…
    expect(cacheStatus(await app.fetch(page(1)))).toMatch(/; hit$/);
    expect(cacheStatus(await app.fetch(page(2)))).toMatch(/; hit$/);
    // …and the third, beyond the cap, is as stale as before.
    expect(cacheStatus(await app.fetch(page(3)))).toMatch(/fwd=stale/);
  }, 30_000);

  it("leaves alone what stays fresh until the next run", async ({ expect }) => {
    const app = workerWith({});
    const path = "/v1/users/top?limit=4";
    for (let i = 0; i < 50; i++) await app.fetch(path);
    const before = (await emulatorStats()).byPath["GET /api/v2/users.json"] ?? 0;
    // The leaderboard keeps five minutes of fresh life; the cron looks one minute ahead.
    await runCron({ WARMUP_MAX_CALLS: "50" });
    const after = (await emulatorStats()).byPath["GET /api/v2/users.json"] ?? 0;
    expect(after - before).toBe(0);
  });

  it("adds up what other isolates published in KV, and ignores what is not a /v1 path", async ({
    expect,
  }) => {
    const app = workerWith({});
    const path = "/v1/forums/2/topics?limit=11";
    await app.env.CACHE_KV!.put(
      "warmup:popular:another-isolate",
      JSON.stringify([
        { path, hits: 10_000 },
        { path: "https://elsewhere.example/v1/forums", hits: 20_000 },
        { path: "/v1/forums/2/topics?limit=12", hits: "many" },
      ]),
    );
    await runCron({ WARMUP_MAX_CALLS: "20" });
    // Never asked in this isolate, yet cached: the cron fetched it.
    expect(cacheStatus(await app.fetch(path))).toMatch(/; hit$/);
  });

  it("makes no upstream call with WARMUP_MAX_CALLS=0", async ({ expect }) => {
    const vars = { CACHE_TTL: "topics=1", WARMUP_MAX_CALLS: "0" };
    const app = workerWith(vars);
    for (let i = 0; i < 10; i++) await app.fetch("/v1/forums/2/topics?limit=3");
    await sleep(1_100);
    expect(await countUpstreamCalls(() => runCron(vars))).toBe(0);
  });
});

describe("Popularity", () => {
  it("stays within its capacity and keeps a heavy hitter through a flood of one-off paths", ({
    expect,
  }) => {
    const table = new Popularity(64);
    for (let i = 0; i < 10_000; i++) {
      if (i % 10 === 0) table.record("/v1/forums/1/topics");
      table.record(`/v1/topics/${i}`);
    }
    expect(table.size).toBe(64);
    expect(table.top(1)[0]?.path).toBe("/v1/forums/1/topics");
  });

  it("ages counts so that old popularity gives way", ({ expect }) => {
    const table = new Popularity(8);
    for (let i = 0; i < 8; i++) table.record("/v1/old");
    table.age();
    table.age();
    for (let i = 0; i < 3; i++) table.record("/v1/new");
    expect(table.top(2).map((row) => row.path)).toEqual(["/v1/new", "/v1/old"]);
    table.age();
    table.age();
    expect(table.size).toBe(0);
  });
});
