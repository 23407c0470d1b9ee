/**
 * Runs `/v1` reads against a worker whose UserEcho is a chaos namespace, and checks each answer
 * (oracle.ts). A failure names the read, the dialect, and what UserEcho was asked and answered.
 */
import fc from "fast-check";
import { vi } from "vitest";
import type { TopicSort } from "@userecho-edge/shared";
import {
  canonicalDialect,
  commentsInOrder,
  describeDialect,
  isUsable,
  usersByRating,
  type Dialect,
} from "@userecho-edge/emulator/chaos";
import { assertNoSecretsIn } from "@userecho-edge/emulator/secrets";
import type { RequestLogLine } from "../../../src/middleware/request-log/index.ts";
import { credentials, siteToken, workerWith } from "../../support/index.ts";
import { chaosUpstream, describeLog } from "./chaos.ts";
import {
  Truth,
  checkAnswer,
  checkRun,
  describeRequest,
  topicList,
  type Answer,
  type CaseContext,
} from "./oracle.ts";
import { isSignedIn, pathOf, type ReadRequest, type TopicQuery } from "./requests.ts";

/** The worker's settings a case varies: what a site owner may set (README, "Configuration"). */
export interface WorkerSettings {
  /**
   * `TOPIC_SORTS` and `TOPIC_FILTERS` empty (the worker tries each guess), or set to what this
   * UserEcho honours, as `pnpm check-userecho` would recommend.
   */
  readonly detect: boolean;
  /** `ALLOWED_FORUMS`, when set: a private forum in it must stay hidden all the same. */
  readonly allowedForums: string | undefined;
}

export const workerSettings: fc.Arbitrary<WorkerSettings> = fc.record({
  detect: fc.oneof(
    { weight: 1, arbitrary: fc.constant(true) },
    { weight: 2, arbitrary: fc.constant(false) },
  ),
  allowedForums: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom("1,2,3,4,5", "2,3,5") },
  ),
});

/** `TOPIC_SORTS` and `TOPIC_FILTERS` naming what the dialect honours. */
function pinned(dialect: Dialect): { TOPIC_SORTS: string; TOPIC_FILTERS: string } {
  const all = dialect.unattested === "accept";
  return {
    TOPIC_SORTS: all ? "top,new,updated,discussed" : "new",
    TOPIC_FILTERS: all ? "type,status,category,tag" : "status",
  };
}

export const truth = new Truth();

/**
 * Keeps the worker's log lines off the test output (thousands of cases drop thousands of items,
 * each logged), while still failing on any line that carries a secret. Call in `beforeEach`,
 * after the shared setup has installed its spies.
 */
export function quietLogs(): void {
  for (const level of ["log", "info", "warn", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      assertNoSecretsIn(
        args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "),
        "log output",
      );
    });
  }
}

/**
 * The one visitor every signed-in read of these suites is made as. UserEcho creates a user for
 * each new SSO guid, and the leaderboard lists every user: one visitor, signed in before any case
 * runs, keeps the chaos profile's users and the records the oracle holds the same.
 */
export const VISITOR = { sub: "chaos-visitor", name: "Chaos Visitor" } as const;

/**
 * Signs the visitor in upstream (a signed-in read) and adds the same user to the oracle's
 * records; throws if the chaos profile's users differ (another suite signed someone in there).
 */
export async function signInVisitor(): Promise<void> {
  const worker = await chaosWorker(
    canonicalDialect(),
    { detect: false, allowedForums: undefined },
    "visitor",
  );
  await worker.read({ route: "topic", topicId: 1001, signedIn: true });
  const { user } = truth.store.signInWithSso({
    guid: VISITOR.sub,
    displayName: VISITOR.name,
    forceUpdateAvatar: false,
  });
  const answer = await fetch(
    `${worker.upstream.baseUrl}/users/sso/${VISITOR.sub}.json?access_token=${credentials.agentToken}`,
  );
  const upstream = ((await answer.json()) as { data?: { id?: unknown } }).data;
  if (upstream?.id !== user.id) {
    throw new Error(
      `the chaos profile's visitor is user ${String(upstream?.id)}, the oracle's ${user.id}: ` +
        "reset the emulator (POST /__emulator/reset)",
    );
  }
}

