import { defineConfig } from "vite";
import { chunkGraph, plainDynamicImports, staticImportsOf } from "./scripts/cdn-plugins.ts";
import { minifyLiterals } from "./scripts/minify-literals.ts";

/**
 * The script-tag build, part one: the board. Lit, what the elements share and
 * `<userecho-feedback>` in one hashed chunk (`chunks/board-[hash].js`), which `widget.js` fetches
 * once the page has an element drawn with Lit, and the chunks that load lazily from it (topic
 * detail, submit form, signed-in actions, filters and paging, non-English strings, the other
 * Lit elements). Built first; `vite.config.ts` builds `widget.js` against its output.
 *
 * Not Vite's library mode: that keeps the entry's export signature strict, which splits code
 * shared with lazy chunks into an extra chunk the board must fetch before it can run.
 */
const board = new Set<string>();

export default defineConfig({
  publicDir: false,
  plugins: [
    minifyLiterals(),
    staticImportsOf("src/board.ts", board),
    plainDynamicImports(),
    chunkGraph("dist/cdn-board-chunks.json"),
  ],
  build: {
    outDir: "dist/cdn",
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    modulePreload: false,
    rollupOptions: {
      optimization: { inlineConst: { mode: "all", pass: 2 } },
      input: { board: "src/board.ts" },
      preserveEntrySignatures: "allow-extension",
      output: {
        entryFileNames: "chunks/[name]-[hash].js",
        chunkFileNames: "chunks/[name]-[hash].js",
        codeSplitting: { groups: [{ name: "board", test: (id) => board.has(id) }] },
      },
    },
  },
});
