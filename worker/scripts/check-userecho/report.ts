/**
 * From findings to what the site owner reads: the settings the results imply, the exit code,
 * and the table or JSON. Everything printed goes through {@link scrub} last.
 */
import { DEFAULT_VOTING } from "../../src/config/voting.ts";
import { ATTESTED_SORT } from "../../src/upstream/inferred.ts";
import type { CheckArgs } from "./args.ts";
import {
  type Check,
  type CheckStatus,
  type Findings,
  TOPIC_FILTERS,
  TOPIC_SORTS,
} from "./checks.ts";

/** The JSON form (`--json`); the table shows the same. */
export interface Report {
  baseUrl: string;
  checks: Pick<Check, "id" | "status" | "evidence" | "verdict" | "essential">[];
  /** wrangler.toml `[vars]` the results imply. */
  recommended: Record<string, string>;
  warnings: string[];
  /** False when an essential check failed: the worker would not work (exit 1). */
  ok: boolean;
  /** `--probe-votes` ran: one vote was cast as the check user and taken back. */
  votesProbed: boolean;
}

/** The report: checks as found, the settings they imply, warnings, and whether all is well. */
export function buildReport(args: CheckArgs, findings: Findings): Report {
  const passed = (prefix: string) =>
    findings.checks
      .filter((check) => check.status === "pass" && check.id.startsWith(prefix))
      .map((check) => check.id.slice(prefix.length));
  // The attested sort is always offered by the worker, whatever TOPIC_SORTS says.
  const sorts = TOPIC_SORTS.filter(
    (sort) => sort === ATTESTED_SORT || passed("sort.").includes(sort),
  );
  const filters = TOPIC_FILTERS.filter((filter) => passed("filter.").includes(filter));
  const checked = (prefix: string) => findings.checks.some((check) => check.id.startsWith(prefix));
  const warnings = [...findings.warnings];
  if (filters.length === 0 && checked("filter.")) {
    warnings.push(
      'No filter passed. TOPIC_FILTERS cannot name none: leave it empty (""), so the worker ' +
        "tries each filter at run time and offers only those UserEcho honours.",
    );
  }

  const standardBase = args.alias && `https://${args.alias}.userecho.com/api/v2`;
  // Only what was checked: after an essential failure, the rest is not known.
  const recommended: Record<string, string> = {
    ...(args.alias ? { USERECHO_ALIAS: args.alias } : {}),
    ...(args.baseUrl === standardBase ? {} : { USERECHO_BASE_URL: args.baseUrl }),
    ...(checked("sort.") ? { TOPIC_SORTS: sorts.join(",") } : {}),
    ...(checked("filter.") ? { TOPIC_FILTERS: filters.join(",") } : {}),
    VOTING: votingFor(findings.checks.find((check) => check.id === "votes")),
  };
  return {
    baseUrl: args.baseUrl,
    checks: findings.checks.map(({ id, status, evidence, verdict, essential }) => ({
      id,
      status,
      evidence,
      ...(verdict === undefined ? {} : { verdict }),
      ...(essential ? { essential } : {}),
    })),
    recommended,
    warnings,
    ok: !findings.checks.some((check) => check.essential && check.status !== "pass"),
    votesProbed: args.probeVotes,
  };
}

/**
 * `VOTING` from the vote probe: `inline` when a vote went through and was taken back,
 * `community` when it did not, and the worker's own default when nobody voted.
 */
function votingFor(votes: Check | undefined): string {
  if (votes?.status === "pass") return "inline";
  if (votes?.status === "fail") return "community";
  return DEFAULT_VOTING;
}

const SYMBOLS: Record<CheckStatus, string> = { pass: "✔", fail: "✗", unknown: "?" };

/** The report as a table, for a terminal `width` columns wide. */
export function renderTable(report: Report, width = 100): string {
  const idWidth = Math.max(5, ...report.checks.map((check) => check.id.length));
  const indent = idWidth + 2 + 6 + 2;
  const evidenceWidth = Math.max(40, width - indent);
  const lines = [
    `UserEcho API check of ${report.baseUrl}`,
    report.votesProbed
      ? "(GET requests, and one vote cast as the check user and taken back (--probe-votes); the signed-in check makes UserEcho create its check user)"
      : "(GET requests only; the signed-in check, when run, makes UserEcho create its check user)",
    "",
    `${"check".padEnd(idWidth)}  result  evidence`,
    `${"-".repeat(idWidth)}  ------  ${"-".repeat(Math.min(evidenceWidth, 40))}`,
  ];
  for (const check of report.checks) {
    const mark = `${SYMBOLS[check.status]}${check.essential ? " !" : ""}`;
    const [first = "", ...rest] = wrap(check.evidence, evidenceWidth);
    lines.push(`${check.id.padEnd(idWidth)}  ${mark.padEnd(6)}  ${first}`);
    for (const line of rest) lines.push(`${" ".repeat(indent)}${line}`);
  }
  lines.push(
    "",
    "✔ the guess holds   ✗ it does not (the worker falls back)   ? cannot tell   ! essential",
    "",
    "Recommended settings (wrangler.toml [vars]):",
  );
  for (const [name, value] of Object.entries(report.recommended)) {
    lines.push(`  ${name} = ${JSON.stringify(value)}`);
  }
  if (report.warnings.length > 0) {
    lines.push("", "Warnings:");
    for (const warning of report.warnings) {
      const [first = "", ...rest] = wrap(warning, Math.max(40, width - 4));
      lines.push(`  - ${first}`, ...rest.map((line) => `    ${line}`));
    }
  }
  const failed = report.checks.filter((check) => check.essential && check.status !== "pass");
  lines.push(
    "",
    report.ok
      ? "Result: the worker will work against this community, with the fallbacks above (exit 0)."
      : `Result: essential checks failed (${failed.map((check) => check.id).join(", ")}): the worker will not work until they are fixed (exit 1).`,
  );
  return `${lines.join("\n")}\n`;
}

/** `--json`: the report as it is. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Output with every secret the run knew removed, raw or URL-encoded, and any URL cut before its
 * query string. Nothing should carry either; this is the last line of defence.
 */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 6) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      clean = clean.split(form).join("[redacted]");
    }
  }
  return clean.replace(/(https?:\/\/[^\s"?]*)\?[^\s"]*/g, "$1?…");
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
