import { describe, it } from "vitest";
import { Problem, PurgeResult, Topic, TopicPage } from "@userecho-edge/shared";
import {
  countUpstreamCalls,
  credentials,
  siteToken,
  worker,
  workerWith,
} from "../support/index.ts";

const admin = { "X-Api-Key": credentials.adminKey, "Content-Type": "application/json" };

function purge(body: unknown, headers: Record<string, string> = admin): Promise<Response> {
  return worker("/v1/admin/purge", { method: "POST", headers, body: JSON.stringify(body) });
}

/** Warms `path`, checks the second read is a hit, and returns whether a read after `act` misses. */
async function missesAfter(path: string, act: () => Promise<unknown>): Promise<boolean> {
  await worker(path);
  const hit = await worker(path);
  if (!/; hit$/.test(hit.headers.get("Cache-Status") ?? "")) throw new Error(`${path} not cached`);
  await act();
  const after = await worker(path);
  return /fwd=miss/.test(after.headers.get("Cache-Status") ?? "");
}

describe("POST /v1/admin/purge", () => {
  it("refuses a request without a key with 401", async ({ expect }) => {
    const response = await purge({ all: true }, { "Content-Type": "application/json" });
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^ApiKey/);
    Problem.parse(await response.json());
  });

  it("refuses a partner key and a signed-in user with 403", async ({ expect }) => {
    const partner = await purge(
      { all: true },
      { "X-Api-Key": credentials.partnerKey, "Content-Type": "application/json" },
    );
    expect(partner.status).toBe(403);
    expect(Problem.parse(await partner.json()).type).toMatch(/forbidden$/);

    const user = await purge(
      { all: true },
      {
        Authorization: `Bearer ${await siteToken({ sub: "u-1" })}`,
        "Content-Type": "application/json",
      },
    );
    expect(user.status).toBe(403);
  });

  it("refuses an unknown key with 401, and does not purge", async ({ expect }) => {
    const path = "/v1/forums/1/topics?limit=7";
    const missed = await missesAfter(path, () =>
      purge(
        { all: true },
        { "X-Api-Key": "UE-ADMIN-KEY-wrong", "Content-Type": "application/json" },
      ),
    );
    expect(missed).toBe(false);
  });

  it("names the problem with a body that is not exactly one scope", async ({ expect }) => {
    for (const body of [{}, { forum: 1, topic: 2 }, { all: false }, { forum: "1" }, { forum: 0 }]) {
      const response = await purge(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Problem.parse(await response.json()).detail).toBeTruthy();
    }
  });

  it("purges a forum: its lists miss next time, and the answer says where it reached", async ({
    expect,
  }) => {
    let answer: PurgeResult | undefined;
    const missed = await missesAfter("/v1/forums/1/topics?limit=9", async () => {
      const response = await purge({ forum: 1 });
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      answer = PurgeResult.parse(await response.json());
    });
    expect(missed).toBe(true);
    // The test configuration binds CACHE_KV, so the purge reaches every location.
    expect(answer).toEqual({ scopes: ["forum:1", "meta:1"], reach: "global" });
  });

  it("purges a topic without touching other topics", async ({ expect }) => {
    const page = TopicPage.parse(await (await worker("/v1/forums/1/topics?limit=2")).json());
    const [first, second] = page.items;
    if (!first || !second) throw new Error("the emulator's forum 1 has fewer than two topics");
    const other = `/v1/topics/${second.id}`;
    await worker(other);
    const missed = await missesAfter(`/v1/topics/${first.id}`, () => purge({ topic: first.id }));
    expect(missed).toBe(true);
    expect((await worker(other)).headers.get("Cache-Status")).toMatch(/; hit$/);
    Topic.parse(await (await worker(`/v1/topics/${first.id}`)).json());
  });

  it("purges everything with all: true", async ({ expect }) => {
    expect(await missesAfter("/v1/users/top?limit=3", () => purge({ all: true }))).toBe(true);
    expect(await missesAfter("/v1/forums", () => purge({ all: true }))).toBe(true);
  });

  it("says 'location' when there is no global tier", async ({ expect }) => {
    const app = workerWith({});
    delete (app.env as Partial<Env>).CACHE_KV;
    const response = await app.fetch("/v1/admin/purge", {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ forum: 2 }),
    });
    expect(PurgeResult.parse(await response.json()).reach).toBe("location");
  });

  it("costs no upstream call", async ({ expect }) => {
    expect(await countUpstreamCalls(() => purge({ all: true }))).toBe(0);
  });
});
