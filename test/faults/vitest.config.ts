import { defineConfig } from "vitest/config";

/** The fault matrix, against the worker under `wrangler dev` and the emulator. */
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "faults",
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
