import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      "./lint/vitest.config.ts",
      "./deploy/vitest.config.ts",
      "./faults/vitest.config.ts",
      "./check-userecho/vitest.config.ts",
      "./setup-webhooks/vitest.config.ts",
      "./e2e/vitest.config.ts",
    ],
  },
});
