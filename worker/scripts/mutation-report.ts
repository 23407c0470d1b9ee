/**
 * Writes the outcome of `pnpm mutation` (reports/mutation.json, Stryker's mutation-testing
 * report) into docs/RELIABILITY.md, between its mutation markers: the score per module, every
 * surviving mutant, and every mutant marked as equivalent in the code with its reason.
 *
 * Usage: node worker/scripts/mutation-report.ts (pnpm mutation runs it after Stryker).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  statusReason?: string;
  location: { start: { line: number; column: number } };
}

interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
  thresholds: { break: number | null };
}

const REPORT = fileURLToPath(new URL("../reports/mutation.json", import.meta.url));
const DOC = fileURLToPath(new URL("../../docs/RELIABILITY.md", import.meta.url));
const START = "<!-- mutation:start -->";
const END = "<!-- mutation:end -->";
/** What the score counts as caught, and as missed (Stryker's definition). */
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

const report = JSON.parse(readFileSync(REPORT, "utf8")) as Report;

const percent = (detected: number, undetected: number) =>
  detected + undetected === 0
    ? "n/a"
    : `${((100 * detected) / (detected + undetected)).toFixed(1)} %`;

/** One line of code for a table cell: trimmed, shortened, with pipes escaped. */
const cell = (text: string) => {
  const line = text.trim().replace(/\s+/g, " ");
  return `\`${(line.length > 90 ? `${line.slice(0, 87)}...` : line).replaceAll("|", "\\|")}\``;
};

const scores: string[] = [];
const missed: string[] = [];
const equivalent: string[] = [];
let detectedAll = 0;
let undetectedAll = 0;
let staticAll = 0;
for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const lines = file.source.split("\n");
  const count = (statuses: Set<string>) =>
    file.mutants.filter((mutant) => statuses.has(mutant.status)).length;
  const detected = count(DETECTED);
  const undetected = count(UNDETECTED);
  const statics = file.mutants.filter((m) => m.statusReason?.startsWith("Static mutant")).length;
  detectedAll += detected;
  undetectedAll += undetected;
  staticAll += statics;
  scores.push(
    `| \`worker/${path}\` | ${detected} | ${undetected} | ${statics} | ${percent(detected, undetected)} |`,
  );
  for (const mutant of file.mutants) {
    const { line } = mutant.location.start;
    const where = `\`${path.replace(/^src\//, "")}:${line}\``;
    const change = `${mutant.mutatorName} → ${cell(mutant.replacement ?? "")}`;
    if (UNDETECTED.has(mutant.status)) {
      const kind = mutant.status === "NoCoverage" ? " (no test runs it)" : "";
      missed.push(`| ${where} | ${cell(lines[line - 1] ?? "")} | ${change}${kind} |`);
    } else if (mutant.status === "Ignored" && !mutant.statusReason?.startsWith("Static mutant")) {
      equivalent.push(`| ${where} | ${change} | ${mutant.statusReason ?? ""} |`);
    }
  }
}

const section = `${START}
## Mutation testing

Written by \`worker/scripts/mutation-report.ts\` after the last \`pnpm mutation\`, on
${new Date().toISOString().slice(0, 10)}. Score: ${percent(detectedAll, undetectedAll)} of the mutants the tests could catch
(${detectedAll} caught, ${undetectedAll} missed); \`pnpm mutation\` fails below ${report.thresholds.break ?? "no"} %.
${staticAll} static mutants (module-level constants) are not counted: see
\`worker/stryker.config.mjs\`.

| module | caught | missed | static | score |
| --- | ---: | ---: | ---: | ---: |
${scores.join("\n")}

### Surviving mutants

Mutants no test notices${missed.length === 0 ? ": none." : " (see the notes below this section for why each is left)."}

${missed.length === 0 ? "" : `| where | code | mutant |\n| --- | --- | --- |\n${missed.join("\n")}\n`}
### Equivalent mutants

Marked in the code with a \`// Stryker disable\` comment that says why: the change alters nothing
the unit tests could observe (a memo, a check that jose or a later line repeats), or only what
the timing tests see${equivalent.length === 0 ? ": none." : "."}

${equivalent.length === 0 ? "" : `| where | mutant | why it changes nothing |\n| --- | --- | --- |\n${equivalent.join("\n")}\n`}${END}`;

const doc = readFileSync(DOC, "utf8");
const start = doc.indexOf(START);
const end = doc.indexOf(END);
writeFileSync(
  DOC,
  start === -1 || end === -1
    ? `${doc.trimEnd()}\n\n${section}\n`
    : `${doc.slice(0, start)}${section}${doc.slice(end + END.length)}`,
);
console.log(`mutation score ${percent(detectedAll, undetectedAll)} written to docs/RELIABILITY.md`);
