/**
 * Upstream fuzzing (issue 18): the worker against UserEcho answers drawn from the grammar of
 * plausible encodings (the emulator's chaos profile, test/emulator/src/chaos). For every `/v1`
 * read: no 500; lists answer 200 with every usable item; page walks are exact; nothing of a
 * private forum appears; no e-mail address, private field or upstream message text leaks; errors
 * are problem+json with a status that fits (502/503/504 only when UserEcho failed).
 *
 * Each case registers its own dialect under a fresh key, so its worker has an upstream of its
 * own. fast-check shrinks a failing dialect towards the canonical one: a counterexample names
 * only the variants it needs. One variant at a time: upstream-variants.test.ts; deep links:
 * upstream-deep-links.test.ts; a broken boundary failing all this: upstream-mutants.test.ts.
 */
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { FUZZ_SEED } from "./index.ts";
import { dialects } from "./upstream/chaos.ts";
import { visits } from "./upstream/requests.ts";
import {
  quietLogs,
  runVisit,
  runWalk,
  signInVisitor,
  tally,
  walks,
  workerSettings,
} from "./upstream/run.ts";

/** Cases per property. */
const UPSTREAM_RUNS = { visits: 120, walks: 20 } as const;

const PREFIX = "u";

beforeAll(signInVisitor);
beforeEach(quietLogs);
afterAll(() => console.log(tally()));

describe("fuzz: the worker against every plausible UserEcho", () => {
  it(
    `keeps every invariant over random dialects and visits (${UPSTREAM_RUNS.visits} cases)`,
    { timeout: 300_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(dialects(), workerSettings, visits, (dialect, settings, requests) =>
          runVisit(dialect, settings, requests, PREFIX),
        ),
        { numRuns: UPSTREAM_RUNS.visits, seed: FUZZ_SEED },
      );
    },
  );

  it(
    `walks every list exactly, whatever UserEcho caps (${UPSTREAM_RUNS.walks} cases)`,
    { timeout: 300_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          dialects({ hardFailures: 0 }),
          workerSettings,
          walks,
          (dialect, settings, walk) => runWalk(dialect, settings, walk, PREFIX),
        ),
        { numRuns: UPSTREAM_RUNS.walks, seed: FUZZ_SEED },
      );
    },
  );
});
