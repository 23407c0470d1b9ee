/**
 * `pnpm setup-webhooks` as a site owner runs it: the CLI in a child process (Node 24, type
 * stripping) against the emulator in workerd, secrets in the environment. Every run's output is
 * scanned for them.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };
import { ROOT } from "../stack.ts";
import { startEmulator, type EmulatorHarness } from "../bench/workerd-harness.ts";

const NODE = join(ROOT, "node_modules/.bin/node");
const CLI = join(ROOT, "worker/scripts/setup-webhooks.ts");
const TARGET = "https://feedback.example.com";
const HOOK_URL = `${TARGET}/v1/hooks/userecho/${credentials.webhookToken}`;
const EVENTS = [
  "topic.created",
  "topic.accepted",
  "topic.deleted",
  "comment.created",
  "comment.accepted",
  "comment.deleted",
];

const SECRETS = {
  USERECHO_API_TOKEN: credentials.agentToken,
  USERECHO_WEBHOOK_TOKEN: credentials.webhookToken,
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface JsonReport {
  hookUrl: string;
  listed: boolean;
  events: { event: string; state: string; hookId?: number }[];
  otherTokenHooks: number;
  ok: boolean;
  problem?: string;
}

/** One CLI run with only the given environment (plus PATH); fails on any secret in its output. */
async function setup(args: string[], env: Record<string, string> = SECRETS): Promise<Run> {
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
  for (const [name, secret] of Object.entries({ ...SECRETS, ...env })) {
    if (name === "PATH" || secret.length < 8) continue;
    if (
      (stdout + stderr).includes(secret) ||
      (stdout + stderr).includes(encodeURIComponent(secret))
    ) {
      throw new Error(`setup-webhooks printed ${name}`);
    }
  }
  if (/access_token=/.test(stdout + stderr)) throw new Error("setup-webhooks printed a token URL");
  return { code, stdout, stderr };
}

let emulator: EmulatorHarness;
const base = (profile: string) => `${emulator.emulatorUrl}/profile/${profile}/api/v2`;

/** What the emulator has registered, read through its (guessed) list call. */
async function registered(): Promise<
  { id: number; target_url: string; events: Record<string, boolean> }[]
> {
  const url = `${base("extended")}/hooks.json?access_token=${credentials.agentToken}`;
  const body = (await (await fetch(url)).json()) as { data: never[] };
  return body.data;
}

const eventsOf = (hook: { events: Record<string, boolean> }) =>
  Object.keys(hook.events).filter((event) => hook.events[event]);

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.dispose();
});

beforeEach(async () => {
  await fetch(`${emulator.emulatorUrl}/__emulator/reset`, { method: "POST" });
});

describe("where UserEcho lists its hooks (the extended profile)", () => {
  it("registers every event the board needs, and a second run changes nothing", async ({
    expect,
  }) => {
    const first = await setup(["--base-url", base("extended"), "--target", TARGET]);
    expect(first.code).toBe(0);
    for (const event of EVENTS) expect(first.stdout).toMatch(new RegExp(`${event}\\s+registered`));
    expect(first.stdout).toContain(`${TARGET}/v1/hooks/userecho/<USERECHO_WEBHOOK_TOKEN>`);
    expect(first.stdout).toContain("wrangler secret put USERECHO_WEBHOOK_TOKEN");
    expect(first.stdout).toContain("wrangler secret put USERECHO_WEBHOOK_KEY");
    const hooks = await registered();
    expect(hooks.map((hook) => hook.target_url)).toEqual(EVENTS.map(() => HOOK_URL));
    expect(hooks.flatMap(eventsOf).sort()).toEqual([...EVENTS].sort());

    const second = await setup(["--json", "--base-url", base("extended"), "--target", TARGET]);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as JsonReport;
    expect(report.listed).toBe(true);
    expect(report.events.map((row) => row.state)).toEqual(EVENTS.map(() => "already registered"));
    expect(await registered()).toEqual(hooks);
  });

  it("registers only what is missing, and points out hooks with another token", async ({
    expect,
  }) => {
    const add = (event: string, target: string) =>
      fetch(`${base("extended")}/hooks.json?access_token=${credentials.agentToken}`, {
        method: "POST",
        body: JSON.stringify({ event, target_url: target }),
      });
    await add("topic.created", HOOK_URL);
    await add("comment.created", `${TARGET}/v1/hooks/userecho/${"an-old-token-".repeat(3)}`);
    const run = await setup(["--json", "--base-url", base("extended"), "--target", TARGET]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(run.code).toBe(0);
    expect(report.events.find((row) => row.event === "topic.created")).toMatchObject({
      state: "already registered",
      hookId: 1,
    });
    expect(report.events.filter((row) => row.state === "registered")).toHaveLength(5);
    expect(report.otherTokenHooks).toBe(1);
    expect((await registered()).filter((hook) => hook.target_url === HOOK_URL)).toHaveLength(6);
  });
});

describe("where UserEcho does not list its hooks (only what is documented)", () => {
  it("registers nothing, says why, and exits 1", async ({ expect }) => {
    const run = await setup(["--base-url", base("documented"), "--target", TARGET]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("UserEcho did not list its hooks");
    expect(run.stdout).toContain("--without-listing");
    expect(await registered()).toEqual([]);
  });

  it("registers every event with --without-listing", async ({ expect }) => {
    const run = await setup([
      "--json",
      "--without-listing",
      "--base-url",
      base("documented"),
      "--target",
      TARGET,
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.listed).toBe(false);
    expect(report.events.map((row) => row.state)).toEqual(EVENTS.map(() => "registered"));
    expect((await registered()).flatMap(eventsOf).sort()).toEqual([...EVENTS].sort());
  });
});

describe("failures and bad usage", () => {
  it("names a refused agent token and exits 1", async ({ expect }) => {
    const run = await setup(["--base-url", base("extended"), "--target", TARGET], {
      ...SECRETS,
      USERECHO_API_TOKEN: "UE-WRONG-TOKEN-for-setup-webhooks-0000",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("UserEcho refused USERECHO_API_TOKEN");
    expect(await registered()).toEqual([]);
  });

  it("refuses bad usage with exit 2, never repeating a value", async ({ expect }) => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["--target", TARGET], SECRETS, /Give --alias or --base-url/],
      [["--alias", "demo"], SECRETS, /Give --target/],
      [["--alias", "demo", "--target", `${TARGET}/feedback`], SECRETS, /origin only/],
      [["--alias", "demo", "--target", "http://feedback.example.com"], SECRETS, /must be https/],
      [
        ["--alias", "demo", "--target", TARGET],
        { USERECHO_API_TOKEN: credentials.agentToken },
        /USERECHO_WEBHOOK_TOKEN secret is not set.*openssl rand -hex 32/s,
      ],
      [
        ["--alias", "demo", "--target", TARGET],
        { ...SECRETS, USERECHO_WEBHOOK_TOKEN: "too-short" },
        /at least 32 characters/,
      ],
      [
        ["--alias", "demo", "--target", TARGET, "--token", credentials.webhookToken],
        SECRETS,
        /Refusing an argument that looks like a token/,
      ],
    ];
    for (const [args, env, message] of cases) {
      const run = await setup(args, env);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(message);
    }
    expect(await registered()).toEqual([]);
  });

  it("prints its usage with --help", async ({ expect }) => {
    const run = await setup(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("USERECHO_WEBHOOK_TOKEN");
  });
});
