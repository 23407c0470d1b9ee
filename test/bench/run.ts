/**
 * `pnpm bench`: first the worker on its own (the production bundle in workerd, loaded by wrk;
 * workerd.bench.ts), then the end-to-end suites through `wrangler dev` with the emulator (fresh
 * local state): coalescing and mixed load; the widget and Lighthouse on pages served without the
 * dev server (page-server.ts); sustained load. Prints the numbers and
 * records them in docs/BENCHMARKS.md. Targets are reported, never asserted: benchmarks inform,
 * tests decide. `--quick` shortens every run, for trying the bench out; `--memory-seconds=N`
 * sets the length of the workerd memory run (60 s by default); `--workerd-only` runs and prints
 * just the worker's own section and leaves docs/BENCHMARKS.md alone, unless `--record` is given too,
 * which replaces just that section there; `--widget-only` runs the widget's and Lighthouse's
 * suites and replaces just those two sections of docs/BENCHMARKS.md.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT, startStack } from "../stack.ts";
import { cacheBenchmarks, cacheMarkdown } from "./cache.bench.ts";
import { lighthouseBenchmarks, lighthouseMarkdown } from "./lighthouse.bench.ts";
import { loadMarkdown, sustainedLoad } from "./load.bench.ts";
import { startPageServer } from "./page-server.ts";
import { widgetBenchmarks, widgetMarkdown } from "./widget.bench.ts";
import { printRatios, workerdBenchmarks, workerdMarkdown } from "./workerd.bench.ts";
import { startHarness } from "./workerd-harness.ts";
import { WRK_MISSING, wrkInstalled } from "./wrk.ts";

const quick = process.argv.includes("--quick");
// e.g. --memory-seconds=300: a longer memory run, to tell a plateau from a slow leak.
const memorySeconds = Number(
  process.argv.find((arg) => arg.startsWith("--memory-seconds="))?.split("=")[1] ?? Number.NaN,
);
const log = (line: string) => console.log(line);

/** Not measured (nothing local has Workers Cache), but the first thing a reader of costs needs. */
const WORKERS_CACHE = `## With Workers Cache on (production): what a hit costs the worker

Nothing, by design. With \`[cache] enabled = true\` (wrangler.toml), Cloudflare answers a fresh hit
from its own tiered cache before the worker is invoked: no isolate, no CPU time (Cloudflare bills
the request, not CPU), no upstream call, no request log line, no rate-limit count. It cannot be
measured here: neither Miniflare nor \`wrangler dev\` has Workers Cache (docs/RELIABILITY.md,
"Workers Cache: what only production can show"). The rows above are what the worker costs where
the edge does not answer: the first request for a page at a tier, one revalidation per page and
fresh TTL, signed-in reads, searches, partners' first request per key, and every request on a
deployment without Workers Cache (or under \`pnpm dev\`), where the memory and Cache API tiers
above are the cache.
`;

const workerdOnly = process.argv.includes("--workerd-only");
const widgetOnly = process.argv.includes("--widget-only");
const sections: string[] = [];

/**
 * The widget's pages without the dev server in the way (page-server.ts): its build as static
 * files, /v1 on the same origin to the production bundle in workerd. Returns its two sections.
 */
async function widgetSections(): Promise<[string, string]> {
  const widgetWorker = await startHarness({ rateLimit: 1_000_000_000, rateLimiter: "in-isolate" });
  const pages = await startPageServer(join(ROOT, "widget/dist/cdn"), widgetWorker.workerUrl);
  try {
    log(`widget pages: ${pages.url} (static files; /v1 to workerd ${widgetWorker.workerUrl})`);
    const widget = await widgetBenchmarks({ workerUrl: pages.url }, log, quick ? 3 : 7);
    const lighthouse = await lighthouseBenchmarks({ workerUrl: pages.url }, log, quick ? 1 : 3);
    return [widgetMarkdown(widget), lighthouseMarkdown(lighthouse)];
  } finally {
    await pages.close();
    await widgetWorker.dispose();
  }
}

/** Replaces each section, from its heading to the next one of its level, in docs/BENCHMARKS.md. */
function recordSections(replacements: readonly string[]): void {
  const file = join(ROOT, "docs/BENCHMARKS.md");
  let recorded = readFileSync(file, "utf8");
  for (const section of replacements) {
    const heading = section.slice(0, section.indexOf("\n"));
    const start = recorded.indexOf(`${heading}\n`);
    if (start < 0) throw new Error(`docs/BENCHMARKS.md has no "${heading}"`);
    const next = recorded.indexOf("\n## ", start + heading.length);
    recorded = recorded.slice(0, start) + section + (next < 0 ? "" : recorded.slice(next));
  }
  writeFileSync(file, recorded);
}

if (widgetOnly) {
  recordSections(await widgetSections());
  log("recorded the widget's sections in docs/BENCHMARKS.md");
  process.exit(0);
}

if (!wrkInstalled()) {
  console.error(WRK_MISSING);
  process.exit(1);
}

// The worker alone goes first, before the dev servers of the other suites have run.
const workerdOptions = {
  ...(quick
    ? { durationS: 3, rounds: 1, memoryDurationS: 10, startupRuns: 1, costTtls: 3 }
    : { durationS: 10, rounds: 2, memoryDurationS: 60, startupRuns: 5, costTtls: 6 }),
  ...(memorySeconds > 0 ? { memoryDurationS: memorySeconds } : {}),
};
const workerd = await workerdBenchmarks(log, workerdOptions);
printRatios(workerd, log);
sections.push(workerdMarkdown(workerd, workerdOptions));
if (workerdOnly) {
  log(sections[0]!);
  if (process.argv.includes("--record")) {
    recordSections([sections[0]!]);
    log("recorded the worker's section in docs/BENCHMARKS.md");
  }
  process.exit(0);
}
sections.push(WORKERS_CACHE);

const fresh = () => startStack({ persistTo: mkdtempSync(join(tmpdir(), "userecho-edge-bench-")) });
const stack = await fresh();
try {
  log(`wrangler dev: worker ${stack.workerUrl}, emulator ${stack.emulatorUrl}`);
  const cache = await cacheBenchmarks(stack, log, quick ? 10 : 60);
  sections.push(cacheMarkdown(cache));
} finally {
  await stack.stop();
}
sections.push(...(await widgetSections()));
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
Node ${process.version}. The worker's own figures come from its production bundle in workerd,
loaded by wrk on the same machine, with each row's CPU accounted for. The widget and Lighthouse
load their pages from the widget's build, served as static files, with \`/v1\` passed on to the
same production bundle in workerd (\`test/bench/page-server.ts\`); the cache and load sections
run end to end through \`wrangler dev\`, whose figures are the dev server's. Re-run with
\`npx --yes pnpm@10.34.9 bench\` (needs \`wrk\`, and measures the widget in Chromium's headless
shell when it is installed: \`apt-get install -y wrk chromium-headless-shell\`).
`;
writeFileSync(join(ROOT, "docs/BENCHMARKS.md"), [header, ...sections].join("\n"));
log("recorded in docs/BENCHMARKS.md");
