/**
 * Upstream fuzzing, deep links: a topic asked for by its id before any list has shown it, as a
 * shared link or the launcher's `open(topicId)` does. Its forum must be proven against every
 * plausible UserEcho: a topic of a public forum answers 200, one of a private forum or a
 * knowledge base 404 (its comments too), whatever the encoding.
 *
 * In a file of its own: the worker remembers, per isolate, which forum listed a topic, and the
 * other upstream suites list every topic many times over; here no list ever runs, so each
 * topic's first case proves its forum.
 */
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { FUZZ_SEED } from "./index.ts";
import { dialects } from "./upstream/chaos.ts";
import { limits, topicIds } from "./upstream/requests.ts";
import { quietLogs, runVisit, signInVisitor, tally, workerSettings } from "./upstream/run.ts";

const DEEP_LINK_RUNS = 100;

beforeAll(signInVisitor);
beforeEach(quietLogs);
afterAll(() => console.log(tally()));

describe("fuzz: deep links against every plausible UserEcho", () => {
  it(
    `a topic by its id, and its comments, answer as its forum says (${DEEP_LINK_RUNS} cases)`,
    { timeout: 300_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          dialects(),
          workerSettings,
          topicIds,
          fc.boolean(),
          limits,
          (dialect, settings, topicId, signedIn, limit) =>
            runVisit(
              dialect,
              settings,
              [
                { route: "topic", topicId, signedIn },
                { route: "comments", topicId, page: 1, limit },
              ],
              "d",
            ),
        ),
        { numRuns: DEEP_LINK_RUNS, seed: FUZZ_SEED },
      );
    },
  );
});
