/**
 * `pnpm check-userecho`: checks, read-only, what the worker guesses about a UserEcho community's
 * API v2 (worker/src/upstream/inferred.ts) with the worker's own code, and prints the settings
 * the results imply; `--probe-votes` adds one vote, taken back. See README.md, "Production
 * deploy", and `--help`.
 *
 * Exit codes: 0 the worker will work (with the fallbacks shown), 1 an essential check failed,
 * 2 bad usage.
 */
import { commandLineOrExit } from "./command-line/index.ts";
import { USAGE, readCommandLine } from "./check-userecho/args.ts";
import { runChecks } from "./check-userecho/checks.ts";
import { buildReport, renderJson, renderTable, scrub } from "./check-userecho/report.ts";

/** Per upstream call; a real community answers in well under a second. */
const TIMEOUT_MS = 15_000;

async function main(): Promise<number> {
  const commandLine = commandLineOrExit(
    () => readCommandLine(process.argv.slice(2), process.env),
    USAGE,
  );
  if (typeof commandLine === "number") return commandLine;
  const { args, secrets } = commandLine;
  const known = [secrets.apiToken, secrets.anonymousToken, secrets.ssoKey];
  try {
    const findings = await runChecks({
      ...secrets,
      baseUrl: args.baseUrl,
      forumId: args.forumId,
      timeoutMs: TIMEOUT_MS,
      probeVotes: args.probeVotes,
    });
    const report = buildReport(args, findings);
    const text = args.json
      ? renderJson(report)
      : renderTable(report, process.stdout.columns || 100);
    process.stdout.write(scrub(text, [...known, ...findings.mintedSecrets]));
    return report.ok ? 0 : 1;
  } catch (error) {
    // Not an answer of UserEcho's (those are checks): a bug here. Its message may quote a
    // value, so only its kind is shown.
    process.stderr.write(
      `check-userecho failed unexpectedly (${error instanceof Error ? error.name : typeof error}).\n`,
    );
    return 1;
  }
}

const code = await main();
// Idle keep-alive connections must not hold the process open.
process.stdout.write("", () => process.exit(code));