/** What the suites have sent and received, for the line each file prints at its end. */
const counts = { reads: 0, answers: new Map<string, number>() };

/** `312 /v1 reads; 2,851 UserEcho answers: 2,790 served, 41 refused, 20 transient`. */
export function tally(): string {
  const answers = [...counts.answers.values()].reduce((sum, n) => sum + n, 0);
  const parts = [...counts.answers].map(([outcome, n]) => `${n} ${outcome}`).join(", ");
  return `${counts.reads} /v1 reads checked; ${answers} UserEcho answers drawn from the grammar: ${parts}`;
}

/** A worker of the deployed shape over a chaos namespace, and the case's context. */
export async function chaosWorker(dialect: Dialect, settings: WorkerSettings, prefix: string) {
  const upstream = await chaosUpstream(dialect, prefix);
  const app = workerWith(
    {
      USERECHO_BASE_URL: upstream.baseUrl,
      ...(settings.detect ? { TOPIC_SORTS: "", TOPIC_FILTERS: "" } : pinned(dialect)),
      ...(settings.allowedForums === undefined ? {} : { ALLOWED_FORUMS: settings.allowedForums }),
      // Two tiers are enough here, and KV's writes are the slowest part of a miss.
      CACHE_KV: undefined as unknown as KVNamespace,
    },
    { log: (line: RequestLogLine) => assertNoSecretsIn(JSON.stringify(line), "request log line") },
  );
  const context: CaseContext = {
    truth,
    dialect,
    allowedForums:
      settings.allowedForums === undefined
        ? undefined
        : new Set(settings.allowedForums.split(",").map(Number)),
  };
  let seen = 0;
  let hardFailure = false;
  return {
    context,
    upstream,
    /** Sends one read (signed in as the case's visitor where the route wants one). */
    async read(request: ReadRequest): Promise<Answer> {
      const headers: Record<string, string> = {};
      if (isSignedIn(request)) {
        headers["Authorization"] = `Bearer ${await siteToken(VISITOR)}`;
      }
      const response = await app.fetch(pathOf(request), { headers });
      const body = await response.text();
      const log = await upstream.log();
      const entries = log.slice(seen);
      seen = log.length;
      hardFailure ||= entries.some((entry) => entry.outcome === "hard");
      counts.reads++;
      for (const entry of entries) {
        counts.answers.set(entry.outcome, (counts.answers.get(entry.outcome) ?? 0) + 1);
      }
      return { request, response, body, upstream: entries, hardFailure };
    },
    /** Throws with the read, the dialect and the upstream log unless the answer is right. */
    check(answer: Answer): void {
      try {
        checkAnswer(context, answer);
      } catch (error) {
        throw failure(answer, dialect, error);
      }
    },
  };
}

function failure(answer: Answer, dialect: Dialect, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(
    `${describeRequest(answer.request)} → ${answer.response.status}\n  ${message}\n` +
      `  dialect: ${describeDialect(dialect)}\n  upstream:\n${describeLog(answer.upstream)}`,
    { cause: error },
  );
}

/** A visit: reads in order on one worker, each checked. */
export async function runVisit(
  dialect: Dialect,
  settings: WorkerSettings,
  requests: readonly ReadRequest[],
  prefix: string,
): Promise<void> {
  const worker = await chaosWorker(dialect, settings, prefix);
  for (const request of requests) worker.check(await worker.read(request));
}

// ---------------------------------------------------------------------------------------------
// Page walks: following `hasNext` from page 1 yields every usable item exactly once.

export type Walk =
  | { readonly route: "topics"; readonly forumId: number; readonly query: TopicQuery }
  | { readonly route: "comments"; readonly topicId: number; readonly limit: number }
  | { readonly route: "users"; readonly limit: number };

/** Public topics with enough comments for several pages. */
const TALKATIVE = truth.store
  .forums()
  .filter((forum) => forum.kind.name === "PUBLIC")
  .flatMap((forum) => truth.store.topicsOf(forum.id))
  .filter((topic) => topic.commentCount >= 8)
  .map((topic) => topic.id);

