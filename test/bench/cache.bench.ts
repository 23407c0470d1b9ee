import type { Stack } from "../stack.ts";
import { runLoad, visitor } from "./load.ts";

export interface CacheBenchResults {
  coalescing: { concurrent: number; upstreamCalls: number; statuses: Record<string, number> };
  mixed: {
    durationS: number;
    pages: number;
    requests: number;
    errors: number;
    upstreamTopicCalls: number;
    upstreamSearchCalls: number;
    searches: number;
    freshTtlS: number;
    bound: number;
    hitRatio: number;
    p50: number;
    p99: number;
  };
}

interface EmulatorStats {
  requests: number;
  byPath: Record<string, number>;
}

async function stats(stack: Stack): Promise<EmulatorStats> {
  return (await fetch(`${stack.emulatorUrl}/__emulator/stats`)).json() as Promise<EmulatorStats>;
}

/** Upstream calls for topic lists (`forums/N/topics.json`), or for searches. */
const callsTo = (pattern: RegExp) => (s: EmulatorStats) =>
  Object.entries(s.byPath)
    .filter(([path]) => pattern.test(path))
    .reduce((sum, [, n]) => sum + n, 0);
const topicCalls = callsTo(/\/forums\/\d+\/topics\.json$/);
const searchCalls = callsTo(/\/forums\/\d+\/topics\/search\.json$/);

/**
 * (b) coalescing and (c) realistic mixed load, through `wrangler dev`: they count upstream calls
 * and cache outcomes, which the dev server does not change. The cost of a hit, (a), is measured
 * where the worker is the bottleneck: workerd.bench.ts.
 */
export async function cacheBenchmarks(
  stack: Stack,
  log: (line: string) => void,
  mixedDurationS = 60,
): Promise<CacheBenchResults> {
  const base = stack.workerUrl;

  // Before counting: the visible forums, and each forum's meta, whose first production tries the
  // sorts and filters UserEcho is only guessed to honour (a handful of calls, once per isolate
  // and hour; README "Configuration reference", TOPIC_SORTS). Otherwise (b) and (c) would count
  // that one-time discovery as if it were the cache failing to coalesce.
  for (const path of [
    "/v1/forums",
    "/v1/forums/1/meta",
    "/v1/forums/2/meta",
    "/v1/forums/5/meta",
  ]) {
    await (await fetch(`${base}${path}`, visitor(0))).arrayBuffer();
  }
  await (await fetch(`${base}/v1/forums/2/topics?limit=32&sort=new`, visitor(0))).arrayBuffer();

  // (b) 100 concurrent identical cold requests. `new`, the order UserEcho documents, so that
  // the page is one upstream read to coalesce: a computed sort's page is made from the forum's
  // index, which may already be cached (board/forum-index.ts).
  const coldUrl = `${base}/v1/forums/2/topics?limit=33&sort=new`;
  const before = topicCalls(await stats(stack));
  const cold = await runLoad({ url: coldUrl, connections: 100, requests: 100, init: visitor });
  const coalescing = {
    concurrent: 100,
    upstreamCalls: topicCalls(await stats(stack)) - before,
    statuses: cold.statuses,
  };
  log(`(b) 100 concurrent cold requests -> ${coalescing.upstreamCalls} upstream call(s)`);

  // (c) Realistic mixed load over ~20 distinct pages.
  const pages = [
    ...[1, 2, 3, 4, 5].map((page) => `/v1/forums/1/topics?page=${page}`),
    ...["new", "updated", "discussed"].map((sort) => `/v1/forums/1/topics?sort=${sort}`),
    ...[1, 2].map((page) => `/v1/forums/2/topics?page=${page}`),
    "/v1/forums/2/topics?sort=new",
    "/v1/forums/1/topics?q=export",
    "/v1/forums/1/topics?q=dark%20mode",
    "/v1/forums/1/topics?type=2",
    "/v1/forums/1/topics?status=18",
    "/v1/forums/1/topics?category=1",
    "/v1/forums/1/topics?tag=1",
    "/v1/forums/2/topics?type=6",
    "/v1/forums/1/topics?limit=50",
    "/v1/forums/5/topics",
  ];
  const freshTtlS = 60;
  const beforeMixed = topicCalls(await stats(stack));
  const beforeSearches = searchCalls(await stats(stack));
  // Zipf-like popularity: the first pages are much hotter than the tail.
  const weights = pages.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (index: number) => {
    let r = (((index * 2654435761) >>> 0) / 2 ** 32) * total;
    for (let i = 0; i < pages.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return `${base}${pages[i]}`;
    }
    return `${base}${pages[0]}`;
  };
  const mixedLoad = await runLoad({
    url: pick,
    connections: 16,
    durationMs: mixedDurationS * 1000,
    init: visitor,
  });
  const upstreamTopicCalls = topicCalls(await stats(stack)) - beforeMixed;
  const upstreamSearchCalls = searchCalls(await stats(stack)) - beforeSearches;
  // A key can be fetched once per fresh-TTL window it lives in: floor(D / ttl) + 1 windows.
  // Searches are never shared (a hit would tell who searched what): each asks UserEcho, and
  // they are counted apart.
  const windows = Math.floor(mixedDurationS / freshTtlS) + 1;
  const sharedPages = pages.filter((page) => !page.includes("q="));
  const hits = (mixedLoad.cache["hit"] ?? 0) + (mixedLoad.cache["stale"] ?? 0);
  const bypassed = mixedLoad.cache["bypass"] ?? 0;
  const mixed = {
    durationS: mixedDurationS,
    pages: pages.length,
    requests: mixedLoad.requests,
    errors: mixedLoad.errors,
    upstreamTopicCalls,
    upstreamSearchCalls,
    searches: bypassed,
    freshTtlS,
    bound: sharedPages.length * windows,
    hitRatio: hits / (mixedLoad.requests - bypassed),
    p50: mixedLoad.p50,
    p99: mixedLoad.p99,
  };
  log(
    `(c) ${mixed.requests} requests over ${mixed.pages} pages in ${mixedDurationS} s: ` +
      `${upstreamTopicCalls} upstream topic-list calls (bound ${mixed.bound}), hit ratio ${(mixed.hitRatio * 100).toFixed(2)} %, errors ${mixed.errors}`,
  );
  return { coalescing, mixed };
}

