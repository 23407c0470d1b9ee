/**
 * `pnpm check-userecho` as a site owner runs it: the CLI in a child process (Node 24, type
 * stripping), against the emulator in workerd, in each of its profiles, with the secrets in the
 * environment. Every run's output, stdout and stderr, is scanned for the secrets it was given.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { ROOT } from "../stack.ts";
import { startEmulator, type EmulatorHarness } from "../bench/workerd-harness.ts";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };

const NODE = join(ROOT, "node_modules/.bin/node");
const CLI = join(ROOT, "worker/scripts/check-userecho.ts");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface JsonReport {
  baseUrl: string;
  checks: {
    id: string;
    status: "pass" | "fail" | "unknown";
    evidence: string;
    verdict?: string;
    essential?: boolean;
  }[];
  recommended: Record<string, string>;
  warnings: string[];
  ok: boolean;
}

const SECRETS = {
  USERECHO_API_TOKEN: credentials.agentToken,
  USERECHO_ANON_TOKEN: credentials.anonymousToken,
  USERECHO_SSO_KEY: credentials.ssoKey,
};

/**
 * What must never appear in the output: the secrets (raw or URL-encoded), a query string that
 * carries a token, a URL with any query string, and a long Base64 run (a minted `sso_token`).
 */
function findLeaks(output: string): string[] {
  const leaks: string[] = [];
  for (const [name, secret] of Object.entries(SECRETS)) {
    if (output.includes(secret) || output.includes(encodeURIComponent(secret))) leaks.push(name);
  }
  if (/access_token=|sso_token=/.test(output)) leaks.push("a token parameter");
  if (/https?:\/\/[^\s"]*\?[^\s"]*[=&]/.test(output)) leaks.push("a URL with a query string");
  if (/[A-Za-z0-9+/]{40,}={0,2}/.test(output)) leaks.push("a long Base64 run");
  return leaks;
}

/** One CLI run with only the given environment (plus PATH), output scanned for leaks. */
async function check(args: string[], env: Record<string, string> = SECRETS): Promise<Run> {
  const child = spawn(NODE, [CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const leaks = findLeaks(stdout + stderr);
  if (leaks.length > 0) throw new Error(`check-userecho printed ${leaks.join(", ")}`);
  return { code, stdout, stderr };
}

let emulator: EmulatorHarness;
const base = (profile: string) => `${emulator.emulatorUrl}/profile/${profile}/api/v2`;

async function checkJson(profile: string, env: Record<string, string> = SECRETS) {
  const run = await check(["--json", "--base-url", base(profile)], env);
  const report = JSON.parse(run.stdout) as JsonReport;
  const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
  return { run, report, byId };
}

/** Installs emulator faults (path-matched) for the duration of `body`. */
async function withFaults<T>(rules: unknown[], body: () => Promise<T>): Promise<T> {
  const faults = `${emulator.emulatorUrl}/__emulator/faults`;
  const set = await fetch(faults, { method: "POST", body: JSON.stringify(rules) });
  if (!set.ok) throw new Error(`faults not set: HTTP ${set.status}`);
  try {
    return await body();
  } finally {
    await fetch(faults, { method: "DELETE" });
  }
}

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.dispose();
});

