/**
 * What some requests cost UserEcho, in upstream calls, with the production bundle in workerd
 * against the emulator's `documented` profile (UserEcho honours only `order_by=-created` paging,
 * so the worker computes `sort=top` and the filters from a per-forum index, board/forum-index.ts):
 *
 * - a computed `top` page of a forum of 2,000 topics: rebuilt cold (its index read anew) and
 *   then as a cache hit (issue 19);
 * - the calls per forum per TTL of the index while every computed list of that forum is asked
 *   for all the time (issue 19);
 * - 100 requests for hidden topic ids (a private forum's, missing ones) and 100 inert filter
 *   values (issue 22).
 *
 * Calls are counted at the emulator (`/__emulator/stats`), by path.
 */
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };
import { startHarness, type Harness, type ProductionBundle } from "./workerd-harness.ts";
import { runWrk } from "./wrk.ts";

export interface UpstreamCostOptions {
  bundle: ProductionBundle;
  /** Seconds of the cache-hit row. */
  hitDurationS: number;
  /** Cold rebuilds of the computed page; the median latency is kept. */
  rebuilds: number;
  /** The index and list TTL of the per-TTL row, seconds, and how many TTLs it runs. */
  ttlS: number;
  ttls: number;
  connections: number;
  threads: number;
  /** Added to every upstream call, as in the other rows. */
  upstreamLatencyMs: number;
}

/** The forum of the computed rows is grown to this many topics (the default index bound). */
export const BIG_FORUM_TOPICS = 2_000;
const BIG_FORUM = 1;
const PRIVATE_FORUM = 3;
/** The seed's empty forum: it offers no filter at all. */
const BARE_FORUM = 5;
const HIDDEN_REQUESTS = 100;
/** Requests in flight at once in the 100-request rows. */
const CONCURRENCY = 10;
/** "A few calls in all" (issue 22), for a verdict. */
const FEW_CALLS = 5;
const TOP_PATH = `/v1/forums/${BIG_FORUM}/topics?limit=20&sort=top`;

export interface CostRow {
  name: string;
  description: string;
  requests: number;
  upstreamCalls: number;
  /** Upstream calls by kind of call, in words. */
  breakdown: string;
  /** Wall time of the whole row. */
  wallMs: number;
  p50Ms: number;
  p99Ms: number;
  /** HTTP status → responses. */
  statuses: Record<number, number>;
  notes: string[];
}

export interface UpstreamCostResults {
  rows: CostRow[];
  /** Upstream calls of one rebuild of the 2,000-topic forum's index (its `-created` pages). */
  indexRebuildCalls: number;
  perTtl: {
    ttlS: number;
    durationS: number;
    requests: number;
    paths: number;
    upstreamCalls: number;
    indexCalls: number;
    callsPerTtl: number;
    /** Index rebuilds the run saw: its index calls ÷ one rebuild's. */
    rebuilds: number;
    breakdown: string;
  };
}

export async function upstreamCostBenchmarks(
  log: (line: string) => void,
  options: UpstreamCostOptions,
): Promise<UpstreamCostResults> {
  const long = "forums=3600,meta=3600,topics=3600,index=3600,topic=3600,comments=3600,users=3600";
  const harness = await costHarness(options, long);
  let rows: CostRow[];
  let indexRebuildCalls: number;
  try {
    ({ rows, indexRebuildCalls } = await costRows(harness, log, options));
  } finally {
    await harness.dispose();
  }
  // The per-TTL row wants the index and the lists to age within the run.
  const short = `forums=3600,meta=3600,topics=${options.ttlS},index=${options.ttlS},topic=3600,comments=3600,users=3600`;
  const ttlHarness = await costHarness(options, short);
  try {
    const perTtl = await perTtlRow(ttlHarness, log, options, indexRebuildCalls);
    return { rows, indexRebuildCalls, perTtl };
  } finally {
    await ttlHarness.dispose();
  }
}

async function costHarness(options: UpstreamCostOptions, cacheTtl: string): Promise<Harness> {
  const harness = await startHarness({
    bundle: options.bundle,
    rateLimit: 1_000_000_000,
    rateLimiter: "in-isolate",
    emulatorProfile: "documented",
    vars: { CACHE_TTL: cacheTtl },
  });
  try {
    const grown = (await control(harness.emulatorUrl, "inject/clone", {
      forumId: BIG_FORUM,
      topics: BIG_FORUM_TOPICS,
    })) as { topics: number };
    if (grown.topics !== BIG_FORUM_TOPICS) throw new Error(`forum grown to ${grown.topics}`);
    await control(harness.emulatorUrl, "inject/clone", {
      forumId: PRIVATE_FORUM,
      topics: HIDDEN_REQUESTS + 20,
    });
    await control(harness.emulatorUrl, "faults", {
      match: { path: "/api/v2/" },
      fault: { kind: "latency", ms: options.upstreamLatencyMs },
    });
    return harness;
  } catch (error) {
    await harness.dispose();
    throw error;
  }
}

