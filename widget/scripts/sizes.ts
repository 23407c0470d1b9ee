/**
 * Prints the gzip and brotli sizes of widget.js and every chunk of the script-tag build, and the
 * payload a board needs before its first row (widget.js with everything it imports statically;
 * every other chunk is imported dynamically, after the first rows or on use), and fails when
 * that payload is over budget. `pnpm bench` checks the same figure in Chromium, from the
 * scripts the browser actually fetched. Run after `vite build`: `node scripts/sizes.ts`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const BUDGET_GZIP = 15 * 1024;
const root = fileURLToPath(new URL("../dist/", import.meta.url));
const graph = JSON.parse(readFileSync(`${root}cdn-chunks.json`, "utf8")) as Record<
  string,
  { imports: string[]; dynamicImports: string[] }
>;

interface Size {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function measure(file: string): Size {
  const bytes = readFileSync(`${root}cdn/${file}`);
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`.padStart(9);
const row = (size: Size, label = size.file) =>
  `${label.padEnd(46)}${kb(size.raw)}${kb(size.gzip)}${kb(size.brotli)}`;

const sizes = Object.keys(graph)
  .sort((a, b) => (a === "widget.js" ? -1 : b === "widget.js" ? 1 : a.localeCompare(b)))
  .map(measure);

// The first render: the entry and, transitively, what it imports statically.
const firstRender = new Set<string>();
const visit = (file: string) => {
  if (firstRender.has(file)) return;
  firstRender.add(file);
  for (const imported of graph[file]?.imports ?? []) visit(imported);
};
visit("widget.js");
const total = sizes
  .filter((size) => firstRender.has(size.file))
  .reduce((sum, size) => ({
    file: "",
    raw: sum.raw + size.raw,
    gzip: sum.gzip + size.gzip,
    brotli: sum.brotli + size.brotli,
  }));

console.log(`${"file".padEnd(46)}${"raw".padStart(9)}${"gzip".padStart(9)}${"brotli".padStart(9)}`);
for (const size of sizes) console.log(row(size));
console.log(row(total, `before the first row (${[...firstRender].join(" + ")})`));
console.log(`budget: ${kb(BUDGET_GZIP).trim()} gzip before the first row`);
if (total.gzip > BUDGET_GZIP) {
  console.error(`over budget by ${kb(total.gzip - BUDGET_GZIP).trim()} gzip`);
  process.exit(1);
}
