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

/** Scripts a page fetched, and their sum. */
export interface Scripts {
  files: BundleSize[];
  total: BundleSize;
}

export interface ShiftRuns {
  viewport: "desktop" | "phone";
  /** Cumulative layout shift of each run, from navigation until every element is drawn. */
  runs: number[];
  median: number;
}

export interface WidgetBenchResults {
  sizes: BundleSize[];
  firstRender: BundleSize;
  /** Every script Chromium fetched before the first topic row was in the DOM, and their sum. */
  beforeFirstRow: Scripts;
  /** Every script a page with a launcher alone fetched before anyone reached for it. */
  beforeLauncherOpens: Scripts;
  /** Layout shift of the host page, counted from navigation, per viewport. */
  layoutShift: ShiftRuns[];
  /** `cold` first, then `intl-started`. */
  paint: PaintRuns[];
  /** The browser measured in, and its version. */
  browser: string;
}

const DIST = join(ROOT, "widget/dist/cdn");

/** The widget's size budgets, bytes of gzip (widget/budgets.json; the build checks them too). */
const BUDGETS = JSON.parse(readFileSync(join(ROOT, "widget/budgets.json"), "utf8")) as {
  boardBeforeFirstRow: number;
  launcherBeforeOpen: number;
};

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
 * in Chromium, every JavaScript response whose request started before the first frame with a
 * `.topic` row in the DOM (widget.js, and any chunk it pulled in by then), each measured as gzip
 * -9 of the file served. Not one file: the sum of all of them. The frames are watched from
 * before the page's own scripts run, so what loads just after the first row is not counted.
 */