async function costRows(
  harness: Harness,
  log: (line: string) => void,
  options: UpstreamCostOptions,
): Promise<{ rows: CostRow[]; indexRebuildCalls: number }> {
  const { workerUrl, emulatorUrl } = harness;
  const rows: CostRow[] = [];
  const add = (row: CostRow) => {
    rows.push(row);
    log(describeCostRow(row));
  };

  // Cold start of the forum: the probes of the guessed sorts and filters, its names, its index.
  const warm = await requests(harness, ["/v1/forums", `/v1/forums/${BIG_FORUM}/meta`], 1);
  log(`upstream costs: forum ${BIG_FORUM} (${BIG_FORUM_TOPICS} topics) warmed: ${warm.summary}`);

  // Rebuild: the forum purged (its lists, index and meta), then its computed `top` page.
  const rebuilds: Measured[] = [];
  for (let i = 0; i < options.rebuilds; i++) {
    await purge(workerUrl, { forum: BIG_FORUM });
    rebuilds.push(await requests(harness, [TOP_PATH], 1));
  }
  const rebuild = [...rebuilds].sort((a, b) => a.p50Ms - b.p50Ms)[Math.floor(rebuilds.length / 2)]!;
  const indexRebuildCalls = rebuild.byKind[listKind(BIG_FORUM)] ?? 0;
  const body = (await (await fetch(`${workerUrl}${TOP_PATH}`)).json()) as {
    applied: { computed?: string[] };
    exact: boolean;
  };
  add({
    ...rebuild.row,
    name: "computed top, rebuild",
    description: `\`GET ${TOP_PATH}\` on a forum of ${BIG_FORUM_TOPICS.toLocaleString("en")} topics right after an admin purge of the forum (lists, index, meta): cold, the index read again`,
    notes: [
      `computed: ${JSON.stringify(body.applied.computed ?? [])}, exact: ${body.exact}`,
      ...(rebuilds.length > 1
        ? [
            `${rebuilds.length} rebuilds, median kept: ${rebuilds.map((r) => `${r.p50Ms.toFixed(0)} ms / ${r.row.upstreamCalls} calls`).join(", ")}`,
          ]
        : []),
    ],
  });

  // Hit: the same page again and again (memory tier).
  const before = await stats(emulatorUrl);
  const hit = await runWrk({
    url: `${workerUrl}${TOP_PATH}`,
    connections: options.connections,
    threads: options.threads,
    durationS: options.hitDurationS,
    workerdPid: harness.workerdPid,
  });
  const hitCalls = (await stats(emulatorUrl)).requests - before.requests;
  add({
    name: "computed top, cache hit",
    description: `the same page again, ${options.connections} connections for ${options.hitDurationS} s (wrk): memory tier`,
    requests: hit.requests,
    upstreamCalls: hitCalls,
    breakdown: hitCalls === 0 ? "none" : `${hitCalls} calls: not all hits`,
    wallMs: hit.durationS * 1000,
    p50Ms: hit.p50,
    p99Ms: hit.p99,
    statuses: {},
    notes: [
      `${hit.throughput.toFixed(0)} req/s, workerd ${hit.workerdCpuMsPerRequest.toFixed(3)} CPU ms/request`,
      ...(hit.errors > 0 ? [`${hit.errors} errors`] : []),
    ],
  });

  // Hidden ids: a private forum's topics (readable with the agent token, never to be shown)...
  const listing = (await (
    await fetch(
      `${emulatorUrl}/profile/extended/api/v2/forums/${PRIVATE_FORUM}/topics.json?limit=${HIDDEN_REQUESTS}&access_token=${credentials.agentToken}`,
    )
  ).json()) as { data: { id: number }[] };
  const privateIds = listing.data.map((topic) => topic.id);
  if (privateIds.length !== HIDDEN_REQUESTS) throw new Error("too few private topics");
  const privatePaths = privateIds.map((id) => `/v1/topics/${id}`);
  const hidden = await requests(harness, privatePaths, CONCURRENCY);
  const hiddenAgain = await requests(harness, privatePaths, CONCURRENCY);
  add({
    ...hidden.row,
    name: "hidden ids: private forum",
    description: `${HIDDEN_REQUESTS} \`GET /v1/topics/:id\`, each a distinct topic of private forum ${PRIVATE_FORUM}, ${CONCURRENCY} at a time`,
    notes: [`the same ${HIDDEN_REQUESTS} again: ${hiddenAgain.row.upstreamCalls} calls`],
  });
  // ...and ids no topic has.
  const missingPaths = Array.from(
    { length: HIDDEN_REQUESTS },
    (_, i) => `/v1/topics/${900_000 + i}`,
  );
  const missing = await requests(harness, missingPaths, CONCURRENCY);
  const missingAgain = await requests(harness, missingPaths, CONCURRENCY);
  add({
    ...missing.row,
    name: "hidden ids: missing",
    description: `${HIDDEN_REQUESTS} \`GET /v1/topics/:id\`, each a distinct id no topic has (900000…), ${CONCURRENCY} at a time`,
    notes: [`the same ${HIDDEN_REQUESTS} again: ${missingAgain.row.upstreamCalls} calls`],
  });

  // Inert filter values: a filter the forum does not offer changes nothing, whatever its value.
  const inert = async (forumId: number, filter: string, what: string) => {
    await purge(workerUrl, { forum: forumId });
    const paths = Array.from(
      { length: HIDDEN_REQUESTS },
      (_, i) => `/v1/forums/${forumId}/topics?${filter}=${777 + i}`,
    );
    const measured = await requests(harness, paths, CONCURRENCY);
    const again = await requests(harness, paths, CONCURRENCY);
    add({
      ...measured.row,
      name: `inert filter: ${filter}`,
      description: `${HIDDEN_REQUESTS} \`GET /v1/forums/${forumId}/topics?${filter}=777\`, \`778\`, … (${what}), ${CONCURRENCY} at a time, the forum purged first (cold)`,
      notes: [`the same ${HIDDEN_REQUESTS} again: ${again.row.upstreamCalls} calls`],
    });
  };
  await inert(BARE_FORUM, "type", `forum ${BARE_FORUM} offers no filter`);
  await inert(BIG_FORUM, "category", "documented topics carry no category: not offered");

  return { rows, indexRebuildCalls };
}

