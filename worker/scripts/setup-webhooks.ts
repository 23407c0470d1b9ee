/**
 * `pnpm setup-webhooks`: registers the worker's webhook (`POST /v1/hooks/userecho/{token}`) with
 * UserEcho for every event that changes what the board shows, and says how to give the worker
 * its two secrets. See README.md, "Fresh data after a change in UserEcho", and `--help`.
 *
 * Exit codes: 0 every event is registered, 1 something failed, 2 bad usage.
 */
import { commandLineOrExit } from "./command-line/index.ts";
import { USAGE, readCommandLine } from "./setup-webhooks/args.ts";
import { renderText, setUpWebhooks } from "./setup-webhooks/run.ts";

/** Per upstream call; a real community answers in well under a second. */
const TIMEOUT_MS = 15_000;

async function main(): Promise<number> {
  const commandLine = commandLineOrExit(
    () => readCommandLine(process.argv.slice(2), process.env),
    USAGE,
  );
  if (typeof commandLine === "number") return commandLine;
  const { args, secrets } = commandLine;
  try {
    const report = await setUpWebhooks({ ...args, ...secrets, timeoutMs: TIMEOUT_MS });
    const text = args.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report);
    process.stdout.write(scrub(text, [secrets.apiToken, secrets.hookToken]));
    return report.ok ? 0 : 1;
  } catch (error) {
    // Not an answer of UserEcho's: a bug here. Its message may quote a value: only its kind.
    process.stderr.write(
      `setup-webhooks failed unexpectedly (${error instanceof Error ? error.name : typeof error}).\n`,
    );
    return 1;
  }
}

/** Belt and braces: no secret leaves, whatever a report came to hold. */
function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      clean = clean.split(form).join("[redacted]");
    }
  }
  return clean;
}

const code = await main();
// Idle keep-alive connections must not hold the process open.
process.stdout.write("", () => process.exit(code));
