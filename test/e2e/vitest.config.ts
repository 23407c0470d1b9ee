import { defineConfig } from "vitest/config";

/**
 * Browser end-to-end tests: real Chromium against the built widget, the worker under
 * `wrangler dev` and the emulator. One stack is started for the whole run (global-setup.ts).
 */
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "e2e",
    include: ["**/*.test.ts"],
    environment: "node",
    globalSetup: ["support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // Two cores: one file at a time keeps the browser and workerd from starving each other.
    fileParallelism: false,
  },
});
