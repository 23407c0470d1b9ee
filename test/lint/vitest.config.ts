import { defineConfig } from "vitest/config";

/** The repository's own lint rules (lint/), run by ESLint on fixtures made for each case. */
export default defineConfig({
  root: import.meta.dirname,
  test: { name: "lint", include: ["**/*.test.ts"], environment: "node" },
});
