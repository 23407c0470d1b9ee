/**
 * Upstream fuzzing, one variant of the grammar at a time, the rest canonical: which encoding
 * breaks the worker, by name (test/emulator/src/chaos/grammar.ts). Each case is a tour of every
 * `/v1` read route, checked as in upstream.test.ts.
 *
 * In a file of its own: workerd refuses an isolate more than ten thousand active timers, and in
 * this harness the worker's upstream timeouts (one per call) stay counted long after the call;
 * the tours make thousands of calls, as do the random visits.
 */
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import type { TopicSort } from "@userecho-edge/shared";
import { DIMENSIONS, type Dimension } from "@userecho-edge/emulator/chaos";
import { FUZZ_SEED } from "./index.ts";
import { oneVariant } from "./upstream/chaos.ts";
import { forumIds, limits, topicIds, topicQueries, type ReadRequest } from "./upstream/requests.ts";
import { quietLogs, runVisit, signInVisitor, tally, workerSettings } from "./upstream/run.ts";

/** Tours per variant. */
const RUNS_PER_VARIANT = 2;

const PREFIX = "v";

beforeAll(signInVisitor);
beforeEach(quietLogs);
afterAll(() => console.log(tally()));

/**
 * A board's visit touching every route: a topic by its link (before any list shows it, so its
 * forum must be proven), comments, forums, meta, a page of a forum's topics, the second page of
 * 60 (where a `limit` capped at 50 or 25 shows), an empty list (the empty forum, or a search without hits),
 * the leaderboard, and now and then the visitor's own votes.
 */
const tours: fc.Arbitrary<ReadRequest[]> = fc
  .record({
    topicId: topicIds,
    signedIn: fc.boolean(),
    commentsOf: topicIds,
    forumId: fc.constantFrom(1, 2),
    query: topicQueries,
    sort: fc.constantFrom<TopicSort>("top", "new", "updated", "discussed"),
    empty: fc.constantFrom<ReadRequest>(
      { route: "topics", forumId: 5, query: { page: 1, limit: 20, sort: "top" } },
      { route: "topics", forumId: 1, query: { page: 1, limit: 20, sort: "top", q: "zzqx" } },
    ),
    page: fc.integer({ min: 1, max: 3 }),
    limit: limits,
    votes: fc.option(forumIds, { nil: undefined, freq: 4 }),
  })
  .map(({ topicId, signedIn, commentsOf, forumId, query, sort, empty, page, limit, votes }) => [
    { route: "topic", topicId, signedIn },
    { route: "comments", topicId: commentsOf, page, limit },
    { route: "forums" },
    { route: "meta", forumId },
    { route: "topics", forumId, query },
    { route: "topics", forumId: 1, query: { page: 2, limit: 60, sort } },
    empty,
    { route: "users", page, limit },
    ...(votes === undefined ? [] : [{ route: "my-votes", forumId: votes, query } as const]),
  ]);

/**
 * One variant at a time, the rest canonical: which encoding breaks the worker, by name. Each
 * case is a tour of every route.
 */
describe("fuzz: one variant of the grammar at a time", () => {
  const cases = (Object.entries(DIMENSIONS) as [Dimension, readonly unknown[]][]).flatMap(
    // `mixed` only combines the other variants, which the random dialects above do too.
    ([dimension, values]) =>
      values
        .slice(1)
        .filter((value) => value !== "mixed")
        .map((value) => [dimension, value] as const),
  );
  it.for(cases)("%s = %s", { timeout: 120_000 }, async ([dimension, value]) => {
    await fc.assert(
      fc.asyncProperty(
        oneVariant(dimension, value),
        workerSettings,
        tours,
        (dialect, settings, tour) => runVisit(dialect, settings, tour, PREFIX),
      ),
      { numRuns: RUNS_PER_VARIANT, seed: FUZZ_SEED },
    );
  });
});
