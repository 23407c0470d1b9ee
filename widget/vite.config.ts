import { defineConfig } from "vite";

/**
 * The script-tag build: one self-contained ES module with Lit inside, under a stable name
 * (`widget.js`) for the `<script>` tag, and hashed chunks for anything loaded lazily, which the
 * worker serves with immutable caching (see public/_headers).
 */
export default defineConfig({
  build: {
    outDir: "dist/cdn",
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    lib: {
      entry: "src/cdn.ts",
      formats: ["es"],
      fileName: () => "widget.js",
    },
    rollupOptions: {
      output: {
        chunkFileNames: "chunks/[name]-[hash].js",
      },
    },
  },
});
