import { defineConfig } from "vite";

/**
 * The npm build: ES modules for bundlers, with `lit` left as a dependency (external) so an app
 * that already uses Lit ships one copy. Entries: `index.js` (classes, `configure`, no side
 * effects, safe to import during SSR) and `define.js` (registers the elements). Types come from
 * `tsc -p tsconfig.build.json`, the manifest from `cem analyze`.
 */
export default defineConfig({
  publicDir: false,
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
