import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ROOT, type Stack } from "../stack.ts";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser.ts";

export interface BundleSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface WidgetBenchResults {
  sizes: BundleSize[];
  firstRender: BundleSize;
  /** Every script Chromium fetched before the first topic row was in the DOM, and their sum. */
  beforeFirstRow: { files: BundleSize[]; total: BundleSize };
  /** `cold` first, then `intl-started`. */
  paint: PaintRuns[];
  /** The browser measured in, and its version. */
  browser: string;
}

const DIST = join(ROOT, "widget/dist/cdn");

/** Debian's build of Chromium's headless shell (`apt-get install -y chromium-headless-shell`). */
export const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

/**
 * The browser the widget is measured in, set up so that the page's main thread competes with as
 * little as possible that a visitor's browser would not run beside it:
 * - Chromium's headless shell, when installed. Full Chromium in headless mode runs its browser
 *   UI, including a WebUI renderer (the omnibox popup) that it starts for every new context:
 *   traced on this machine's 2 cores, that renderer used more CPU than the page under test
 *   while the page loaded, and stretched the page's tasks to two or three times their CPU time.
 *   The shell runs the same Blink and V8, without the browser UI. (Playwright uses the same
 *   shell for its own headless runs.)
 * - Hosts other than this machine fail inside Chromium's resolver (avatars come from Gravatar),
 *   not in a Playwright route: a route sends every request of the page, the widget's own
 *   included, through the test process and back while the page renders.
 */
async function launchBenchBrowser(
  log: (line: string) => void,
): Promise<{ browser: Browser; name: string }> {
  const shell = existsSync(HEADLESS_SHELL);
  if (!shell) {
    log(
      `${HEADLESS_SHELL} not found (apt-get install -y chromium-headless-shell): measuring in full Chromium, whose own UI renderer competes with the page`,
    );
  }
  const browser = await launchBrowser({
    ...(shell ? { executablePath: HEADLESS_SHELL } : {}),
    args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  });
  const name = `${shell ? "Chromium's headless shell" : "Chromium, headless"} ${browser.version()}`;
  return { browser, name };
}

