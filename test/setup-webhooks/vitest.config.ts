import { defineConfig } from "vitest/config";

/** `pnpm setup-webhooks`, run as a child process against the emulator. */
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "setup-webhooks",
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One emulator, whose hooks every test reads: one test at a time.
    sequence: { concurrent: false },
  },
});
