/**
 * Every upstream fault, against a key the edge has cached and one it has not, through the real
 * stack (wrangler dev + emulator). The outcome table is written to docs/RELIABILITY.md.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Fault } from "@userecho-edge/emulator/faults";
import { ROOT, startStack, type Stack } from "../stack.ts";

const TIMEOUT_MS = 1_500;
/** One attempt, a jittered pause and a second fast attempt, plus local overhead. */
const BUDGET_MS = TIMEOUT_MS + 1_000;

const FAULTS: [string, Fault][] = [
  ["latency 300 ms (within budget)", { kind: "latency", ms: 300 }],
  ["latency 5 s (beyond budget)", { kind: "latency", ms: 5_000 }],
  ["HTTP 500", { kind: "status", status: 500 }],
  ["HTTP 502", { kind: "status", status: 502 }],
  ["HTTP 503", { kind: "status", status: 503 }],
  ["HTTP 504", { kind: "status", status: 504 }],
  ["malformed body", { kind: "malformed" }],
  ["error envelope (HTTP 200)", { kind: "envelope-error" }],
  ["truncated body", { kind: "truncated" }],
  ["connection reset", { kind: "reset" }],
  ["response that never ends", { kind: "hang" }],
  // Last: it makes the worker hold back from UserEcho for Retry-After seconds.
  ["HTTP 429 with Retry-After: 30", { kind: "status", status: 429, retryAfter: 30 }],
];

interface Outcome {
  fault: string;
  key: "cached" | "uncached";
  status: number;
  cacheStatus: string;
  problemType: string;
  ms: number;
  upstreamCalls: number;
  /** The start of the body, so an unexpected answer explains itself in the failure message. */
  body: string;
}

let stack: Stack;
const outcomes: Outcome[] = [];