/** gzip -9 and brotli -11 of one file of the script-tag build. */
function sizeOf(file: string): BundleSize {
  const bytes = readFileSync(join(DIST, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

/** gzip -9 and brotli -11 of every script of the script-tag build. */
export function bundleSizes(): BundleSize[] {
  const files = ["widget.js", ...readdirSync(join(DIST, "chunks")).map((f) => `chunks/${f}`)];
  return files
    .filter((file) => file.endsWith(".js") && statSync(join(DIST, file)).isFile())
    .map(sizeOf);
}

/**
 * What a page with one `<userecho-feedback>` and nothing else downloads before its first row:
 * in Chromium, every JavaScript response whose request started before the first `.topic` row
 * was in the DOM (widget.js, and any chunk it pulled in by then), each measured as gzip -9 of
 * the file served. Not one file: the sum of all of them.
 */
export async function scriptsBeforeFirstRow(
  browser: Browser,
  stack: Pick<Stack, "workerUrl">,
): Promise<{ files: BundleSize[]; total: BundleSize }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.workerUrl}/test-pages/fifty.html`);
  const scripts = await page.evaluate(async () => {
    const board = document.querySelector("userecho-feedback")!;
    await customElements.whenDefined("userecho-feedback");
    await new Promise<void>((resolve) => {
      const check = () =>
        board.shadowRoot?.querySelector(".topic") ? resolve() : requestAnimationFrame(check);
      check();
    });
    const now = performance.now();
    return performance
      .getEntriesByType("resource")
      .filter((entry) => entry.startTime <= now && new URL(entry.name).pathname.endsWith(".js"))
      .map((entry) => new URL(entry.name).pathname.slice(1));
  });
  await context.close();
  const files = scripts.map(sizeOf);
  const total = files.reduce(
    (sum, size) => ({
      file: "",
      raw: sum.raw + size.raw,
      gzip: sum.gzip + size.gzip,
      brotli: sum.brotli + size.brotli,
    }),
    { file: "total", raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

/**
 * How the page stands before the widget loads. Chromium starts ICU on a page's first Intl call,
 * a one-time cost of 20–130 ms in one task that no script can split; the widget's dates and
 * counts need Intl. `cold`: the widget is the page's first Intl user and pays it. `intl-started`:
 * the page used Intl before (as any page that formats a date does), so what remains is the
 * widget's own work.
 */
export type PageStart = "cold" | "intl-started";

export interface PaintRuns {
  start: PageStart;
  runs: number[];
  median: number;
  /** Median time to the frame that shows the first topics (the first batch of ten). */
  firstRowsMedian: number;
  longTasks: { count: number; over50: number; maxMs: number };
}

/**
 * In Chromium, with the API warm: from the moment widget.js starts loading to the first paint
 * with 50 topics on screen, and every long task (> 50 ms) on the page's main thread from then.
 */
export async function widgetBenchmarks(
  stack: Pick<Stack, "workerUrl">,
  log: (line: string) => void,
  runs = 7,
): Promise<WidgetBenchResults> {
  const sizes = bundleSizes();
  const firstRender = sizes.find((s) => s.file === "widget.js")!;
  log(
    `widget.js ${kb(firstRender.raw)} raw, ${kb(firstRender.gzip)} gzip, ${kb(firstRender.brotli)} brotli`,
  );

  // Warm the API (the edge cache) so the measurement is the widget's own cost.
  await fetch(`${stack.workerUrl}/v1/forums/1/topics?limit=50`);
  const { browser, name } = await launchBenchBrowser(log);
  try {
    const beforeFirstRow = await scriptsBeforeFirstRow(browser, stack);
    log(
      `JavaScript before the first row: ${beforeFirstRow.files.map((f) => f.file).join(" + ")} = ${kb(beforeFirstRow.total.gzip)} gzip (budget 15 KB)`,
    );
    const paint: PaintRuns[] = [];
    for (const start of ["cold", "intl-started"] as const) {
      paint.push(await paintRuns(browser, stack, start, runs, log));
    }
    return { sizes, firstRender, beforeFirstRow, paint, browser: name };
  } finally {
    await browser.close();
  }
}

async function paintRuns(
  browser: Browser,
  stack: Pick<Stack, "workerUrl">,
  start: PageStart,
  runs: number,
  log: (line: string) => void,
): Promise<PaintRuns> {
  const paints: number[] = [];
  const firstRows: number[] = [];
  const longTasks: number[] = [];
  for (let run = 0; run < runs + 1; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Everything is recorded by an init script and reported once, through the console, so no
    // harness code runs in the page while it is measured (a Playwright evaluate compiles its
    // own script on the main thread, which showed up as a 40–80 ms long task).
    await page.addInitScript(measureInPage, start);
    const reported = page.waitForEvent("console", {
      predicate: (message) => message.text().startsWith("userecho-bench "),
      timeout: 30_000,
    });
    await page.goto(`${stack.workerUrl}/test-pages/fifty.html`);
    const result = JSON.parse((await reported).text().slice("userecho-bench ".length)) as {
      paint: number;
      firstRows: number;
      longTasks: number[];
      frames: string[];
    };
    log(
      `  ${start} run ${run}${run ? "" : " (warm-up)"}: first rows ${result.firstRows.toFixed(0)} ms, all 50 ${result.paint.toFixed(0)} ms, long tasks [${result.longTasks.map((d) => d.toFixed(0)).join(", ")}]`,
    );
    for (const frame of result.frames) log(`    long animation frame ${frame}`);
    if (run > 0) {
      // The first run warms Chromium's own caches of the page and is not counted.
      paints.push(result.paint);
      firstRows.push(result.firstRows);
      longTasks.push(...result.longTasks);
    }
    await context.close();
  }
  paints.sort((a, b) => a - b);
  firstRows.sort((a, b) => a - b);
  const result: PaintRuns = {
    start,
    runs: paints,
    median: paints[Math.floor(paints.length / 2)]!,
    firstRowsMedian: firstRows[Math.floor(firstRows.length / 2)]!,
    longTasks: {
      count: longTasks.length,
      over50: longTasks.filter((d) => d > 50).length,
      maxMs: longTasks.length ? Math.max(...longTasks) : 0,
    },
  };
  log(
    `first paint of 50 topics (${start}): first rows ${result.firstRowsMedian.toFixed(0)} ms, all 50: median ${result.median.toFixed(0)} ms over ${paints.length} runs; long tasks: ${result.longTasks.count} (max ${result.longTasks.maxMs.toFixed(0)} ms)`,
  );
  return result;
}

/** Runs in the page before its own scripts; reports once through the console. */
function measureInPage(start: PageStart): void {
  if (start === "intl-started") new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(0);
  const longTasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  // Long animation frames say what a long task was made of: scripts (by what invoked them)
  // and the browser's own style, layout and paint. Printed to the log, for diagnosis.
  const frames: string[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      duration: number;
      startTime: number;
      renderStart: number;
      scripts: {
        invoker: string;
        duration: number;
        sourceURL: string;
        sourceFunctionName: string;
        sourceCharPosition: number;
      }[];
    }[]) {
      const scripts = entry.scripts
        .filter((script) => script.duration >= 5)
        .map((script) => {
          const source = script.sourceURL
            ? ` (${script.sourceFunctionName || "?"} in ${script.sourceURL.split("/").pop()}@${script.sourceCharPosition})`
            : "";
          return `${script.invoker.slice(0, 40)}${source} ${script.duration.toFixed(0)}`;
        });
      const render = entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0;
      frames.push(
        `${entry.duration.toFixed(0)} ms = [${scripts.join("; ")}] + render ${render.toFixed(0)}`,
      );
    }
  }).observe({ type: "long-animation-frame", buffered: true });
  let firstRows = 0;
  let sawRows = false;
  const check = () => {
    const board = document.querySelector("userecho-feedback");
    const rows = board?.shadowRoot?.querySelectorAll("li[part=topic]").length ?? 0;
    if (rows && !sawRows) {
      sawRows = true;
      requestAnimationFrame(() => (firstRows = performance.now()));
    }
    if (rows < 50) {
      setTimeout(check, 5);
      return;
    }
    // The frame that shows them: the next animation frame after they exist.
    requestAnimationFrame(() => {
      const script = performance
        .getEntriesByType("resource")
        .find((entry) => entry.name.endsWith("/widget.js"));
      const scriptStart = script?.startTime ?? 0;
      const paint = performance.now() - scriptStart;
      // Long tasks are reported after they end: give the last one time to arrive.
      setTimeout(() => {
        const report = {
          paint,
          firstRows: firstRows - scriptStart,
          longTasks: longTasks
            .filter((task) => task.start + task.duration > scriptStart)
            .map((task) => task.duration),
          frames,
        };
        console.log(`userecho-bench ${JSON.stringify(report)}`);
      }, 200);
    });
  };
  check();
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}

export function widgetMarkdown(r: WidgetBenchResults): string {
  const rows = r.sizes
    .map((s) => `| \`${s.file}\` | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`)
    .join("\n");
  return `## Widget (issue: the embeddable widget)

### Bundle sizes (script-tag build, \`widget/dist/cdn\`)

gzip level 9, brotli quality 11; KB = 1024 bytes.

| file | raw | gzip | brotli |
| --- | ---: | ---: | ---: |
${rows}

JavaScript a page with one \`<userecho-feedback>\` and nothing else downloads before its first
row appears (measured in Chromium: every script response whose request started before the first
\`.topic\` row was in the DOM, gzip -9 each, summed): ${r.beforeFirstRow.files.map((f) => `\`${f.file}\` ${kb(f.gzip)}`).join(" + ")} = **${kb(r.beforeFirstRow.total.gzip)} gzip** (${kb(r.beforeFirstRow.total.brotli)} brotli), Lit included; budget 15 KB gzip (${r.beforeFirstRow.total.gzip <= 15 * 1024 ? "met" : "**missed**"}). The other chunks load after the first rows (filters and paging) or on use.

