/**
 * Prints the gzip and brotli sizes of widget.js and every chunk of the script-tag build, and the
 * JavaScript two pages need, and fails when either is over budget:
 *
 * - a page with one `<userecho-feedback>`, before its first row: widget.js and the board, each
 *   with what it imports statically (every other chunk is imported after the first rows, or on
 *   use);
 * - a page with one `<userecho-launcher>`, before the visitor first reaches for it: widget.js
 *   and the launcher's chunk (the board comes on hover, focus or open).
 *
 * `pnpm bench` measures the same in Chromium, from the scripts the browser actually fetched.
 * Run after both `vite build`s: `node scripts/sizes.ts`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import budgetsOf from "../budgets.json" with { type: "json" };
import type { ChunkGraph } from "./cdn-plugins.ts";

const root = fileURLToPath(new URL("../dist/", import.meta.url));
const graph: ChunkGraph = Object.assign(
  {},
  ...["cdn-board-chunks.json", "cdn-chunks.json"].map(
    (file) => JSON.parse(readFileSync(root + file, "utf8")) as ChunkGraph,
  ),
);

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

/** The chunk named `name` (its entry module's file name), e.g. `board`. */
function chunk(name: string): string {
  const found = Object.keys(graph).find((file) => graph[file]!.name === name);
  if (!found) throw new Error(`no chunk named ${name}`);
  return found;
}

/** The files `entries` need before they run: each, and what it imports statically. */
function payload(entries: string[]): { files: string[]; total: Size } {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of graph[file]?.imports ?? []) visit(imported);
  };
  entries.forEach(visit);
  const total = sizes
    .filter((size) => files.has(size.file))
    .reduce((sum, size) => ({
      file: "",
      raw: sum.raw + size.raw,
      gzip: sum.gzip + size.gzip,
      brotli: sum.brotli + size.brotli,
    }));
  return { files: [...files], total };
}

// budgets.json: bytes of gzip, also read by `pnpm bench`, which measures the same in Chromium.
const budgets = [
  {
    page: "board, before the first row",
    entries: ["widget.js", chunk("board")],
    gzip: budgetsOf.boardBeforeFirstRow,
  },
  {
    page: "launcher, before the first open",
    entries: ["widget.js", chunk("userecho-launcher")],
    gzip: budgetsOf.launcherBeforeOpen,
  },
];

console.log(`${"file".padEnd(46)}${"raw".padStart(9)}${"gzip".padStart(9)}${"brotli".padStart(9)}`);
for (const size of sizes) console.log(row(size));
let over = false;
for (const budget of budgets) {
  const { files, total } = payload(budget.entries);
  console.log(row(total, `${budget.page} (${files.length} files)`));
  console.log(
    `  ${files.join(" + ")}: ${total.gzip} of ${budget.gzip} bytes gzip (${budget.gzip - total.gzip} left)`,
  );
  if (total.gzip > budget.gzip) {
    console.error(`  over budget by ${total.gzip - budget.gzip} bytes gzip`);
    over = true;
  }
}
if (over) process.exit(1);