async function perTtlRow(
  harness: Harness,
  log: (line: string) => void,
  options: UpstreamCostOptions,
  indexRebuildCalls: number,
): Promise<UpstreamCostResults["perTtl"]> {
  const { workerUrl, emulatorUrl } = harness;
  await requests(harness, ["/v1/forums", `/v1/forums/${BIG_FORUM}/meta`], 1);
  const meta = (await (await fetch(`${workerUrl}/v1/forums/${BIG_FORUM}/meta`)).json()) as {
    types: { id: number }[];
  };
  // Every computed list of the forum: the three computed sorts, 10 pages each, and the top page
  // of each type (a computed filter); `new` without a filter is UserEcho's own order, not here.
  const paths = [
    ...["top", "discussed", "updated"].flatMap((sort) =>
      Array.from(
        { length: 10 },
        (_, i) => `/v1/forums/${BIG_FORUM}/topics?limit=20&sort=${sort}&page=${i + 1}`,
      ),
    ),
    ...meta.types.flatMap(({ id }) =>
      ["top", "new"].map(
        (sort) => `/v1/forums/${BIG_FORUM}/topics?limit=20&sort=${sort}&type=${id}`,
      ),
    ),
  ];
  const durationS = options.ttlS * options.ttls;
  const before = await stats(emulatorUrl);
  const load = await runWrk({
    url: workerUrl,
    paths,
    connections: options.connections,
    threads: options.threads,
    durationS,
    workerdPid: harness.workerdPid,
  });
  const after = await stats(emulatorUrl);
  const byKind = kinds(before, after);
  const upstreamCalls = after.requests - before.requests;
  const indexCalls = byKind[listKind(BIG_FORUM)] ?? 0;
  const result = {
    ttlS: options.ttlS,
    durationS,
    requests: load.requests,
    paths: paths.length,
    upstreamCalls,
    indexCalls,
    callsPerTtl: upstreamCalls / options.ttls,
    rebuilds: indexRebuildCalls > 0 ? indexCalls / indexRebuildCalls : 0,
    breakdown: breakdown(byKind),
  };
  log(
    `upstream calls per forum per TTL (${options.ttlS} s): ${result.callsPerTtl.toFixed(1)} (${upstreamCalls} calls over ${durationS} s, ${result.rebuilds.toFixed(1)} index rebuilds, ${load.requests} requests of ${paths.length} computed pages; ${result.breakdown})${load.errors ? `; ${load.errors} errors` : ""}`,
  );
  return result;
}

