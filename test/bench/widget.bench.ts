import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ROOT, type Stack } from "../../scripts/stack.ts";
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
  paint: { runs: number[]; median: number };
  longTasks: { count: number; over50: number; maxMs: number };
}

/** gzip -9 and brotli -11 of every script of the script-tag build. */
export function bundleSizes(): BundleSize[] {
  const dir = join(ROOT, "widget/dist/cdn");
  const files = ["widget.js", ...readdirSync(join(dir, "chunks")).map((f) => `chunks/${f}`)];
  return files
    .filter((file) => file.endsWith(".js") && statSync(join(dir, file)).isFile())
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return {
        file,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length,
      };
    });
}

/**
 * In Chromium, with the API warm: from the moment widget.js starts loading to the first paint
 * with 50 topics on screen, and every long task (> 50 ms) on the page's main thread meanwhile.
 */
export async function widgetBenchmarks(
  stack: Stack,
  log: (line: string) => void,
  runs = 7,
): Promise<WidgetBenchResults> {
  const sizes = bundleSizes();
  const firstRender = sizes.find((s) => s.file === "widget.js")!;
  log(
    `widget.js ${kb(firstRender.raw)} raw, ${kb(firstRender.gzip)} gzip, ${kb(firstRender.brotli)} brotli (first render)`,
  );

  // Warm the API (the edge cache) so the measurement is the widget's own cost.
  await fetch(`${stack.workerUrl}/v1/forums/1/topics?limit=50`);
  const browser = await launchBrowser();
  const paints: number[] = [];
  const longTasks: number[] = [];
  try {
    for (let run = 0; run < runs + 1; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route(
        (url) => url.hostname !== "127.0.0.1",
        (route) => route.fulfill({ status: 204 }),
      );
      await page.addInitScript(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
        }).observe({ type: "longtask", buffered: true });
      });
      await page.goto(`${stack.workerUrl}/test-pages/fifty.html`);
      const result = await page.evaluate(
        () =>
          new Promise<{ paint: number; longTasks: number[] }>((resolve) => {
            const check = () => {
              const board = document.querySelector("userecho-feedback");
              const count = board?.shadowRoot?.querySelectorAll("li[part=topic]").length ?? 0;
              if (count >= 50) {
                // The frame that shows them: the next animation frame after they exist.
                requestAnimationFrame(() => {
                  const script = performance
                    .getEntriesByType("resource")
                    .find((entry) => entry.name.endsWith("/widget.js"));
                  resolve({
                    paint: performance.now() - (script?.startTime ?? 0),
                    longTasks: (window as unknown as { longTasks: number[] }).longTasks,
                  });
                });
              } else {
                setTimeout(check, 5);
              }
            };
            check();
          }),
      );
      if (run > 0) {
        // The first run warms Chromium's own caches of the page and is not counted.
        paints.push(result.paint);
        longTasks.push(...result.longTasks);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  paints.sort((a, b) => a - b);
  const median = paints[Math.floor(paints.length / 2)]!;
  const results: WidgetBenchResults = {
    sizes,
    firstRender,
    paint: { runs: paints, median },
    longTasks: {
      count: longTasks.length,
      over50: longTasks.filter((d) => d > 50).length,
      maxMs: longTasks.length ? Math.max(...longTasks) : 0,
    },
  };
  log(
    `first paint of 50 topics: median ${median.toFixed(0)} ms over ${paints.length} runs; long tasks: ${results.longTasks.count} (max ${results.longTasks.maxMs.toFixed(0)} ms)`,
  );
  return results;
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

The first page renders with \`widget.js\` alone: **${kb(r.firstRender.gzip)} gzip** (${kb(r.firstRender.brotli)} brotli), Lit included; budget 15 KB gzip (${r.firstRender.gzip <= 15 * 1024 ? "met" : "**missed**"}). Chunks load later, on use.

### First paint of 50 topics

Chromium (headless, Debian), API warm (edge cache hit), from the start of loading \`widget.js\` to the
animation frame after 50 topics are in the DOM: **median ${r.paint.median.toFixed(0)} ms** over ${r.paint.runs.length} runs
(${r.paint.runs.map((ms) => ms.toFixed(0)).join(", ")} ms).

Long tasks meanwhile (PerformanceObserver \`longtask\`, which reports tasks over 50 ms): ${r.longTasks.count}, longest ${r.longTasks.maxMs.toFixed(0)} ms (target: none over 50 ms: ${r.longTasks.over50 === 0 ? "met" : "**missed**"}).
`;
}