export function cacheMarkdown(r: CacheBenchResults): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  return `## Edge cache through \`wrangler dev\` (issue: public read API)

The cost of a cache hit, (a), is in "The worker in workerd" above. These two count upstream calls
and cache outcomes, end to end through \`wrangler dev\` (worker and emulator); their latencies are
the dev server's, not the worker's.

### (b) Coalescing

${r.coalescing.concurrent} concurrent identical requests for a cold key: **${r.coalescing.upstreamCalls}** upstream call(s) (target 1: ${verdict(r.coalescing.upstreamCalls === 1)}). Statuses: ${JSON.stringify(r.coalescing.statuses)}.

### (c) Realistic mixed load

${r.mixed.durationS} s, 16 connections, ${r.mixed.pages} distinct pages with Zipf-like popularity: ${r.mixed.requests} requests, ${r.mixed.errors} errors, hit ratio ${(r.mixed.hitRatio * 100).toFixed(2)} % (latency under \`wrangler dev\`: p50 ${ms(r.mixed.p50)}, p99 ${ms(r.mixed.p99)}).
Upstream topic-list calls: **${r.mixed.upstreamTopicCalls}**; bound at one per shared page per ${r.mixed.freshTtlS} s fresh-TTL window: ${r.mixed.bound} (${verdict(r.mixed.upstreamTopicCalls <= r.mixed.bound)}). The hit ratio counts shared reads; the ${r.mixed.searches} searches are never shared (each is its own upstream call: ${r.mixed.upstreamSearchCalls}), by design.

Both counts start after the forums' meta has been read once: its first production tries the sorts and filters UserEcho is only guessed to honour, a few upstream calls once per isolate and hour, which are not the cache's doing.
`;
}
