import { defineConfig } from "vitest/config";

// Unit tests of the widget's pure parts, in Node. The elements themselves are tested in real
// Chromium, against the worker and the emulator: test/e2e.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