export const walks: fc.Arbitrary<Walk> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      route: fc.constant("topics" as const),
      forumId: fc.constantFrom(1, 2),
      query: fc.record({
        page: fc.constant(1),
        // At least 15: the walk stays within a dozen pages of forum 1.
        limit: fc.oneof(fc.constantFrom(20, 50, 100), fc.integer({ min: 15, max: 100 })),
        sort: fc.constantFrom<TopicSort>("top", "new", "updated", "discussed"),
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      route: fc.constant("comments" as const),
      topicId: fc.constantFrom(...TALKATIVE),
      limit: fc.integer({ min: 2, max: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      route: fc.constant("users" as const),
      limit: fc.constantFrom(60, 100),
    }),
  },
);

/** Walks the pages of a list and checks every page and the whole. */
export async function runWalk(
  dialect: Dialect,
  settings: WorkerSettings,
  walk: Walk,
  prefix: string,
): Promise<void> {
  // Every walk is of a public forum's list: no ALLOWED_FORUMS to hide it.
  const worker = await chaosWorker(dialect, { ...settings, allowedForums: undefined }, prefix);
  const { context } = worker;
  const limit = walk.route === "topics" ? walk.query.limit : walk.limit;
  const pageOf = (page: number): ReadRequest => {
    switch (walk.route) {
      case "topics":
        return { route: "topics", forumId: walk.forumId, query: { ...walk.query, page } };
      case "comments":
        return { route: "comments", topicId: walk.topicId, page, limit };
      case "users":
        return { route: "users", page, limit };
    }
  };
  const ids: number[] = [];
  let applied: string | undefined;
  let expected: readonly number[] = [];
  let exactOrder = true;
  // The smallest cap of the grammar is 25: even pages that small end the walk in time.
  const total =
    walk.route === "users" ? truth.store.users().length : walk.route === "comments" ? 45 : 180;
  const maxPages = Math.ceil(total / Math.min(limit, 25)) + 2;
  for (let page = 1; ; page++) {
    const answer = await worker.read(pageOf(page));
    worker.check(answer);
    // UserEcho failed for good and the worker said so (the check allowed it): no walk to judge.
    if (answer.response.status !== 200) return;
    const body = JSON.parse(answer.body) as {
      items: { id: number }[];
      page: { hasNext: boolean };
      applied?: unknown;
    };
    if (page === 1) {
      applied = JSON.stringify(body.applied);
      if (walk.route === "topics") {
        expected = topicList(context, walk.forumId, body.applied as never).map((t) => t.id);
        exactOrder = dialect.lists !== "keyed-by-id" && dialect.lists !== "mixed";
      } else if (walk.route === "comments") {
        expected = commentsInOrder(truth.store, walk.topicId)
          .filter((comment) => isUsable(dialect, "comment", comment.id))
          .map((comment) => comment.id);
      } else {
        // The leaderboard lists users above rating 0, never staff (LEADERBOARD_STAFF=hide).
        expected = usersByRating(truth.store)
          .filter((user) => isUsable(dialect, "user", user.id) && user.rating > 0 && !user.isStaff)
          .map((user) => user.id);
        // Users of equal rating may come in any order.
        exactOrder = false;
      }
    } else if (JSON.stringify(body.applied) !== applied) {
      throw new Error(
        `${describeRequest(answer.request)}: page ${page} applied ${JSON.stringify(body.applied)}, ` +
          `page 1 ${applied}: the walk mixes two lists\n  dialect: ${describeDialect(dialect)}`,
      );
    }
    ids.push(...body.items.map((item) => item.id));
    if (!body.page.hasNext) break;
    if (page >= maxPages) {
      throw new Error(
        `${walk.route}: still hasNext after ${page} pages\n  dialect: ${describeDialect(dialect)}`,
      );
    }
  }
  try {
    if (ids.length !== expected.length) {
      const got = new Set(ids);
      const missing = expected.filter((id) => !got.has(id));
      throw new Error(
        `the walk yields ${ids.length} of ${expected.length} items; never reached: ` +
          `${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}`,
      );
    }
    checkRun("walk", ids, expected, { exactOrder, firstPage: true });
  } catch (error) {
    throw new Error(
      `${walk.route} walk (limit ${limit}): ${error instanceof Error ? error.message : String(error)}\n` +
        `  dialect: ${describeDialect(dialect)}\n  upstream:\n${describeLog(await worker.upstream.log())}`,
      { cause: error },
    );
  }
}