### First paint of 50 topics, and long tasks

${r.browser} (Debian), API warm (edge cache hit), a fresh browser context per run, from
the start of loading \`widget.js\` to the animation frame after 50 topics are in the DOM. Long
tasks: PerformanceObserver \`longtask\` (tasks over 50 ms) from the start of \`widget.js\`.
The widget draws topics ten per frame, each batch in a task of its own after the frame that shows
the one before, so a page of 50 takes five tasks and five frames. Measured in the headless shell
(\`apt-get install -y chromium-headless-shell\`) when installed: full Chromium runs its own UI
renderer beside every new page, which on two cores stretches the page's tasks to two or three
times their CPU time (see \`launchBenchBrowser\` in \`test/bench/widget.bench.ts\`).

| page | first ten topics, median | all 50, median (runs) | long tasks | longest |
| --- | ---: | --- | ---: | ---: |
${r.paint
  .map(
    (p) =>
      `| ${PAGE_STARTS[p.start]} | ${p.firstRowsMedian.toFixed(0)} ms | **${p.median.toFixed(0)} ms** (${p.runs.map((ms) => ms.toFixed(0)).join(", ")}) | ${p.longTasks.count} | ${p.longTasks.maxMs.toFixed(0)} ms |`,
  )
  .join("\n")}

Target: none over 50 ms. ${r.paint
    .map(
      (p) =>
        `${PAGE_STARTS[p.start]}: ${p.longTasks.over50 === 0 ? "met" : `**missed** (${p.longTasks.over50} over ${p.runs.length} runs)`}.`,
    )
    .join(" ")}
On a page where the widget is the first to use \`Intl\`, Chromium starts ICU (20–45 ms on this
machine when idle, up to 130 ms while the cores are shared; one task no script can split). The widget does that in a task of its own while its
first request is in flight (\`Translator.warm\`), so it never lengthens the task that draws topics.
\`pnpm bench\` prints each run's long animation frames, with the scripts that made them.
`;
}

const PAGE_STARTS: Record<PageStart, string> = {
  cold: "Widget is the page's first Intl user",
  "intl-started": "Page used Intl before the widget",
};
