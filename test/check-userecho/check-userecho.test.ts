/**
 * `pnpm check-userecho` as a site owner runs it: the CLI in a child process (Node 24, type
 * stripping), against the emulator in workerd, in each of its profiles, with the secrets in the
 * environment. Every run's output, stdout and stderr, is scanned for the secrets it was given.
 * Variants of UserEcho that no profile serves (a smaller page cap, other encodings of an empty
 * list, imported topics) are the emulator behind a small rewriting proxy (`startVariant`).
 */
import { spawn } from "node:child_process";
import { createCipheriv, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { ROOT } from "../stack.ts";
import { startEmulator, type EmulatorHarness } from "../bench/workerd-harness.ts";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };
import { DEFAULT_VOTING } from "@userecho-edge/worker/config/voting";

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
  votesProbed: boolean;
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

async function checkJson(
  profile: string,
  env: Record<string, string> = SECRETS,
  { extra = [], at = base(profile) }: { extra?: string[]; at?: string } = {},
) {
  const run = await check(["--json", ...extra, "--base-url", at], env);
  const report = JSON.parse(run.stdout) as JsonReport;
  const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
  return { run, report, byId };
}

const control = (path: string, init?: RequestInit) =>
  fetch(`${emulator.emulatorUrl}/__emulator/${path}`, init);

/** The check user, as the check signs it in (credentials.ts), and a topic of the checked forum. */
const CHECK_GUID = "userecho-edge-check";

/** An `sso_token` for the emulator's SSO key (docs/USERECHO.md §10), URL-encoded. */
function ssoToken(payload: Record<string, unknown>): string {
  const key = Buffer.alloc(32);
  Buffer.from(credentials.ssoKey).copy(key, 0, 0, 32);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(payload)), cipher.final()]);
  return encodeURIComponent(Buffer.concat([iv, sealed]).toString("base64"));
}

/** A call to the emulator's API as the check user, as an admin's or a site's doing would be. */
async function asCheckUser(
  command: string,
  { groups, body }: { groups?: number[]; body?: unknown } = {},
): Promise<{ status: string; data?: unknown }> {
  const token = ssoToken({
    guid: CHECK_GUID,
    display_name: "userecho-edge check",
    expires: Math.floor(Date.now() / 1000) + 600,
    ...(groups === undefined ? {} : { groups }),
  });
  const url = `${base("extended")}/${command}.json?access_token=${credentials.anonymousToken}&sso_token=${token}`;
  const response = await fetch(
    url,
    body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
  );
  return (await response.json()) as { status: string; data?: unknown };
}

/** What a UserEcho that differs from every profile changes in the emulator's answers. */
interface Variant {
  /** Serve pages of at most this many items, as if `limit` were capped there. */
  capLimit?: number;
  /** Encode an empty list this way instead of `[]`. */
  emptyList?: "null" | "{}" | "missing";
  /** Date every tenth topic (by id) three years back, as topics imported with their old dates. */
  importedTopics?: boolean;
}

/**
 * The emulator behind a proxy that changes its answers as `variant` says: what such a UserEcho
 * would send, with everything else as the emulator serves it.
 */
