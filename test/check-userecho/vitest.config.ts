import { defineConfig } from "vitest/config";

/** `pnpm check-userecho`, run as a child process against the emulator in each profile. */
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "check-userecho",
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
