import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { RATE_LIMIT_PERIOD_SECONDS } from "@userecho-edge/shared";
import { ROOT } from "../stack.ts";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };

const run = promisify(execFile);

/** Builds what `wrangler deploy` would upload, without uploading; returns the bundle's text. */
async function dryRunBundle(extraArgs: string[] = []): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), "userecho-edge-deploy-"));
  await run(
    join(ROOT, "node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--outdir", outdir, ...extraArgs],
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" } },
  );
  const bundles = readdirSync(outdir).filter((file) => file.endsWith(".js"));
  return bundles.map((file) => readFileSync(join(outdir, file), "utf8")).join("\n");
}

describe("wrangler deploy --dry-run", () => {
  it("builds the production bundle without the demo signer or any dev secret", async ({
    expect,
  }) => {
    const bundle = await dryRunBundle();
    expect(bundle).toContain("IdempotencyLedger");
    expect(bundle).not.toContain("userecho-edge demo signer");
    expect(bundle).not.toContain("/demo/login");
    for (const secret of [
      credentials.agentToken,
      credentials.anonymousToken,
      credentials.ssoKey,
      credentials.siteJwtSecret,
      credentials.partnerKey,
      credentials.adminKey,
      credentials.webhookToken,
      credentials.webhookKey,
    ]) {
      expect(bundle).not.toContain(secret);
    }
  });

  it("would contain the signer if the demo switch were on (so the check above can fail)", async ({
    expect,
  }) => {
    const bundle = await dryRunBundle(["--define", "__USERECHO_DEMO__:true"]);
    expect(bundle).toContain("userecho-edge demo signer");
  });
});

describe("wrangler check startup", () => {
  it("evaluates the production bundle's start-up without an error", async ({ expect }) => {
    // What workerd refuses only at start-up (random values or I/O in the global scope, for
    // one) passes every test that imports the modules in a running isolate; this does not.
    const { stdout, stderr } = await run(
      join(ROOT, "node_modules/.bin/wrangler"),
      ["check", "startup", "--outfile", join(mkdtempSync(join(tmpdir(), "startup-")), "p.json")],
      {
        cwd: ROOT,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
      },
    );
    expect(stdout + stderr).toMatch(/Active: [\d.]+ ms/);
  });
});

describe("wrangler.toml", () => {
  it("switches Workers Cache on, so shared answers are kept in front of the worker", ({
    expect,
  }) => {
    const config = unstable_readConfig({ config: join(ROOT, "wrangler.toml") });
    expect(config.cache).toEqual({ enabled: true });
  });

  it("gives every rate limit the period the worker announces in Retry-After", ({ expect }) => {
    const config = unstable_readConfig({ config: join(ROOT, "wrangler.toml") });
    expect(config.ratelimits.length).toBeGreaterThan(0);
    for (const limit of config.ratelimits) {
      expect({ name: limit.name, period: limit.simple.period }).toEqual({
        name: limit.name,
        period: RATE_LIMIT_PERIOD_SECONDS,
      });
    }
  });

  it("runs the warm-up every minute, as its one-minute look-ahead assumes", ({ expect }) => {
    // worker/src/warmup/index.ts, WARMUP_LOOKAHEAD_SECONDS.
    const config = unstable_readConfig({ config: join(ROOT, "wrangler.toml") });
    expect(config.triggers.crons).toEqual(["* * * * *"]);
  });
});

describe("pnpm check", () => {
  const wrangler = join(ROOT, "node_modules/.bin/wrangler");
  const check = (config: string) =>
    run(
      wrangler,
      ["types", "worker/worker-configuration.d.ts", "--strict-vars=false", "--check", "-c", config],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" } },
    );

  it("passes while the generated Env types match wrangler.toml", async ({ expect }) => {
    await expect(check("wrangler.toml")).resolves.toBeDefined();
  });

  it("fails once wrangler.toml changes without `pnpm types`", async ({ expect }) => {
    const changed = join(ROOT, `wrangler.stale-check-${process.pid}.toml`);
    const original = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
    writeFileSync(changed, original.replace("[vars]", '[vars]\nA_NEW_VARIABLE = "x"'));
    try {
      await expect(check(changed)).rejects.toThrow();
    } finally {
      rmSync(changed);
    }
  });
});
