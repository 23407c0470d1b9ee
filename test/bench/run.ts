/**
 * `pnpm bench`: starts the worker under `wrangler dev` with the emulator (fresh local state),
 * runs every benchmark suite, prints the numbers and records them in docs/BENCHMARKS.md.
 * Targets are reported, never asserted: benchmarks inform, tests decide.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT, startStack } from "../../scripts/stack.ts";
import { cacheBenchmarks, cacheMarkdown } from "./cache.bench.ts";
import { lighthouseBenchmarks, lighthouseMarkdown } from "./lighthouse.bench.ts";
import { loadMarkdown, sustainedLoad } from "./load.bench.ts";
import { widgetBenchmarks, widgetMarkdown } from "./widget.bench.ts";

const quick = process.argv.includes("--quick");
const log = (line: string) => console.log(line);

const fresh = () => startStack({ persistTo: mkdtempSync(join(tmpdir(), "userecho-edge-bench-")) });
const stack = await fresh();
const sections: string[] = [];
try {
  log(`worker ${stack.workerUrl}, emulator ${stack.emulatorUrl}`);
  const cache = await cacheBenchmarks(stack, log, quick ? 10 : 60);
  sections.push(cacheMarkdown(cache));
  const widget = await widgetBenchmarks(stack, log, quick ? 3 : 7);
  sections.push(widgetMarkdown(widget));
  sections.push(lighthouseMarkdown(await lighthouseBenchmarks(stack, log)));
} finally {
  await stack.stop();
}
// The sustained load gets a stack of its own: its memory figures should not carry what the
// earlier suites left in the dev server.
const loadStack = await fresh();
try {
  const load = await sustainedLoad(loadStack, log, quick ? 10 : 60);
  sections.push(loadMarkdown(load));
} finally {
  await loadStack.stop();
}

const header = `# Benchmarks

Recorded by \`pnpm bench\` (${quick ? "quick run, " : ""}${new Date().toISOString()}) on this project's
machine kind: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB,
Node ${process.version}. Worker and emulator run under \`wrangler dev\` on loopback, sharing the two
cores with the load generator, so absolute numbers are modest; the ratios are what the targets
are about. Re-run with \`npx --yes pnpm@10.34.9 bench\`.
`;
writeFileSync(join(ROOT, "docs/BENCHMARKS.md"), [header, ...sections].join("\n"));
log("recorded in docs/BENCHMARKS.md");
