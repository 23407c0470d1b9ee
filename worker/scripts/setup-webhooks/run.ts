/**
 * What `pnpm setup-webhooks` does, with the worker's own client: which events UserEcho offers,
 * which hooks already point at the worker, and a `POST hooks` for each event still missing.
 */
import { ApiError, MisconfiguredError, UpstreamRejectedError } from "../../src/errors/index.ts";
import { UserEchoClient } from "../../src/upstream/client.ts";
import { HOOK_EVENTS } from "../../src/upstream/inferred.ts";
import type { UpstreamHook } from "../../src/upstream/model.ts";

export interface SetupSettings {
  baseUrl: string;
  apiToken: string;
  hookToken: string;
  /** The worker's origin. */
  target: string;
  withoutListing: boolean;
  timeoutMs: number;
}

/** One event's outcome. */
export interface EventRow {
  event: string;
  state: "registered" | "already registered" | "not offered" | "failed";
  hookId?: number;
  /** Why it failed; never a value. */
  detail?: string;
}

export interface SetupReport {
  baseUrl: string;
  /** The URL UserEcho delivers to, with the token shown as a placeholder. */
  hookUrl: string;
  /** Whether UserEcho listed its hooks (false: registered without looking, or nothing done). */
  listed: boolean;
  events: EventRow[];
  /** Hooks that point at this worker's webhook path with another token: they will get 401. */
  otherTokenHooks: number;
  /** Every event the board needs is registered. */
  ok: boolean;
  /** What stopped the run, when something did. */
  problem?: string;
}

export const TOKEN_PLACEHOLDER = "<USERECHO_WEBHOOK_TOKEN>";

export async function setUpWebhooks(settings: SetupSettings): Promise<SetupReport> {
  const client = new UserEchoClient({
    baseUrl: settings.baseUrl,
    accessToken: settings.apiToken,
    timeoutMs: settings.timeoutMs,
  });
  const hookPath = `${settings.target}/v1/hooks/userecho/`;
  const hookUrl = `${hookPath}${settings.hookToken}`;
  const report: SetupReport = {
    baseUrl: settings.baseUrl,
    hookUrl: `${hookPath}${TOKEN_PLACEHOLDER}`,
    listed: false,
    events: [],
    otherTokenHooks: 0,
    ok: false,
  };
  const stop = (problem: string): SetupReport => ({ ...report, problem });

  // The documented list of events; when UserEcho will not say, the board's own are tried.
  let offered: ReadonlySet<string> | undefined;
  try {
    offered = new Set(await client.listHookEvents());
  } catch (error) {
    if (error instanceof MisconfiguredError) return stop(refusedToken());
  }

  let existing: UpstreamHook[] = [];
  try {
    existing = await client.listHooks();
    report.listed = true;
  } catch (error) {
    if (error instanceof MisconfiguredError) return stop(refusedToken());
    if (!settings.withoutListing) {
      return stop(
        `UserEcho did not list its hooks (${describe(error)}), so what is registered cannot be ` +
          "checked and nothing was registered. Look under Setup → Integration → Website → " +
          "Webhooks in UserEcho; to register anyway, run again with --without-listing (an " +
          "event registered twice is delivered twice, which only purges twice).",
      );
    }
  }
  const ours = existing.filter((hook) => hook.target_url === hookUrl);
  report.otherTokenHooks = existing.filter(
    (hook) => hook.target_url.startsWith(hookPath) && hook.target_url !== hookUrl,
  ).length;

  for (const event of HOOK_EVENTS) {
    const hook = ours.find((candidate) => candidate.events.includes(event));
    if (hook) {
      report.events.push({ event, state: "already registered", hookId: hook.id });
    } else if (offered && !offered.has(event)) {
      report.events.push({ event, state: "not offered" });
    } else {
      try {
        const written = await client.createHook(event, hookUrl);
        report.events.push({ event, state: "registered", hookId: written.id });
      } catch (error) {
        if (error instanceof MisconfiguredError) return stop(refusedToken());
        report.events.push({ event, state: "failed", detail: describe(error) });
      }
    }
  }
  report.ok = report.events.every((row) => row.state !== "failed");
  return report;
}

function refusedToken(): string {
  return "UserEcho refused USERECHO_API_TOKEN: check it is an agent token of this community.";
}

/** An error in our words: the worker's errors never carry a URL or a token. */
function describe(error: unknown): string {
  if (error instanceof UpstreamRejectedError) {
    return "UserEcho refused it; does the token have every permission?";
  }
  if (error instanceof ApiError) return `${error.title}: ${error.message}`;
  return error instanceof Error ? error.name : "unexpected failure";
}

/** The outcome as a site owner reads it, with what to do next. */
export function renderText(report: SetupReport): string {
  const lines = [`Webhooks of ${report.baseUrl}`, `for ${report.hookUrl}`, ""];
  if (report.problem) return [...lines, report.problem, ""].join("\n");
  const width = Math.max(...report.events.map((row) => row.event.length)) + 2;
  for (const row of report.events) {
    const hook = row.hookId === undefined ? "" : ` (hook ${row.hookId})`;
    const detail = row.detail === undefined ? "" : `: ${row.detail}`;
    lines.push(`  ${row.event.padEnd(width)}${row.state}${hook}${detail}`);
  }
  if (!report.listed) {
    lines.push("", "UserEcho did not list its hooks: every event was registered without looking.");
  }
  if (report.otherTokenHooks > 0) {
    lines.push(
      "",
      `${report.otherTokenHooks} hook(s) point at this worker with another token: remove them in ` +
        "UserEcho (Setup → Integration → Website → Webhooks); the worker refuses them (401).",
    );
  }
  lines.push(
    "",
    "Then give the worker its two secrets (this prints neither):",
    '  printf %s "$USERECHO_WEBHOOK_TOKEN" | npx wrangler secret put USERECHO_WEBHOOK_TOKEN',
    "  npx wrangler secret put USERECHO_WEBHOOK_KEY",
    "    # paste the webhook key from UserEcho: Setup → Integration → Website → Webhooks",
    "",
  );
  return lines.join("\n");
}
