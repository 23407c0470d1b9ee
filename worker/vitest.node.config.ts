import { defineConfig } from "vitest/config";

// workerd runs in UTC, where a time read as local and one read as UTC agree: far from UTC, the
// Node run tells them apart (UserEcho's zoneless times are UTC, normalise/values.ts). Set before
// the test threads start, which take the zone of the process.
process.env.TZ = "Pacific/Chatham";

/**
 * The worker's unit tests in plain Node, part of `pnpm test` and what mutation testing runs
 * (stryker.config.mjs): Stryker's Vitest runner needs Node's thread pool, and cannot drive the
 * workerd pool of vitest.config.ts.
 *
 * - `*.unit.test.ts` import nothing from workerd, so vitest.config.ts runs them in workerd too.
 * - `*.node.test.ts` drive a real workerd from Node, through Miniflare (the Cache API and KV).
 */
export default defineConfig({
  test: {
    name: "worker-unit",
    include: ["test/**/*.unit.test.ts", "test/**/*.node.test.ts"],
    // One worker for every file: Stryker runs them again for each mutant, and importing jose,
    // parse5 and zod anew each time would cost more than the tests.
    isolate: false,
  },
});
