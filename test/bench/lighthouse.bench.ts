import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT, type Stack } from "../stack.ts";
import { chromiumPath } from "../e2e/support/browser.ts";

/**
 * Lighthouse (12.2.3, the test package's devDependency) on a host page, in Debian's Chromium
 * (`CHROME_PATH`): the layout shift the page suffers (CLS), the main thread blocked while it
 * loads (TBT), the performance and accessibility scores, on Lighthouse's mobile and desktop
 * settings, several runs each. Its throttling is simulated, so TBT and the timings are
 * estimates, which a busy machine moves; CLS and the accessibility score are not.
 */
export interface LighthouseRun {
  cls: number;
  tbtMs: number;
  accessibility: number;
  performance: number;
}

/** Every run on one page with one setting, and their medians. */
export interface LighthouseRuns {
  page: string;
  formFactor: "mobile" | "desktop";
  runs: LighthouseRun[];
  median: LighthouseRun;
}

/**
 * What the widget is held to on a host page: the mobile settings are the ones that count
 * (performance and TBT are Lighthouse's estimate for a slow phone; desktop is reported).
 */
export const LIGHTHOUSE_TARGETS = {
  mobile: { performance: 0.95, tbtMs: 150, accessibility: 1, cls: 0.02 },
  desktop: { performance: 0, tbtMs: Infinity, accessibility: 1, cls: 0.02 },
} as const;

/** The host pages measured: the plain HTML example (a board and a leaderboard). */
const PAGES = ["/examples/html.html"];

export async function lighthouseBenchmarks(
  stack: Pick<Stack, "workerUrl">,
  log: (line: string) => void,
  runs = 3,
): Promise<LighthouseRuns[]> {
  const results: LighthouseRuns[] = [];
  for (const page of PAGES) {
    for (const formFactor of ["mobile", "desktop"] as const) {
      const measured: LighthouseRun[] = [];
      for (let run = 0; run < runs; run++) {
        const report = await lighthouse(`${stack.workerUrl}${page}`, formFactor);
        const one: LighthouseRun = {
          cls: report.audits["cumulative-layout-shift"]!.numericValue,
          tbtMs: report.audits["total-blocking-time"]!.numericValue,
          accessibility: report.categories.accessibility.score,
          performance: report.categories.performance.score,
        };
        log(
          `lighthouse ${page} (${formFactor}) run ${run + 1}: CLS ${one.cls.toFixed(3)}, TBT ${one.tbtMs.toFixed(0)} ms, accessibility ${(one.accessibility * 100).toFixed(0)}, performance ${(one.performance * 100).toFixed(0)}`,
        );
        measured.push(one);
      }
      const median = (pick: (run: LighthouseRun) => number) => {
        const sorted = measured.map(pick).sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)]!;
      };
      results.push({
        page,
        formFactor,
        runs: measured,
        median: {
          cls: median((run) => run.cls),
          tbtMs: median((run) => run.tbtMs),
          accessibility: median((run) => run.accessibility),
          performance: median((run) => run.performance),
        },
      });
    }
  }
  return results;
}

interface Report {
  audits: Record<string, { numericValue: number }>;
  categories: { accessibility: { score: number }; performance: { score: number } };
}

/** One Lighthouse run through its CLI, which prints the JSON report. */
function lighthouse(url: string, formFactor: "mobile" | "desktop"): Promise<Report> {
  const bin = join(ROOT, "test/node_modules/.bin/lighthouse");
  const args = [
    url,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance,accessibility",
    "--quiet",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      env: { ...process.env, CHROME_PATH: chromiumPath() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(Buffer.concat(out).toString()) as Report);
      } catch (error) {
        reject(new Error(`lighthouse ${url}: ${String(error)}\n${Buffer.concat(err).toString()}`));
      }
    });
  });
}

export function lighthouseMarkdown(results: LighthouseRuns[]): string {
  const spread = (runs: LighthouseRun[], pick: (run: LighthouseRun) => number, digits = 0) =>
    runs.map((run) => pick(run).toFixed(digits)).join(", ");
  const verdict = (r: LighthouseRuns) => {
    const target = LIGHTHOUSE_TARGETS[r.formFactor];
    const m = r.median;
    const missed = [
      m.performance < target.performance && "performance",
      m.tbtMs > target.tbtMs && "TBT",
      m.accessibility < target.accessibility && "accessibility",
      m.cls > target.cls && "CLS",
    ].filter(Boolean);
    return missed.length ? `**missed**: ${missed.join(", ")}` : "met";
  };
  return `## Lighthouse on a host page

Lighthouse 12.2.3 in Debian's Chromium (headless), default mobile settings and \`--preset=desktop\`,
on \`/examples/html.html\` (a board with page size 5, a leaderboard, a roadmap and a launcher),
${results[0]?.runs.length ?? 0} runs each: the medians, then every run. Throttling is simulated,
so performance and TBT are Lighthouse's estimate for a slow device, and vary with how busy the
machine is; CLS and the accessibility score are measured. Targets, on mobile: performance at
least 95, TBT at most 150 ms, accessibility 100, CLS at most 0.02 (on desktop: accessibility 100,
CLS at most 0.02).

| page | settings | CLS | TBT | accessibility | performance | targets |
| --- | --- | ---: | ---: | ---: | ---: | --- |
${results
  .map(
    (r) =>
      `| \`${r.page}\` | ${r.formFactor} | ${r.median.cls.toFixed(3)} | ${r.median.tbtMs.toFixed(0)} ms | ${(r.median.accessibility * 100).toFixed(0)} | **${(r.median.performance * 100).toFixed(0)}** | ${verdict(r)} |`,
  )
  .join("\n")}

${results
  .map(
    (r) =>
      `Runs, ${r.formFactor}: performance ${spread(r.runs, (run) => run.performance * 100)}; TBT ${spread(r.runs, (run) => run.tbtMs)} ms; CLS ${spread(r.runs, (run) => run.cls, 3)}.`,
  )
  .join("\n")}
`;
}
