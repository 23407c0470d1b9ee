import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const LOAD_BOARD = fileURLToPath(new URL("src/load-board.ts", import.meta.url));
const LOAD_BOARD_NPM = fileURLToPath(new URL("src/load-board.npm.ts", import.meta.url));

/**
 * The launcher fetches the board with `loadBoard()`. The script-tag build's version imports the
 * board's hashed file from beside `widget.js`, a layout only that build has; here it is
 * `load-board.npm.ts`, a plain `import("./board.ts")` that the app's bundler splits and lays out.
 */
function npmBoardLoader(): Plugin {
  return {
    name: "userecho-npm-board-loader",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!source.endsWith("load-board.ts")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === LOAD_BOARD ? LOAD_BOARD_NPM : resolved;
    },
  };
}

/**
 * The npm build: ES modules for bundlers, with `lit` left as a dependency (external) so an app
 * that already uses Lit ships one copy. Entries: `index.js` (classes, `configure`, no side
 * effects, safe to import during SSR) and `define.js` (registers the elements); the board, the
 * launcher's dialog and the other parts loaded on use are chunks. Types come from
 * `tsc -p tsconfig.build.json`, the manifest from `cem analyze`.
 */
export default defineConfig({
  publicDir: false,
  plugins: [npmBoardLoader()],
  build: {
    outDir: "dist/npm",
    emptyOutDir: true,
    target: "es2022",
    minify: false,
    lib: {
      entry: { index: "src/index.ts", define: "src/define.ts" },
      formats: ["es"],
    },
    rollupOptions: {
      external: [/^lit(\/|$)/, /^@lit\//],
      output: {
        chunkFileNames: "chunks/[name]-[hash].js",
      },
    },
  },
});