interface Stats {
  requests: number;
  byPath: Record<string, number>;
}

async function stats(emulatorUrl: string): Promise<Stats> {
  return (await (await fetch(`${emulatorUrl}/__emulator/stats`)).json()) as Stats;
}

/** Calls between two snapshots, by kind (a forum's topic list by forum: the query is not kept). */
function kinds(before: Stats, after: Stats): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, count] of Object.entries(after.byPath)) {
    const delta = count - (before.byPath[key] ?? 0);
    if (delta === 0) continue;
    const path = key.replace(/^GET \/profile\/[a-z-]+\/api\/v2\//, "");
    const list = /^forums\/(\d+)\/topics\.json$/.exec(path);
    const kind = list
      ? listKind(Number(list[1]))
      : /^topics\/\d+\.json$/.test(path)
        ? "topic by id"
        : /^forums\.json$/.test(path)
          ? "forum list"
          : /^forums\/\d+\/(types|categories|tags)/.test(path)
            ? "forum names (types, statuses, categories, tags)"
            : "other";
    result[kind] = (result[kind] ?? 0) + delta;
  }
  return result;
}

/** The kind of a call to `forums/:id/topics.json`: index pages, id questions, page-1 reads. */
function listKind(forumId: number): string {
  return `forum ${forumId} topic list`;
}

function breakdown(byKind: Record<string, number>): string {
  const parts = Object.entries(byKind).map(([kind, count]) => `${count} ${kind}`);
  return parts.length === 0 ? "none" : parts.join(", ");
}

interface Measured {
  row: Omit<CostRow, "name" | "description" | "notes">;
  byKind: Record<string, number>;
  p50Ms: number;
  summary: string;
}

/** Asks for every path once, `concurrency` at a time; latencies, statuses and upstream calls. */
async function requests(
  harness: Harness,
  paths: readonly string[],
  concurrency: number,
): Promise<Measured> {
  const before = await stats(harness.emulatorUrl);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const t = performance.now();
      const response = await fetch(`${harness.workerUrl}${path}`);
      await response.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  // Store writes happen after the response (waitUntil): let them land before the next row.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const after = await stats(harness.emulatorUrl);
  const byKind = kinds(before, after);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  const row = {
    requests: paths.length,
    upstreamCalls: after.requests - before.requests,
    breakdown: breakdown(byKind),
    wallMs,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    statuses,
  };
  return {
    row,
    byKind,
    p50Ms: row.p50Ms,
    summary: `${row.upstreamCalls} upstream calls (${row.breakdown}) in ${wallMs.toFixed(0)} ms`,
  };
}

