import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/** The widget's folder, which the chunk graph's module paths are relative to. */
const root = fileURLToPath(new URL("..", import.meta.url));

/** What `chunkGraph` writes: each chunk of one build with its modules and the chunks it imports. */
export type ChunkGraph = Record<
  string,
  {
    name: string;
    isEntry: boolean;
    imports: string[];
    dynamicImports: string[];
    /** The modules in the chunk, relative to the widget's folder (see `chunk-map.ts`). */
    modules: string[];
  }
>;

/**
 * Writes which chunks each chunk imports statically and dynamically, and the modules it holds,
 * so `scripts/sizes.ts` can add up what a page needs before its first row, or before a
 * launcher's first open, without guessing, and `scripts/chunk-map.ts` can say what loads when.
 */
export function chunkGraph(file: string): Plugin {
  return {
    name: "userecho:chunk-graph",
    apply: "build",
    generateBundle(_options, bundle) {
      const graph: ChunkGraph = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        graph[output.fileName] = {
          name: output.name,
          isEntry: output.isEntry,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          modules: output.moduleIds.map((id) => relative(root, id)),
        };
      }
      // Before Vite writes the bundle, so on a fresh clone the folder is not there yet.
      mkdirSync(dirname(file), { recursive: true });
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
export function plainDynamicImports(): Plugin {
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
          // The common forms, `import("./chunks/x.js")` alone or with the export it is after
          // (`.then((n) => n.t)`), need no wrapper at all.
          .replace(
            /__vitePreload\(\(\) => (import\("[^"]+"\)(?:\.then\(\((\w+)\) => \2\.\w+\))?),\s*(?:__VITE_PRELOAD__|\[\])\)/g,
            "$1",
          );
        return { code: unwrapped, map: null };
      },
    },
  };
}

/**
 * Names the modules `entry` imports statically, transitively: `firstLoad` fills `into` once the
 * module graph is known, for a `codeSplitting` group that keeps them all in the entry's chunk.
 */
export function staticImportsOf(entry: string, into: Set<string>): Plugin {
  return {
    name: "userecho:static-imports",
    apply: "build",
    buildEnd() {
      const root = [...this.getModuleIds()].find((id) => id.endsWith(entry));
      const visit = (id: string) => {
        if (into.has(id)) return;
        into.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
      };
      if (root) visit(root);
    },
  };
}
