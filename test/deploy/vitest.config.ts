import { defineConfig } from "vitest/config";

/** Deploy readiness: what `wrangler deploy` would upload, built for real (dry run). */
export default defineConfig({
  root: import.meta.dirname,
  test: { name: "deploy", include: ["**/*.test.ts"], environment: "node", testTimeout: 120_000 },
});
