import { afterAll, beforeAll, describe, it } from "vitest";
import { startHarness, type Harness } from "../bench/workerd-harness.ts";

// The bundle `wrangler deploy` would upload, run in workerd with the emulator as its upstream
// (the harness the benchmarks use): it answers, caches, and its rate limits hold.
describe("the production bundle in workerd", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ peer: true, rateLimiter: "in-isolate", rateLimit: 3 });
  }, 180_000);
  afterAll(async () => {
    await harness?.dispose();
  });

  const get = async (url: string, ip: string) => {
    const response = await fetch(url, { headers: { "CF-Connecting-IP": ip } });
    return {
      status: response.status,
      cache: response.headers.get("Cache-Status"),
      body: await response.text(),
    };
  };

  it("serves a page from upstream once, then from its cache", async ({ expect }) => {
    // The attested sort: a guessed one would first have forum meta try it upstream.
    const url = `${harness.workerUrl}/v1/forums/1/topics?sort=new&limit=20`;
    const first = await get(url, "10.0.0.1");
    const second = await get(url, "10.0.0.1");
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.cache).toMatch(/fwd=miss; stored/);
    expect(second.cache).toMatch(/; hit/);
    expect(JSON.parse(second.body).items).toHaveLength(20);
    const stats = (await (await fetch(`${harness.emulatorUrl}/__emulator/stats`)).json()) as {
      byPath: Record<string, number>;
    };
    expect(stats.byPath["GET /profile/documented/api/v2/forums/1/topics.json"]).toBe(1);
  });

  it("answers rate limits per client IP with the configured limit", async ({ expect }) => {
    const url = `${harness.workerUrl}/v1/health`;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(url, "10.0.0.2")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await get(url, "10.0.0.3")).status).toBe(200);
  });

  it("runs the pass-through peer against the same emulator", async ({ expect }) => {
    const response = await fetch(`${harness.peerUrl}/forums/1/topics?limit=20`);
    const body = (await response.json()) as { status: string; data: unknown[] };
    expect(response.status).toBe(200);
    expect(body.status).toBe("success");
    expect(body.data).toHaveLength(20);
  });
});