beforeAll(async () => {
  stack = await startStack({
    persistTo: mkdtempSync(join(tmpdir(), "userecho-edge-faults-")),
    vars: {
      UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
      CACHE_TTL: "topics=1",
      CACHE_SWR_SECONDS: "0",
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  if (outcomes.length === FAULTS.length * 2) writeReport(outcomes);
});

async function control(path: string, init?: RequestInit): Promise<unknown> {
  return (await fetch(`${stack.emulatorUrl}/__emulator/${path}`, init)).json();
}

async function upstreamRequests(): Promise<number> {
  return ((await control("stats")) as { requests: number }).requests;
}

async function probe(fault: string, key: Outcome["key"], path: string): Promise<Outcome> {
  const before = await upstreamRequests();
  const started = performance.now();
  const response = await fetch(`${stack.workerUrl}${path}`);
  const text = await response.text();
  const ms = Math.round(performance.now() - started);
  const problemType =
    response.status >= 400
      ? ((JSON.parse(text) as { type: string }).type.split("/").pop() ?? "")
      : "";
  return {
    fault,
    key,
    status: response.status,
    cacheStatus: response.headers.get("Cache-Status") ?? "",
    problemType,
    ms,
    upstreamCalls: (await upstreamRequests()) - before,
    body: text.slice(0, 300),
  };
}

describe("the fault matrix", () => {
  it("keeps the board up: stale when cached, a clean 502/503/504 when not", async ({ expect }) => {
    // `new`, the order UserEcho documents, so each page is one upstream list read. (The default
    // `top` is computed from the forum's index, a cache entry of its own with its own TTL.)
    const cachedPath = (i: number) => `/v1/forums/1/topics?sort=new&limit=${60 + i}`;
    const uncachedPath = (i: number) => `/v1/forums/2/topics?sort=new&limit=${60 + i}`;
    await fetch(`${stack.workerUrl}/v1/forums`);
    for (let i = 0; i < FAULTS.length; i++) {
      expect((await fetch(`${stack.workerUrl}${cachedPath(i)}`)).status).toBe(200);
    }
    // Past the 1 s fresh TTL (and no revalidate window): each read now goes upstream first.
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    for (const [i, [name, fault]] of FAULTS.entries()) {
      await control("faults", {
        method: "POST",
        body: JSON.stringify({ match: { path: "/topics.json" }, fault }),
      });
      const cached = await probe(name, "cached", cachedPath(i));
      const uncached = await probe(name, "uncached", uncachedPath(i));
      outcomes.push(cached, uncached);
      await control("faults", { method: "DELETE" });

      for (const outcome of [cached, uncached]) {
        expect(outcome.status, `${name} ${outcome.key}: ${outcome.body}`).not.toBe(500);
        expect(outcome.ms, `${name} ${outcome.key}`).toBeLessThan(BUDGET_MS);
      }
      if (fault.kind === "latency" && fault.ms < TIMEOUT_MS) {
        expect(cached.status).toBe(200);
        expect(uncached.status).toBe(200);
        continue;
      }
      expect(cached.status, name).toBe(200);
      expect(cached.cacheStatus, name).toMatch(/fwd=stale; fwd-status=50[234]/);
      expect([502, 503, 504], name).toContain(uncached.status);
      if (fault.kind === "status" && fault.status === 429) {
        // Honoured, not hammered: the uncached read during the back-off never went upstream.
        expect(uncached.upstreamCalls, name).toBe(0);
        expect(uncached.status).toBe(503);
      }
    }
  });
});

const START = "<!-- fault-matrix:start -->";
const END = "<!-- fault-matrix:end -->";

/**
 * Rewrites the fault-matrix section of docs/RELIABILITY.md, between its markers; the rest of the
 * page is written by hand.
 */
function writeReport(rows: Outcome[]): void {
  const table = rows
    .map(
      (o) =>
        `| ${o.fault} | ${o.key} | ${o.status}${o.problemType ? ` \`${o.problemType}\`` : ""} | \`${o.cacheStatus}\` | ${o.upstreamCalls} | ${o.ms} ms |`,
    )
    .join("\n");
  const section = `${START}
## The fault matrix

Written by \`test/faults/fault-matrix.test.ts\` (part of \`pnpm test\`) on ${new Date().toISOString()}.
The worker runs under \`wrangler dev\` with \`UPSTREAM_TIMEOUT_MS=${TIMEOUT_MS}\`, a 1 s fresh TTL
and no revalidate window, so every read of a cached key goes to UserEcho (the emulator) first and
meets the injected fault. "Cached" keys were stored before the fault; "uncached" ones never were.

Expected, and asserted by the test: never a 500; every answer within ${BUDGET_MS} ms; a cached
key is served stale with \`Cache-Status: …fwd=stale; fwd-status=…\`; an uncached key gets a
clean problem (502 \`upstream-error\`/\`upstream-unavailable\`, 503, or 504 \`upstream-timeout\`);
after an upstream 429, nothing is sent upstream until its Retry-After has passed.

| fault | key | status | Cache-Status | upstream calls | time |
| --- | --- | --- | --- | ---: | ---: |
${table}

Upstream calls count the requests the emulator received for that read (a miss of a cached key
also re-checks nothing else: the forum list stays cached). The worker retries a read once after a
fast transient failure (500, 502, 503 without a long Retry-After, reset), never after a timeout,
and sends nothing during a 429 back-off. For a connection reset the count is higher than two
because \`wrangler dev\`'s local proxy in front of the emulator retries a dropped connection by
itself; in workerd alone (\`worker/src/faults/upstream-faults.test.ts\`) the worker's own calls
are counted, and they stay at two.
${END}`;
  const file = join(ROOT, "docs/RELIABILITY.md");
  const page = readFileSync(file, "utf8");
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  const updated =
    start === -1 || end === -1
      ? `${page.trimEnd()}\n\n${section}\n`
      : `${page.slice(0, start)}${section}${page.slice(end + END.length)}`;
  writeFileSync(file, updated);
}