async function purge(workerUrl: string, body: { forum: number }): Promise<void> {
  const response = await fetch(`${workerUrl}/v1/admin/purge`, {
    method: "POST",
    headers: { "X-Api-Key": credentials.adminKey, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`admin purge: HTTP ${response.status}`);
}

async function control(emulatorUrl: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}/__emulator/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status}`);
  return response.json();
}

export function describeCostRow(row: CostRow): string {
  const statuses = Object.entries(row.statuses)
    .map(([status, count]) => `${count}× ${status}`)
    .join(", ");
  return (
    `${row.name}: ${row.requests} requests, ${row.upstreamCalls} upstream calls (${row.breakdown}), ` +
    `${row.wallMs.toFixed(0)} ms in all, p50 ${row.p50Ms.toFixed(1)} ms, p99 ${row.p99Ms.toFixed(1)} ms` +
    `${statuses ? `; ${statuses}` : ""}${row.notes.length ? `; ${row.notes.join("; ")}` : ""}`
  );
}

/** The subsection of the workerd section: the rows, then what each one shows. */
export function upstreamCostsMarkdown(r: UpstreamCostResults, upstreamLatencyMs: number): string {
  const ms = (n: number) => (n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);
  const statuses = (row: CostRow) =>
    Object.entries(row.statuses)
      .map(([status, count]) => `${count}× ${status}`)
      .join(", ");
  const table = r.rows
    .map(
      (row) =>
        `| ${row.name} | ${row.description} | ${row.requests.toLocaleString("en")} | **${row.upstreamCalls}** | ${row.breakdown} | ${ms(row.wallMs)} | ${ms(row.p50Ms)} / ${ms(row.p99Ms)} | ${[statuses(row), ...row.notes].filter(Boolean).join("; ")} |`,
    )
    .join("\n");
  const t = r.perTtl;
  const calls = (name: string) => r.rows.find((row) => row.name === name)?.upstreamCalls ?? NaN;
  const privateCalls = calls("hidden ids: private forum");
  const missingCalls = calls("hidden ids: missing");
  const rebuildCalls = calls("computed top, rebuild");
  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  return `### Upstream calls: computed lists, hidden ids, inert filters (issues 19 and 22)

The same production bundle in workerd, against the emulator's \`documented\` profile, where UserEcho
honours only \`order_by=-created\` paging: the worker computes \`sort=top\`, the other sorts and the
filters from a per-forum index of the newest COMPUTED_MAX_TOPICS (2,000) topics, read in pages of
100 (worker/src/board/forum-index.ts). Forum ${BIG_FORUM} is grown to ${BIG_FORUM_TOPICS.toLocaleString("en")} topics and private forum
${PRIVATE_FORUM} to ${HIDDEN_REQUESTS + 20} (\`/__emulator/inject/clone\` with \`topics\`); every upstream call takes ${upstreamLatencyMs} ms more;
every TTL is an hour except in the per-TTL row. Calls are counted at the emulator, by path
(test/bench/upstream-costs.ts).

| row | what | requests | upstream calls | of which | time, in all | latency p50 / p99 | responses; notes |
| --- | --- | ---: | ---: | --- | ---: | ---: | --- |
${table}

Issue 22's goal, at most a few upstream calls in all for each set of 100: hidden ids of a private
forum ${privateCalls} (${verdict(privateCalls <= FEW_CALLS)}), missing ids ${missingCalls} (${verdict(missingCalls <= FEW_CALLS)}), none of them per id; inert filter
values ${calls("inert filter: type")} and ${calls("inert filter: category")}, which are the forum's own cold list, once (${rebuildCalls} for the computed
page above), then none (${verdict(calls("inert filter: type") <= FEW_CALLS && calls("inert filter: category") <= rebuildCalls)}; "a few" taken as at most ${FEW_CALLS}, beyond the forum's own first list).

**N = ${r.indexRebuildCalls}**: upstream calls of one rebuild of a ${BIG_FORUM_TOPICS.toLocaleString("en")}-topic forum's index (its \`-created\` pages of 100).

**Upstream calls per forum per TTL: ${t.callsPerTtl.toFixed(1)}** (${t.upstreamCalls} calls, ${t.rebuilds.toFixed(1)} index rebuilds, in ${t.durationS} s of
${t.ttlS}-second TTLs of the index and the lists; ${t.requests.toLocaleString("en")} requests, wrk, over ${t.paths} computed pages of
forum ${BIG_FORUM}: \`top\`, \`discussed\` and \`updated\`, 10 pages each, and each type's \`top\` and \`new\`
page; ${t.breakdown}).

What each row shows:

- computed top, rebuild: the first request after an admin purge of the forum (\`POST /v1/admin/purge\`
  \`{"forum": ${BIG_FORUM}}\`) waits for the index, read page after page (N calls, one after the other,
  so about N × ${upstreamLatencyMs} ms here), and for the forum's names (the purge covers the meta too);
  the probes of which sorts UserEcho honours are remembered by the isolate and not repeated.
- computed top, cache hit: the page from the memory tier: no upstream call, whatever the sort.
- upstream calls per forum per TTL: every computed list of the forum asked for all the time; the
  lists are recomputed from the index for free, and the index is read once per TTL (coalesced,
  served stale while it is read again), so the forum costs at most N calls per TTL, however many
  pages, sorts and filters are asked for. Fewer when a rebuild's own time falls between TTLs.
- hidden ids: a private forum's topics, readable with the agent token, must answer 404 like ids
  no topic has. The visible forums' shared indexes are asked first (board/forum-proof.ts,
  placeByIndexes): an id below a forum's newest indexed id that its index lacks is not on it, and
  an id above it is looked for on the forum's page 1, read again at most once a second for every
  id. So a scan costs the visible forums' indexes, cold here (their topic lists, and the forum
  names a documented topic needs; the same entries the board's computed lists use), plus those
  page-1 reads, and no call of its own per id, hidden or missing: both answer alike. A 404 is
  cached by id, so the same ids again cost nothing.
- inert filter values: a filter the forum does not offer is left out of the plan
  (board/topics.ts, planTopicList), so every value shares one cache entry: what they cost is that
  of the forum's cold list (its meta, and its index where the meta needs one), once.
`;
}
