import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { minifyLiterals } from "./scripts/minify-literals.ts";

/**
 * The script-tag build: one self-contained ES module with Lit inside, under a stable name
 * (`widget.js`) for the `<script>` tag, and hashed chunks for what loads lazily (topic detail,
 * submit form, signed-in actions, non-English locales, `<userecho-top-users>`), which the worker
 * serves with immutable caching (see public/_headers).
 *
 * Not Vite's library mode: that keeps the entry's export signature strict, which splits code
 * shared with lazy chunks into an extra chunk `widget.js` must fetch before it can run.
 */
export default defineConfig({
  plugins: [
    minifyLiterals(),
    plainDynamicImports(),
    chunkGraph("dist/cdn-chunks.json"),
    apiDocument(),
  ],
  build: {
    outDir: "dist/cdn",
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    modulePreload: false,
    rollupOptions: {
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

/**
 * Writes which chunks each chunk imports statically and dynamically, so `scripts/sizes.ts` can
 * add up what the first render needs (the entry and its static imports) without guessing.
 */
function chunkGraph(file: string): Plugin {
  return {
    name: "userecho:chunk-graph",
    apply: "build",
    generateBundle(_options, bundle) {
      const graph: Record<string, { imports: string[]; dynamicImports: string[] }> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        graph[output.fileName] = {
          imports: output.imports,
          dynamicImports: output.dynamicImports,
        };
      }
      writeFileSync(file, JSON.stringify(graph, null, 2));
    },
  };
}

/**
 * Replaces Vite's dynamic-import preload helper with a plain call. Vite wraps each `import()` in
 * a helper that fetches the chunk's own imports alongside and reports failures through a
 * `vite:preloadError` event; with `modulePreload: false` the list it preloads is always empty,
 * yet the helper cost the first render about 0.4 KB gzip. Chunk failures are handled where each
 * chunk is loaded.
 */
function plainDynamicImports(): Plugin {
  return {
    name: "userecho:plain-dynamic-imports",
    apply: "build",
    renderChunk: {
      order: "post",
      handler(code) {
        const start = code.lastIndexOf("\n// ", code.indexOf("vite/preload-helper.js\n")) + 1;
        if (start <= 0) return null;
        const end = code.indexOf("\n// ", start + 1);
        const plain = "var __vitePreload = (load) => load();\n";
        const unwrapped = (code.slice(0, start) + plain + (end < 0 ? "" : code.slice(end + 1)))
          // The common form, `import("./chunks/x.js")` alone, needs no wrapper at all.
          .replace(
            /__vitePreload\(\(\) => (import\("[^"]+"\)),\s*(?:__VITE_PRELOAD__|\[\])\)/g,
            "$1",
          );
        return { code: unwrapped, map: null };
      },
    },
  };
}
