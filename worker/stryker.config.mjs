// @ts-check
import { fileURLToPath } from "node:url";

/**
 * Mutation testing (`pnpm mutation`): Stryker changes the code below one slip at a time and
 * runs the unit tests against each change; a change no test notices is a surviving mutant.
 * docs/RELIABILITY.md, "Mutation testing", records the last run and explains each survivor.
 *
 * The modules are those where a slip is a security or data-loss bug. This list and the
 * thresholds are the one place to change: a module joins by being named here, with its pure
 * logic covered by `*.unit.test.ts` files (vitest.node.config.ts runs them in Node, since
 * Stryker cannot drive the workerd pool).
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  mutate: [
    // The sanitiser.
    "src/sanitize/escape.ts",
    "src/sanitize/index.ts",
    "src/sanitize/plain-text.ts",
    // Identity (site JWTs) and SSO (the sso_token UserEcho trusts).
    "src/identity/claims.ts",
    "src/identity/config.ts",
    "src/identity/errors.ts",
    "src/identity/options.ts",
    "src/identity/to-sso.ts",
    "src/identity/verify.ts",
    "src/sso/cipher.ts",
    "src/sso/index.ts",
    "src/sso/locales.ts",
    "src/sso/php.ts",
    "src/sso/user-document.ts",
    // Config parsing: origins, forums, timeouts.
    "src/config/index.ts",
    // Rate limits, idempotency (the ledger's rules; the Durable Object itself runs in workerd),
    // paging, API keys.
    "src/middleware/rate-limit/index.ts",
    "src/idempotency/entry.ts",
    "src/idempotency/outcome.ts",
    "src/board/paging.ts",
    "src/api-keys/index.ts",
    // The upstream boundary and the cache's keys and generations.
    "src/upstream/inferred.ts",
    "src/upstream/normalise/values.ts",
    "src/upstream/normalise/entities.ts",
    "src/upstream/normalise/envelope.ts",
    "src/upstream/normalise/paging.ts",
    "src/upstream/normalise/hooks.ts",
    "src/cache/keys.ts",
    "src/cache/generations.ts",
  ],
  testRunner: "vitest",
  // By path: pnpm keeps the runner out of the core's sight, so its name alone is not found.
  plugins: [fileURLToPath(import.meta.resolve("@stryker-mutator/vitest-runner"))],
  vitest: { configFile: "vitest.node.config.ts", related: false },
  coverageAnalysis: "perTest",
  // Mutants of module-level constants (allow-lists, patterns, schemas, tables) take effect only
  // when a module loads, so each needs every test again in a fresh process: 242 of them, about
  // 45 s each, would take hours. They are left out of the score; the tables they would change
  // have tests of their own. `pnpm mutation --ignoreStatic false` runs them too.
  ignoreStatic: true,
  // Below `break`, `pnpm mutation` fails.
  thresholds: { high: 90, low: 85, break: 85 },
  // Only mutants of changed code run again; the rest is read from this file, kept in the repo.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation.json" },
  concurrency: 2,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
