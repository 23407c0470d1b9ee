import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { chunkGraph, plainDynamicImports, type ChunkGraph } from "./scripts/cdn-plugins.ts";
import { minifyLiterals } from "./scripts/minify-literals.ts";

/**
 * The script-tag build, part two: `widget.js`, the one file a page includes, under a stable
 * name, with the launcher as a chunk of its own; plus the demo, examples and test pages from
 * `public/`. No Lit: a page with a launcher alone downloads a few kilobytes until the visitor
 * reaches for it. `widget.js` fetches the board (`vite.board.config.ts`, built first into the
 * same folder) by its hashed name, given to it here as `__USERECHO_BOARD__`.
 *
 * Two builds rather than one: in one graph the bundler puts what `widget.js` and the board
 * share (the page-wide settings) in a chunk of its own, or wraps the board's module namespace in
 * a runtime helper chunk, a third file before the first row either way. `internal/config.ts`
 * and the other modules both builds use are built for two copies on one page (their state lives
 * on `globalThis`), which is what this makes of them.
 */
const boardGraph = JSON.parse(readFileSync("dist/cdn-board-chunks.json", "utf8")) as ChunkGraph;
const board = Object.keys(boardGraph).find((file) => boardGraph[file]!.isEntry);
if (!board) throw new Error("Build the board first: vite build -c vite.board.config.ts");

export default defineConfig({
  plugins: [
    minifyLiterals(),
    plainDynamicImports(),
    chunkGraph("dist/cdn-chunks.json"),
    apiDocument(),
  ],
  define: { __USERECHO_BOARD__: JSON.stringify(`./${board}`) },
  build: {
    outDir: "dist/cdn",
    emptyOutDir: false,
    target: "es2022",
    minify: true,
    modulePreload: false,
    rollupOptions: {
      optimization: { inlineConst: { mode: "all", pass: 2 } },
      input: { widget: "src/cdn.ts" },
      preserveEntrySignatures: "allow-extension",
      output: {
        entryFileNames: "widget.js",
        chunkFileNames: "chunks/[name]-[hash].js",
      },
    },
  },
});

/**
 * This directory is also the worker's static assets (wrangler.toml `[assets]`). The `/v1`
 * OpenAPI document rides along as `openapi.json`, generated from the route declarations
 * (shared/openapi.json): the worker serves it at /v1/openapi.json from here, so the document
 * costs its bundle nothing.
 */
function apiDocument(): Plugin {
  return {
    name: "userecho:api-document",
    apply: "build",
    generateBundle() {
      const file = fileURLToPath(import.meta.resolve("@userecho-edge/shared/openapi.json"));
      this.emitFile({ type: "asset", fileName: "openapi.json", source: readFileSync(file) });
    },
  };
}
