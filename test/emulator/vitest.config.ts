import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve paths from this folder, whichever directory vitest is started in.
  root: import.meta.dirname,
  plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
  test: { name: "emulator", include: ["test/**/*.test.ts"] },
});
