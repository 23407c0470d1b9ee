import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT, type Stack } from "../stack.ts";
import { chromiumPath } from "../e2e/support/browser.ts";

/**
 * Lighthouse (12.2.3, the test package's devDependency) on a host page, in Debian's Chromium
 * (`CHROME_PATH`): the layout shift the page suffers (CLS), the main thread blocked while it
 * loads (TBT) and the accessibility score, on Lighthouse's mobile and desktop settings. Its
 * throttling is simulated, so TBT and the timings are estimates; CLS and the score are not.
 */
export interface LighthouseRun {
  page: string;
  formFactor: "mobile" | "desktop";
  cls: number;
  tbtMs: number;
  accessibility: number;
  performance: number;
}

/** The host pages measured: the plain HTML example (a board and a leaderboard). */
const PAGES = ["/examples/html.html"];

export async function lighthouseBenchmarks(
  stack: Pick<Stack, "workerUrl">,
  log: (line: string) => void,
): Promise<LighthouseRun[]> {
  const runs: LighthouseRun[] = [];
  for (const page of PAGES) {
    for (const formFactor of ["mobile", "desktop"] as const) {
      const report = await lighthouse(`${stack.workerUrl}${page}`, formFactor);
      const run: LighthouseRun = {
        page,
        formFactor,
        cls: report.audits["cumulative-layout-shift"]!.numericValue,
        tbtMs: report.audits["total-blocking-time"]!.numericValue,
        accessibility: report.categories.accessibility.score,
        performance: report.categories.performance.score,
      };
      log(
        `lighthouse ${page} (${formFactor}): CLS ${run.cls.toFixed(3)}, TBT ${run.tbtMs.toFixed(0)} ms, accessibility ${(run.accessibility * 100).toFixed(0)}, performance ${(run.performance * 100).toFixed(0)}`,
      );
      runs.push(run);
    }
  }
  return runs;
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

export function lighthouseMarkdown(runs: LighthouseRun[]): string {
  return `## Lighthouse on a host page

Lighthouse 12.2.3 in Debian's Chromium (headless), default mobile settings and \`--preset=desktop\`,
on \`/examples/html.html\` (a board with page size 5 and a leaderboard). Throttling is
simulated, so TBT is Lighthouse's estimate for a slow device; CLS and the accessibility score are
measured. Budget: CLS ≤ 0.02 for content below the board.

| page | settings | CLS | TBT | accessibility | performance |
| --- | --- | ---: | ---: | ---: | ---: |
${runs
  .map(
    (run) =>
      `| \`${run.page}\` | ${run.formFactor} | ${run.cls.toFixed(3)} | ${run.tbtMs.toFixed(0)} ms | ${(run.accessibility * 100).toFixed(0)} | ${(run.performance * 100).toFixed(0)} |`,
  )
  .join("\n")}
`;
}