export function scriptsBeforeFirstRow(
  browser: Browser,
  stack: Pick<Stack, "workerUrl">,
): Promise<Scripts> {
  return scriptsBefore(browser, `${stack.workerUrl}/test-pages/fifty.html`, () => {
    const w = window as unknown as { userechoReady?: number };
    const check = () => {
      if (document.querySelector("userecho-feedback")?.shadowRoot?.querySelector(".topic")) {
        w.userechoReady = performance.now();
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/**
 * What a page with one `<userecho-launcher>` downloads before the visitor first reaches for it
 * (points at it, focuses it, opens it): every script fetched once its tab is drawn and the page
 * has been quiet for a second.
 */
export function scriptsBeforeLauncherOpens(
  browser: Browser,
  stack: Pick<Stack, "workerUrl">,
): Promise<Scripts> {
  return scriptsBefore(browser, `${stack.workerUrl}/test-pages/launcher.html`, () => {
    const w = window as unknown as { userechoReady?: number };
    void customElements
      .whenDefined("userecho-launcher")
      .then(() => setTimeout(() => (w.userechoReady = performance.now()), 1000));
  });
}

/**
 * The scripts `url` fetched before the moment `watch` (run in the page before its own scripts)
 * records as `window.userechoReady`, sized as served.
 */
async function scriptsBefore(browser: Browser, url: string, watch: () => void): Promise<Scripts> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watch);
  await page.goto(url);
  await page.waitForFunction(() => (window as { userechoReady?: number }).userechoReady);
  const scripts = await page.evaluate(() => {
    const ready = (window as { userechoReady?: number }).userechoReady!;
    return performance
      .getEntriesByType("resource")
      .filter((entry) => entry.startTime <= ready && new URL(entry.name).pathname.endsWith(".js"))
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

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Cumulative layout shift of `test-pages/layout.html` (a board and a leaderboard with text below
 * each, no CSS of ours), counted from navigation as Lighthouse and the Core Web Vitals count it,
 * until every element has drawn everything: `runs` fresh loads per viewport.
 */
async function layoutShiftRuns(
  browser: Browser,
  stack: Pick<Stack, "workerUrl">,
  runs: number,
): Promise<ShiftRuns[]> {
  const results: ShiftRuns[] = [];
  for (const viewport of ["desktop", "phone"] as const) {
    const scores: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport] });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { cls: number };
        w.cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            value: number;
            hadRecentInput: boolean;
          }[]) {
            if (!entry.hadRecentInput) w.cls += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${stack.workerUrl}/test-pages/layout.html`);
      await page.waitForFunction(() => {
        const board = document.querySelector("userecho-feedback")?.shadowRoot;
        const users = document.querySelector("userecho-top-users")?.shadowRoot;
        return board?.querySelector("[part=forum-link]") && users?.querySelector("li[part=user]");
      });
      await page.waitForTimeout(500); // entries are reported after the frame
      scores.push(await page.evaluate(() => (window as unknown as { cls: number }).cls));
      await context.close();
    }
    scores.sort((a, b) => a - b);
    results.push({ viewport, runs: scores, median: scores[Math.floor(scores.length / 2)]! });
  }
  return results;
}

/**
 * How the page stands before the widget loads. Chromium starts ICU on a page's first Intl
 * formatter of numbers or dates, a one-time cost of 20–130 ms in one task that no script can
 * split. The widget's rows need none (relative dates come from its messages, plural rules do not
 * start it). `cold`: nothing on the page used Intl before. `intl-started`: the page did (as any
 * page that formats a date does); both should show only the widget's own work.
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
      `JavaScript before the first row: ${beforeFirstRow.files.map((f) => f.file).join(" + ")} = ${beforeFirstRow.total.gzip} bytes gzip (budget ${BUDGETS.boardBeforeFirstRow})`,
    );
    const beforeLauncherOpens = await scriptsBeforeLauncherOpens(browser, stack);
    log(
      `JavaScript before a launcher opens: ${beforeLauncherOpens.files.map((f) => f.file).join(" + ")} = ${beforeLauncherOpens.total.gzip} bytes gzip (budget ${BUDGETS.launcherBeforeOpen})`,
    );
    const layoutShift = await layoutShiftRuns(browser, stack, runs);
    for (const shift of layoutShift) {
      log(
        `layout shift from navigation (${shift.viewport}): median ${shift.median.toFixed(4)} (${shift.runs.map((v) => v.toFixed(4)).join(", ")})`,
      );
    }
    const paint: PaintRuns[] = [];
    for (const start of ["cold", "intl-started"] as const) {
      paint.push(await paintRuns(browser, stack, start, runs, log));
    }
    return {
      sizes,
      firstRender,
      beforeFirstRow,
      beforeLauncherOpens,
      layoutShift,
      paint,
      browser: name,
    };
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

/** One row of the budgets' table. */
function budgetRow(page: string, scripts: Scripts, budget: number): string {
  const files = scripts.files.map((f) => `\`${f.file}\` ${f.gzip}`).join(" + ");
  const left = budget - scripts.total.gzip;
  const verdict = left >= 0 ? `met, ${left} left` : `**missed** by ${-left}`;
  return `| ${page} | ${files} | **${scripts.total.gzip}** | ${budget} (${verdict}) |`;
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

### JavaScript before first use

Measured in Chromium: every script response whose request started before the moment, gzip -9
each, summed, in bytes. A page with one \`<userecho-feedback>\` and nothing else, before its
first row is in the DOM (Lit included; the controls, the filters and the paging come after the
first rows, the rest on use); a page with one \`<userecho-launcher>\`, once its tab is drawn and
the page is quiet, before anyone reaches for it. Budgets: \`widget/budgets.json\`, which the
build checks too.

| page | scripts | gzip | budget |
| --- | --- | ---: | --- |
${budgetRow("board alone, before the first row", r.beforeFirstRow, BUDGETS.boardBeforeFirstRow)}
${budgetRow("launcher alone, before the first open", r.beforeLauncherOpens, BUDGETS.launcherBeforeOpen)}

### Layout shift from navigation

\`test-pages/layout.html\` (a board of five topics and a leaderboard of five users, each with
text below it, no CSS of ours, \`widget.js\` loaded \`blocking="render"\` as docs/WIDGET.md
says), in the same browser, counted as Lighthouse and the Core Web Vitals count it: every
\`layout-shift\` entry from navigation until every element is drawn. Target: at most 0.02.

| viewport | median | runs | target |
| --- | ---: | --- | --- |
${r.layoutShift
  .map(
    (shift) =>
      `| ${shift.viewport} (${VIEWPORTS[shift.viewport].width} × ${VIEWPORTS[shift.viewport].height}) | **${shift.median.toFixed(4)}** | ${shift.runs.map((v) => v.toFixed(4)).join(", ")} | ${shift.runs.every((v) => v <= 0.02) ? "met" : "**missed**"} |`,
  )
  .join("\n")}

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
Chromium starts ICU on a page's first \`Intl\` formatter of numbers or dates (20–45 ms on this
machine when idle, up to 130 ms while the cores are shared; one task no script can split). The
widget's rows start none: their relative dates ("3 days ago") come from its messages, which
\`messages.test.ts\` holds to what \`Intl.RelativeTimeFormat\` says, and the full date is
formatted when the visitor points at one.
\`pnpm bench\` prints each run's long animation frames, with the scripts that made them.
`;
}

const PAGE_STARTS: Record<PageStart, string> = {
  cold: "Page never used Intl",
  "intl-started": "Page used Intl before the widget",
};
