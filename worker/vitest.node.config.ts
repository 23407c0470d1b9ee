import { defineConfig } from "vitest/config";

/**
 * The worker's unit tests (`*.unit.test.ts`) in plain Node, for mutation testing (stryker.config.mjs):
 * Stryker's Vitest runner needs Node's thread pool, and cannot drive the workerd pool of
 * vitest.config.ts. These tests import nothing from workerd, so `pnpm test` runs them in workerd
 * as well, with every other test.
 */
export default defineConfig({
  test: {
    name: "worker-unit",
    include: ["test/**/*.unit.test.ts"],
  },
});