describe("the documented profile (only what UserEcho documents; unattested parameters refused)", () => {
  it("reports what is missing, what is refused and what works, and exits 0", async ({ expect }) => {
    const { run, report, byId } = await checkJson("documented");
    expect(run.code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks.every((c) => ["pass", "fail", "unknown"].includes(c.status))).toBe(true);
    expect(byId["token"]?.status).toBe("pass");
    expect(byId["envelope"]?.status).toBe("pass");
    expect(byId["topics"]?.status).toBe("pass");
    expect(byId["topic.forum_id"]?.status).toBe("fail");
    expect(byId["topic.category"]?.status).toBe("fail");
    expect(byId["topic.status-type"]?.evidence).toMatch(/bare id/);
    expect(byId["topic.tags"]?.status).toBe("unknown");
    expect(byId["details.forums"]?.status).toBe("fail");
    expect(byId["details.forums"]?.evidence).toMatch(/absent/);
    expect(byId["details.topics"]?.status).toBe("pass");
    expect(byId["details.users"]?.status).toBe("pass");
    for (const list of ["types", "statuses", "categories", "tags", "search", "comments"]) {
      expect(byId[`details.${list}`]?.status, list).toBe("fail");
    }
    expect(byId["sort.top"]).toMatchObject({ status: "fail", verdict: "refused" });
    expect(byId["sort.new"]).toMatchObject({ status: "pass", verdict: "works" });
    expect(byId["filter.type"]).toMatchObject({ status: "fail", verdict: "refused" });
    expect(byId["filter.status"]).toMatchObject({ status: "pass", verdict: "works" });
    // No forum_id and a private forum: the id filter is what lets topic pages open.
    expect(byId["topics.by-id"]).toMatchObject({ status: "pass", verdict: "works" });
    expect(byId["topics.by-id"]?.evidence).toMatch(/needed: topics carry no forum_id/);
    expect(byId["search"]?.status).toBe("pass");
    expect(byId["limit"]?.status).toBe("pass");
    expect(byId["limit"]?.evidence).toMatch(/details\.limit=100/);
    expect(byId["users.by-rating"]).toMatchObject({ status: "fail", verdict: "refused" });
    expect(byId["users.by-rating"]?.evidence).toMatch(/ranking is exact/);
    expect(byId["comments.order"]).toMatchObject({ status: "pass", verdict: "works" });
    expect(byId["errors"]?.status).toBe("pass");
    expect(byId["errors"]?.evidence).toMatch(/HTTP 200.*HTTP 200.*only the worker's probe/);
    expect(byId["sso"]?.status).toBe("pass");
    expect(byId["sso"]?.evidence).toMatch(/creates the user "userecho-edge check"/);
    expect(byId["votes"]?.status).toBe("unknown");
    expect(byId["schema"]?.status).toBe("pass");
    expect(report.recommended).toEqual({
      USERECHO_BASE_URL: base("documented"),
      TOPIC_SORTS: "new",
      TOPIC_FILTERS: "status",
      VOTING: "community",
    });
    expect(report.warnings).toEqual([]);
  });

  it("prints the same as a table with the recommended settings", async ({ expect }) => {
    const run = await check(["--base-url", base("documented")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^sort\.top +✗ +order_by=-vote__diff refused/m);
    expect(run.stdout).toMatch(/^filter\.status +✔ /m);
    expect(run.stdout).toMatch(/^votes +\? /m);
    expect(run.stdout).toContain('TOPIC_SORTS = "new"');
    expect(run.stdout).toContain('TOPIC_FILTERS = "status"');
    expect(run.stdout).toContain('VOTING = "community"');
    expect(run.stdout).toContain("the worker will work against this community");
  });

  it("without the two SSO secrets, leaves the signed-in check unknown and still exits 0", async ({
    expect,
  }) => {
    const { run, byId } = await checkJson("documented", {
      USERECHO_API_TOKEN: credentials.agentToken,
    });
    expect(run.code).toBe(0);
    expect(byId["sso"]).toMatchObject({ status: "unknown" });
    expect(byId["sso"]?.evidence).toMatch(/USERECHO_ANON_TOKEN and USERECHO_SSO_KEY/);
  });
});

describe("the documented-ignore profile (unattested parameters silently ignored)", () => {
  it("tells ignored guesses from refused ones", async ({ expect }) => {
    const { run, report, byId } = await checkJson("documented-ignore");
    expect(run.code).toBe(0);
    for (const sort of ["top", "updated", "discussed"]) {
      expect(byId[`sort.${sort}`], sort).toMatchObject({ status: "fail", verdict: "ignored" });
    }
    for (const filter of ["type", "category", "tag"]) {
      expect(byId[`filter.${filter}`], filter).toMatchObject({
        status: "fail",
        verdict: "ignored",
      });
    }
    expect(byId["filter.status"]).toMatchObject({ status: "pass", verdict: "works" });
    expect(byId["users.by-rating"]).toMatchObject({ status: "fail", verdict: "ignored" });
    expect(byId["topics.by-id"]).toMatchObject({ status: "pass", verdict: "works" });
    expect(report.recommended["TOPIC_SORTS"]).toBe("new");
    expect(report.recommended["TOPIC_FILTERS"]).toBe("status");
  });
});

describe("the extended profile (every guess implemented)", () => {
  it("passes every check a read can decide, and recommends every sort and filter", async ({
    expect,
  }) => {
    const { run, report, byId } = await checkJson("extended");
    expect(run.code).toBe(0);
    const notPassed = report.checks.filter((c) => c.status !== "pass").map((c) => c.id);
    expect(notPassed).toEqual(["votes"]);
    expect(byId["errors"]?.evidence).toMatch(/HTTP 404.*HTTP 401/);
    expect(byId["topics.by-id"]?.evidence).toMatch(/not needed here: topics carry forum_id/);
    expect(report.recommended).toMatchObject({
      TOPIC_SORTS: "top,new,updated,discussed",
      TOPIC_FILTERS: "status,type,category,tag",
      VOTING: "community",
    });
  });
});

describe("essential failures exit 1", () => {
  it("a wrong token", async ({ expect }) => {
    const { run, report } = await checkJson("documented", {
      USERECHO_API_TOKEN: "not-the-agent-token-at-all",
    });
    expect(run.code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([
      expect.objectContaining({ id: "token", status: "fail", essential: true }),
    ]);
    expect(report.checks[0]?.evidence).toMatch(/refused USERECHO_API_TOKEN/);
  });

  it("topics that cannot be read", async ({ expect }) => {
    const { run, byId } = await withFaults(
      [{ match: { path: "/topics.json" }, fault: { kind: "envelope-error" } }],
      () => checkJson("documented"),
    );
    expect(run.code).toBe(1);
    expect(byId["topics"]).toMatchObject({ status: "fail", essential: true });
  });

  it("no forum proof while topics carry no forum_id and a forum is private", async ({ expect }) => {
    // Only the forum proof reads the private forum 3's topics.
    const { run, report, byId } = await withFaults(
      [{ match: { path: "/forums/3/topics.json" }, fault: { kind: "envelope-error" } }],
      () => checkJson("documented"),
    );
    expect(run.code).toBe(1);
    expect(byId["topics.by-id"]).toMatchObject({ status: "fail", essential: true });
    expect(report.warnings.join("\n")).toMatch(/Topic pages would 404/);
  });

  it("an SSO key UserEcho refuses, named as such", async ({ expect }) => {
    const { run, byId } = await checkJson("documented", {
      ...SECRETS,
      USERECHO_SSO_KEY: "a-wrong-sso-key-of-32-characters",
    });
    expect(run.code).toBe(1);
    expect(byId["sso"]).toMatchObject({ status: "fail", essential: true });
    expect(byId["sso"]?.evidence).toMatch(/USERECHO_SSO_KEY/);
  });
});

describe("usage (exit 2)", () => {
  it("refuses a token passed as an argument, without repeating it", async ({ expect }) => {
    for (const args of [
      ["--alias", "demo", credentials.agentToken],
      ["--alias", "demo", "--token", "abcdef"],
      ["--alias", "demo", `--access-token=${credentials.agentToken}`],
      ["--base-url", `https://demo.userecho.com/api/v2?access_token=${credentials.agentToken}`],
      ["--alias", "demo", "Zq8xT2mL9vB4nR7kW1pY6cD3"],
    ]) {
      const run = await check(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/looks like a token/);
      expect(run.stdout).toBe("");
    }
  });

  it("needs the token in the environment and a base", async ({ expect }) => {
    const noToken = await check(["--alias", "demo"], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/Set USERECHO_API_TOKEN/);
    const noBase = await check([]);
    expect(noBase.code).toBe(2);
    const both = await check(["--alias", "demo", "--base-url", "https://demo.userecho.com/api/v2"]);
    expect(both.code).toBe(2);
    const unknown = await check(["--alias", "demo", "--verbose"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option --verbose/);
  });
});

describe("the leak scan", () => {
  it("finds each secret, a token parameter, a query string and a minted token (so it can fail)", ({
    expect,
  }) => {
    expect(findLeaks("nothing to see")).toEqual([]);
    expect(findLeaks(`x ${credentials.agentToken} y`)).toEqual(["USERECHO_API_TOKEN"]);
    expect(findLeaks(encodeURIComponent(credentials.ssoKey))).toEqual(["USERECHO_SSO_KEY"]);
    expect(findLeaks("https://demo.userecho.com/api/v2/forums.json?access_token=x")).toEqual([
      "a token parameter",
      "a URL with a query string",
    ]);
    expect(findLeaks("k9Jv0a3QmT7lZx2pW5cB8nH1rY4sD6fG0uE3iO9wA2qL5tK8==")).toEqual([
      "a long Base64 run",
    ]);
  });
});