async function startVariant(
  variant: Variant,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", emulator.emulatorUrl);
      const limit = Number(url.searchParams.get("limit") ?? 50);
      if (variant.capLimit !== undefined && limit > variant.capLimit) {
        url.searchParams.set("limit", String(variant.capLimit));
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const upstream = await fetch(url, {
        method: request.method ?? "GET",
        ...(chunks.length === 0 ? {} : { body: Buffer.concat(chunks) }),
      });
      let text = await upstream.text();
      try {
        text = JSON.stringify(rewrite(JSON.parse(text) as Record<string, unknown>, url, variant));
      } catch {
        // Not JSON: passed on as it came.
      }
      response.writeHead(upstream.status, { "Content-Type": "application/json" });
      response.end(text);
    })().catch(() => {
      response.writeHead(502);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function rewrite(body: Record<string, unknown>, url: URL, variant: Variant) {
  const data = body["data"];
  if (variant.emptyList !== undefined && Array.isArray(data) && data.length === 0) {
    if (variant.emptyList === "missing") {
      return Object.fromEntries(Object.entries(body).filter(([key]) => key !== "data"));
    }
    return { ...body, data: variant.emptyList === "null" ? null : {} };
  }
  if (variant.importedTopics && /\/topics(\/\d+)?\.json$/.test(url.pathname)) {
    const threeYears = 3 * 365 * 86_400_000;
    for (const topic of Array.isArray(data) ? data : [data]) {
      const item = topic as { id?: number; created?: string };
      if (typeof item.id === "number" && item.id % 10 === 0 && typeof item.created === "string") {
        item.created = new Date(Date.parse(item.created) - threeYears).toISOString();
      }
    }
  }
  return body;
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

// Each run starts from the seed: no check user yet, no vote of a run before.
beforeEach(async () => {
  await control("reset", { method: "POST" });
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
    expect(byId["topic.tags"]?.status).toBe("pass");
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
    expect(byId["limit"]?.evidence).toMatch(
      /forum 1's topics: 100 came back of 180, details\.limit=100; users: 100 came back of 540/,
    );
    expect(byId["users.by-rating"]).toMatchObject({ status: "fail", verdict: "refused" });
    expect(byId["users.by-rating"]?.evidence).toMatch(/ranking is exact/);
    expect(byId["comments.order"]).toMatchObject({ status: "pass", verdict: "works" });
    expect(byId["errors"]?.status).toBe("pass");
    expect(byId["errors"]?.evidence).toMatch(/HTTP 200.*HTTP 200.*only the worker's probe/);
    expect(byId["sso"]?.status).toBe("pass");
    expect(byId["sso"]?.evidence).toMatch(/creates the user "userecho-edge check"/);
    expect(byId["schema"]?.status).toBe("pass");

    // Evidence for what the worker assumes, or will need.
    expect(byId["lists.empty"]).toMatchObject({ status: "pass" });
    expect(byId["lists.empty"]?.evidence).toMatch(
      /a search without hits: \[\]; the comments of topic \d+ \(comment_count 0\): \[\]; the topics of forum 5 \(topic_count 0\): \[\]; page 3 of forum 1's topics \(past the end\): \[\]/,
    );
    expect(byId["topics.id-order"]).toMatchObject({ status: "pass" });
    expect(byId["topics.id-order"]?.evidence).toMatch(/over 100 topics of forum 1, ids grow/);
    expect(byId["kb.topics"]).toMatchObject({ status: "pass" });
    expect(byId["kb.topics"]?.evidence).toMatch(
      /forum 4 \(KNOWLEDGEBASE PUBLIC, 30 topics\): 10 article\(s\) read as topics, 10 pass/,
    );
    expect(byId["kb.topic"]?.evidence).toMatch(/^topics\/\d+: \{id, header, description, /);
    expect(byId["kb.comments"]?.evidence).toMatch(
      /^topics\/\d+\/comments: \[\d+ items\], an item: \{id, text, is_official, created, author\}$/,
    );
    // The seed stores pasted images and topic links as UserEcho does; today's worker drops them.
    expect(byId["rich.urls"]).toMatchObject({ status: "pass" });
    expect(byId["rich.urls"]?.evidence).toMatch(
      /img src: root-relative \d+ \(\/s\/attachments\/…\)/,
    );
    expect(byId["rich.urls"]?.evidence).toMatch(/a href: .*root-relative \d+ \(\/topics\/…\)/);
    expect(byId["rich.urls"]?.evidence).toMatch(/, (\d+) of the \1 relative URL\(s\) survive$/);
    expect(byId["users.sso"]).toMatchObject({ status: "pass" });
    expect(byId["users.sso"]?.evidence).toMatch(/is user \d+, the check user/);
    // The documented profile has no answer to guess a shape from.
    expect(byId["subscriptions"]).toMatchObject({ status: "fail" });
    expect(byId["subscriptions"]?.evidence).toMatch(/refused \(an error \(HTTP 200\)\)/);
    expect(byId["votes"]).toMatchObject({ status: "unknown" });
    expect(byId["votes"]?.evidence).toMatch(/run with --probe-votes/);
    // users/groups is documented: the seed's groups give up to 5 votes, which today's worker
    // shows as no vote at all.
    expect(byId["votes.weight"]).toMatchObject({ status: "pass" });
    expect(byId["votes.weight"]?.evidence).toMatch(
      /users\/groups: 3 group\(s\), vote_weight 1–5, 2 with a budget \(vote_count 1–10.*the worker shows a vote worth 5 as myVote 5$/,
    );

    expect(report.recommended).toEqual({
      USERECHO_BASE_URL: base("documented"),
      TOPIC_SORTS: "new",
      TOPIC_FILTERS: "status",
      VOTING: DEFAULT_VOTING,
    });
    // Relative URLs and weighted votes are what the worker reads now: nothing to warn about.
    expect(report.warnings).toEqual([]);
    expect(report.votesProbed).toBe(false);
    const stats = (await (await control("stats")).json()) as { writes: Record<string, number> };
    expect(stats.writes).toMatchObject({ topics: 0, comments: 0, votes: 0 });
  });

  it("prints the same as a table with the recommended settings", async ({ expect }) => {
    const run = await check(["--base-url", base("documented")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^sort\.top +✗ +order_by=-vote__diff refused/m);
    expect(run.stdout).toMatch(/^filter\.status +✔ /m);
    expect(run.stdout).toMatch(/^votes +\? /m);
    expect(run.stdout).toContain('TOPIC_SORTS = "new"');
    expect(run.stdout).toContain('TOPIC_FILTERS = "status"');
    expect(run.stdout).toContain(`VOTING = "${DEFAULT_VOTING}"`);
    expect(run.stdout).toContain("(GET requests only;");
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
    // Nobody signed the check user in, so UserEcho does not know it.
    expect(byId["users.sso"]).toMatchObject({ status: "unknown" });
    expect(byId["users.sso"]?.evidence).toMatch(/the check user may not exist yet/);
    expect(byId["subscriptions"]).toMatchObject({ status: "unknown" });
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
    // Only the vote, which a read cannot cast.
    expect(notPassed, JSON.stringify(report.checks.filter((c) => c.status !== "pass"))).toEqual([
      "votes",
    ]);
    expect(byId["errors"]?.evidence).toMatch(/HTTP 404.*HTTP 401/);
    expect(byId["topics.by-id"]?.evidence).toMatch(/not needed here: topics carry forum_id/);
    // The check user follows nothing yet; a topic author shows what an item looks like.
    expect(byId["subscriptions"]?.evidence).toMatch(
      /^users\/\d+\/subscriptions \(the check user's\): \[\], details present; a topic author's \(user \d+\): \[\d+ items\], an item: \{object_type: string, object_id: number, created: string\}, details present$/,
    );
    expect(report.recommended).toMatchObject({
      TOPIC_SORTS: "top,new,updated,discussed",
      TOPIC_FILTERS: "status,type,category,tag",
      VOTING: DEFAULT_VOTING,
    });
  });
});

describe("--probe-votes (a write: one vote as the check user, taken back)", () => {
  const statsWrites = async () =>
    ((await (await control("stats")).json()) as { writes: Record<string, number> }).writes;

  it("votes inline where the endpoint works, takes the vote back, and recommends inline", async ({
    expect,
  }) => {
    const { run, report, byId } = await checkJson("extended", SECRETS, {
      extra: ["--probe-votes"],
    });
    expect(run.code).toBe(0);
    expect(report.votesProbed).toBe(true);
    expect(byId["votes"]).toMatchObject({ status: "pass", verdict: "works" });
    const [, topicId, up, down] =
      /^topic (\d+), as the check user: vote\.current_user 0 → 1 → 0 \(positive (\d+) → \d+ → (\d+)\)/.exec(
        byId["votes"]?.evidence ?? "",
      ) ?? [];
    expect(topicId).toBeDefined();
    expect(up).toBe(down);
    expect(report.recommended["VOTING"]).toBe("inline");
    // Exactly the vote and its withdrawal were written, and the topic is as it was.
    expect(await statsWrites()).toMatchObject({ topics: 0, comments: 0, votes: 2 });
    const topic = (await asCheckUser(`topics/${topicId}`)).data as {
      vote: { current_user: number; positive: number };
    };
    expect(topic.vote).toMatchObject({ current_user: 0, positive: Number(up) });
  });

  it("reports a vote that counts the check user's group weight", async ({ expect }) => {
    // An admin put the check user into "Key accounts" (3 votes per topic).
    expect((await asCheckUser("users/current", { groups: [11] })).status).toBe("success");
    const { byId, report } = await checkJson("extended", SECRETS, { extra: ["--probe-votes"] });
    expect(byId["votes"]).toMatchObject({ status: "pass", verdict: "works" });
    expect(byId["votes"]?.evidence).toMatch(
      /vote\.current_user 0 → 3 → 0 .*the check user's vote counts 3 \(user groups\)$/,
    );
    expect(byId["votes.weight"]?.evidence).toMatch(/the probe's vote counted 3/);
    expect(report.recommended["VOTING"]).toBe("inline");
  });

  it("recommends community where UserEcho refuses the vote (the documented profile)", async ({
    expect,
  }) => {
    const { run, report, byId } = await checkJson("documented", SECRETS, {
      extra: ["--probe-votes"],
    });
    expect(run.code).toBe(0);
    expect(byId["votes"]).toMatchObject({ status: "fail", verdict: "refused" });
    expect(byId["votes"]?.evidence).toMatch(
      /POST topics\/\d+\/votes \{value: 1\} as the check user was refused \(HTTP 200, status "error"/,
    );
    expect(report.recommended["VOTING"]).toBe("community");
    expect(await statsWrites()).toMatchObject({ votes: 0 });
    const table = await check(["--probe-votes", "--base-url", base("documented")]);
    expect(table.stdout).toContain("one vote cast as the check user and taken back");
  });

  it("recommends community when the check user's vote budget is spent", async ({ expect }) => {
    // In "Trial" (one vote in all), which the check user has already given.
    expect((await asCheckUser("users/current", { groups: [13] })).status).toBe("success");
    expect((await asCheckUser("topics/1001/votes", { body: { value: 1 } })).status).toBe("success");
    const { byId, report } = await checkJson("extended", SECRETS, { extra: ["--probe-votes"] });
    expect(byId["votes"]).toMatchObject({ status: "fail", verdict: "refused" });
    expect(byId["votes"]?.evidence).toMatch(/HTTP 400.*a spent vote budget would look the same/);
    expect(report.recommended["VOTING"]).toBe("community");
    expect(await statsWrites()).toMatchObject({ votes: 1 }); // the set-up's only
  });

  it("needs the anonymous token and the SSO key (exit 2)", async ({ expect }) => {
    const run = await check(["--probe-votes", "--base-url", base("extended")], {
      USERECHO_API_TOKEN: credentials.agentToken,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--probe-votes votes as the check's own SSO user/);
    expect(await statsWrites()).toMatchObject({ votes: 0, users: 0 });
  });
});

describe("a UserEcho unlike every profile (the emulator behind a rewriting proxy)", () => {
  it("reports the limit cap: fewer came back than asked while the list holds more", async ({
    expect,
  }) => {
    const proxy = await startVariant({ capLimit: 50 });
    try {
      const { run, report, byId } = await checkJson("documented", SECRETS, {
        at: `${proxy.url}/profile/documented/api/v2`,
      });
      expect(run.code).toBe(0);
      expect(byId["limit"]).toMatchObject({ status: "fail" });
      expect(byId["limit"]?.evidence).toBe(
        "asked for limit=100: forum 1's topics: capped at 50 (50 came back of 180, details.limit=50); users: capped at 50 (50 came back of 540, details.limit=50)",
      );
      expect(report.warnings).toContainEqual(
        expect.stringMatching(/^UserEcho does not serve pages of 100 \(at most 50 came back\)/),
      );
    } finally {
      await proxy.close();
    }
  });

  it("reports each encoding of an empty list, and that the worker reads it", async ({ expect }) => {
    for (const encoding of ["null", "{}", "missing"] as const) {
      const proxy = await startVariant({ emptyList: encoding });
      try {
        const { run, byId } = await checkJson("documented", SECRETS, {
          at: `${proxy.url}/profile/documented/api/v2`,
        });
        expect(run.code, encoding).toBe(0);
        const shown = encoding === "missing" ? "data missing" : encoding;
        expect(byId["lists.empty"], encoding).toMatchObject({ status: "pass" });
        expect(byId["lists.empty"]?.evidence, encoding).toContain(
          `a search without hits: ${shown}`,
        );
        expect(byId["lists.empty"]?.evidence, encoding).not.toContain("which the worker fails on");
        expect(byId["topics.by-id"], encoding).toMatchObject({ status: "pass" });
      } finally {
        await proxy.close();
      }
    }
  });

  it("tells when topic ids do not grow with created (topics imported with their dates)", async ({
    expect,
  }) => {
    const proxy = await startVariant({ importedTopics: true });
    try {
      const { byId } = await checkJson("documented", SECRETS, {
        at: `${proxy.url}/profile/documented/api/v2`,
      });
      expect(byId["topics.id-order"]).toMatchObject({ status: "fail" });
      expect(byId["topics.id-order"]?.evidence).toMatch(
        /over 100 topics of forum 1, \d+ of 99 neighbours by created disagree with their ids \(topic \d+0 is older than topic \d+\)/,
      );
    } finally {
      await proxy.close();
    }
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
