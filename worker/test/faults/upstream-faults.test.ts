import { afterEach, describe, it } from "vitest";
import { ProblemType } from "@userecho-edge/shared";
import {
  clearFaults,
  countUpstreamCalls,
  emulatorStats,
  setFaults,
  siteToken,
  workerWith,
  type FaultRule,
} from "../support/index.ts";

afterEach(clearFaults);

/**
 * Each test talks to "its own" upstream host (all hosts reach the emulator), so the per-isolate
 * 429 back-off of one test never holds back another.
 */
function app(vars: Partial<Env> = {}) {
  const host = `https://t${crypto.randomUUID().slice(0, 8)}.userecho.test/api/v2`;
  return workerWith({
    USERECHO_BASE_URL: host,
    UPSTREAM_TIMEOUT_MS: "400",
    // No trial of guessed sorts and filters: these tests count the calls of one list.
    TOPIC_SORTS: "new",
    TOPIC_FILTERS: "status",
    ...vars,
  });
}

/** Calls to the topic list the faults hit, while `action` ran (metadata calls aside). */
async function topicListCalls(action: () => Promise<unknown>): Promise<number> {
  const path = "GET /api/v2/forums/2/topics.json";
  const before = (await emulatorStats()).byPath[path] ?? 0;
  await action();
  return ((await emulatorStats()).byPath[path] ?? 0) - before;
}

// The attested sort: a guessed one could add a fallback call to what these tests count.
const topics = (limit: number) => `/v1/forums/2/topics?sort=new&limit=${limit}`;
const only = (fault: FaultRule["fault"], times?: number): FaultRule => ({
  match: { path: "/forums/2/topics" },
  fault,
  ...(times === undefined ? {} : { times }),
});

describe("the upstream client under faults", () => {
  it("answers an uncached key with a clean problem for every fault, within the budget", async ({
    expect,
  }) => {
    const cases: [FaultRule["fault"], number, string][] = [
      [{ kind: "status", status: 500 }, 502, ProblemType.upstreamError],
      [{ kind: "status", status: 502 }, 502, ProblemType.upstreamError],
      [{ kind: "status", status: 503 }, 503, ProblemType.upstreamUnavailable],
      [{ kind: "malformed" }, 502, ProblemType.upstreamError],
      [{ kind: "envelope-error" }, 502, ProblemType.upstreamError],
      [{ kind: "truncated" }, 502, ProblemType.upstreamError],
      [{ kind: "reset" }, 502, ProblemType.upstreamUnavailable],
      [{ kind: "hang" }, 504, ProblemType.upstreamTimeout],
      [{ kind: "latency", ms: 2_000 }, 504, ProblemType.upstreamTimeout],
    ];
    for (const [index, [fault, status, type]] of cases.entries()) {
      const worker = app();
      await worker.fetch("/v1/forums"); // the forum list stays healthy and cached
      await setFaults(only(fault));
      const started = Date.now();
      const response = await worker.fetch(topics(30 + index));
      const elapsed = Date.now() - started;
      expect(response.status, fault.kind).toBe(status);
      expect(response.headers.get("Content-Type"), fault.kind).toBe("application/problem+json");
      expect(await response.json(), fault.kind).toMatchObject({ type, status });
      // One attempt of 400 ms, or two fast ones with a pause: never an unbounded wait.
      expect(elapsed, fault.kind).toBeLessThan(1_500);
      await clearFaults();
    }
  });

  it("serves stale content for a cached key under every fault", async ({ expect }) => {
    for (const fault of [
      { kind: "status", status: 500 },
      { kind: "status", status: 503 },
      { kind: "malformed" },
      { kind: "envelope-error" },
      { kind: "truncated" },
      { kind: "reset" },
      { kind: "hang" },
    ] as FaultRule["fault"][]) {
      const worker = app({ CACHE_TTL: "topics=0", CACHE_SWR_SECONDS: "0" });
      const good = await worker.fetch(topics(40));
      expect(good.status).toBe(200);
      const body = await good.text();
      await setFaults(only(fault));
      const stale = await worker.fetch(topics(40));
      expect(stale.status, fault.kind).toBe(200);
      expect(await stale.text(), fault.kind).toBe(body);
      expect(stale.headers.get("Cache-Status"), fault.kind).toMatch(
        /fwd=stale; fwd-status=50[234];.*detail=upstream-error/,
      );
      await clearFaults();
    }
  });

  it("retries an idempotent read once after a passing failure", async ({ expect }) => {
    const worker = app();
    await worker.fetch("/v1/forums");
    await setFaults(only({ kind: "status", status: 502 }, 1));
    const calls = await topicListCalls(async () => {
      const response = await worker.fetch(topics(50));
      expect(response.status).toBe(200);
    });
    expect(calls).toBe(2);
  });

  it("retries a reset connection exactly once, then answers 502", async ({ expect }) => {
    const worker = app();
    await worker.fetch("/v1/forums");
    await setFaults(only({ kind: "reset" }));
    const calls = await topicListCalls(async () => {
      expect((await worker.fetch(topics(56))).status).toBe(502);
    });
    expect(calls).toBe(2);
  });

  it("does not retry a timeout: the budget is spent", async ({ expect }) => {
    const worker = app();
    await worker.fetch("/v1/forums");
    await setFaults(only({ kind: "hang" }));
    const calls = await topicListCalls(async () => {
      expect((await worker.fetch(topics(51))).status).toBe(504);
    });
    expect(calls).toBe(1);
  });

  it("honours an upstream 429 instead of hammering it", async ({ expect }) => {
    const worker = app();
    await worker.fetch("/v1/forums");
    await setFaults(only({ kind: "status", status: 429, retryAfter: 20 }));
    const first = await worker.fetch(topics(52));
    expect(first.status).toBe(503);
    expect(Number(first.headers.get("Retry-After"))).toBeGreaterThan(0);
    const calls = await countUpstreamCalls(async () => {
      for (const limit of [53, 54, 55]) {
        const response = await worker.fetch(topics(limit));
        expect(response.status).toBe(503);
        expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
      }
    });
    expect(calls).toBe(0);
  });

  it("never retries a write", async ({ expect }) => {
    const worker = app();
    await setFaults({
      match: { path: "/comments", method: "POST" },
      fault: { kind: "status", status: 502 },
    });
    const token = await siteToken({ sub: `retry-${crypto.randomUUID()}` });
    const path = "POST /api/v2/topics/1004/comments.json";
    const before = (await emulatorStats()).byPath[path] ?? 0;
    const response = await worker.fetch("/v1/topics/1004/comments", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        Origin: "https://site.example",
      },
      body: JSON.stringify({ text: "once" }),
    });
    expect(response.status).toBe(502);
    expect(((await emulatorStats()).byPath[path] ?? 0) - before).toBe(1);
  });
});
