/**
 * Keeps popular pages fresh: every isolate counts its shared reads (popularity.ts); a Cron
 * Trigger (wrangler.toml `[triggers]`, every minute) asks the most requested paths again, as a
 * visitor would, and refreshes each entry that would turn stale before the next run. So a visitor
 * does not meet a miss, or a stale copy, on a popular page. README, "Fresh data after a change in
 * UserEcho", describes it for site owners.
 *
 * Where the counts meet: a cron runs in whatever isolate Cloudflare picks, usually not one that
 * served the visitors. With the global tier (`CACHE_KV`) bound, each isolate publishes its top
 * paths there at most once a minute, and the cron adds them up; the refreshed entries land in
 * KV, where every location reads them. Without KV, the cron only knows its own isolate's counts
 * and refreshes only its own location's cache: useful on a single location (and in dev), not
 * much beyond.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { readConfig } from "../config/index.ts";
import { mergePopular, Popularity, type PopularPath } from "./popularity.ts";
import type { WarmupRun } from "./run.ts";

/** Rows an isolate keeps; every row is a path and a count. */
const TRACKED_PATHS = 256;
/** Paths an isolate publishes, and the most a run considers. */
const PUBLISHED_PATHS = 50;
/** How often an isolate publishes its counts to KV, at most. */
const PUBLISH_INTERVAL_MS = 60_000;
/** KV drops an isolate's list once it stops publishing (an isolate that was evicted). */
const PUBLISHED_TTL_SECONDS = 600;
const KV_PREFIX = "warmup:popular:";
/**
 * The cron runs every minute (wrangler.toml, checked by test/deploy): an entry that would turn
 * stale within a minute is refreshed now.
 */
export const WARMUP_LOOKAHEAD_SECONDS = 60;

export interface WarmupReport {
  /** Paths considered, most requested first. */
  candidates: number;
  /** Entries fetched again from UserEcho. */
  refreshed: number;
  /** Upstream calls made, never more than WARMUP_MAX_CALLS. */
  upstreamCalls: number;
}

const popularity = new Popularity(TRACKED_PATHS);
/** Named on first use: Workers refuse random values in the global scope. */
let isolateName: string | undefined;
const isolateId = () => (isolateName ??= crypto.randomUUID());
let publishedAt = 0;
/**
 * Requests the warm-up makes itself. Keyed by the Request object, which only this module
 * creates, so no header a client could send turns a request into a warm-up one.
 */
const runs = new WeakMap<Request, WarmupRun>();

export function warmupOf(request: Request): WarmupRun | undefined {
  return runs.get(request);
}

/**
 * Counts a shared read (called by the cache for every anonymous or partner JSON read), and now
 * and then publishes the isolate's counts to KV. Paths count as sent: two spellings of one page
 * count apart, which costs a row, not a wrong refresh, and keeps the hit path cheap.
 */
export function recordRead(c: Context<AppEnv>): void {
  if (c.get("warmup")) return;
  const url = c.req.url;
  const path = url.slice(url.indexOf("/", url.indexOf("//") + 2));
  popularity.record(path);
  const kv = c.env.CACHE_KV;
  const now = Date.now();
  if (kv && now - publishedAt >= PUBLISH_INTERVAL_MS) {
    publishedAt = now;
    const list = popularity.top(PUBLISHED_PATHS);
    popularity.age();
    c.executionCtx.waitUntil(
      kv
        .put(`${KV_PREFIX}${isolateId()}`, JSON.stringify(list), {
          expirationTtl: PUBLISHED_TTL_SECONDS,
        })
        .catch(() => undefined),
    );
  }
}

/** The app's request handler, as the scheduled event calls it. */
type Fetch = (request: Request, env: Env, ctx: ExecutionContext) => Response | Promise<Response>;

/**
 * One warm-up run: the most requested paths, asked again in order until WARMUP_MAX_CALLS
 * upstream calls are spent. Each request goes through the whole app (validation, visibility,
 * cache keys), so a warm-up can only ever refresh what a visitor could have asked for.
 */
export async function warmUp(fetch: Fetch, env: Env, ctx: ExecutionContext): Promise<WarmupReport> {
  const maxCalls = readConfig(env).warmupMaxCalls;
  const report: WarmupReport = { candidates: 0, refreshed: 0, upstreamCalls: 0 };
  if (maxCalls === 0) return report;

  const candidates = (await popularPaths(env)).slice(0, PUBLISHED_PATHS);
  // With KV, counts age as they are published; without, each run ages them.
  if (!env.CACHE_KV) popularity.age();
  report.candidates = candidates.length;
  const budget = { remaining: maxCalls };
  for (const { path } of candidates) {
    if (budget.remaining <= 0) break;
    const request = new Request(new URL(path, "https://warmup.internal"));
    runs.set(request, { budget, refreshWithinSeconds: WARMUP_LOOKAHEAD_SECONDS });
    const response = await fetch(request, env, ctx);
    await response.body?.cancel();
    const status = response.headers.get("Cache-Status") ?? "";
    if (response.ok && /fwd=miss/.test(status)) report.refreshed += 1;
  }
  report.upstreamCalls = maxCalls - budget.remaining;
  console.log(JSON.stringify({ level: "info", message: "warmup", ...report }));
  return report;
}

/** This isolate's counts, plus every isolate's published ones when KV is bound. */
async function popularPaths(env: Env): Promise<PopularPath[]> {
  const lists: PopularPath[][] = [popularity.top(PUBLISHED_PATHS)];
  const kv = env.CACHE_KV;
  if (kv) {
    const { keys } = await kv.list({ prefix: KV_PREFIX, limit: 100 });
    const published = await Promise.all(
      keys
        .filter((key) => key.name !== `${KV_PREFIX}${isolateId()}`)
        .map((key) => kv.get(key.name, "json").catch(() => null)),
    );
    for (const list of published) lists.push(validList(list));
  }
  return mergePopular(lists);
}

/** What KV holds is checked like any input: only `/v1/` paths with a count. */
function validList(value: unknown): PopularPath[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (row): row is PopularPath =>
      typeof row === "object" &&
      row !== null &&
      typeof (row as PopularPath).path === "string" &&
      (row as PopularPath).path.startsWith("/v1/") &&
      Number.isInteger((row as PopularPath).hits) &&
      (row as PopularPath).hits > 0,
  );
}
