/**
 * Starts the local stack: the UserEcho emulator and the worker, each under `wrangler dev`, with
 * the worker's upstream pointed at the emulator. Used by `pnpm dev`, the browser tests and the
 * benchmarks, so all three run the same thing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/**
 * A file a workspace package exports, as a path. `import.meta.resolve` would say it more
 * directly, but Vitest's module runner does not implement it, and the suites import this file.
 */
export const resolvePackageFile = (specifier: string): string =>
  createRequire(import.meta.url).resolve(specifier);
/** The emulator's wrangler config, from its package. */
const EMULATOR_CONFIG = resolvePackageFile("@userecho-edge/emulator/wrangler.toml");
const WRANGLER = `${ROOT}node_modules/.bin/wrangler`;

export interface StackOptions {
  /** Worker port; 0 picks a free one. */
  workerPort?: number;
  /** Emulator port; 0 picks a free one. */
  emulatorPort?: number;
  /** Extra worker variables (name → value), e.g. to switch a feature on in a test. */
  vars?: Record<string, string>;
  /** Where wrangler's output goes; by default it is kept and shown only if start-up fails. */
  log?: (line: string) => void;
  /**
   * Local state (Cache API, KV, rate-limit counters). Tests and benchmarks pass a fresh folder
   * so each run starts cold; `pnpm dev` keeps wrangler's default.
   */
  persistTo?: string;
  /** Bundle the demo-only site login (worker/src/demo). Never part of a deploy. */
  demo?: boolean;
  /**
   * What the emulator serves the worker (test/emulator/src/profile.ts): `documented`, only what
   * UserEcho documents, by default, as in every suite; `extended` implements every guess;
   * `chaos` or `chaos-<seed>` answers in the encodings of a plausible production UserEcho
   * (test/emulator/src/chaos).
   */
  profile?: EmulatorProfile;
  /**
   * Also start a second worker against the extended profile, voting inline: for what only a
   * richer UserEcho could do (filters by type, the inferred vote endpoint). Its URL is
   * `Stack.extendedWorkerUrl`.
   */
  extendedWorker?: boolean;
  /**
   * More workers on the same emulator, by name, each with a profile and variables of its own
   * (over `vars`), e.g. `VOTING=auto`. Their URLs are `Stack.workerUrls[name]`.
   */
  workers?: Record<string, { profile: EmulatorProfile; vars?: Record<string, string> }>;
}

export type EmulatorProfile =
  "documented" | "documented-ignore" | "extended" | "chaos" | `chaos-${string}`;

/** `EMULATOR_PROFILE` from the environment, checked, or `undefined` when unset. */
export function emulatorProfileFrom(value: string | undefined): EmulatorProfile | undefined {
  if (value === undefined || value === "") return undefined;
  if (/^(documented|documented-ignore|extended|chaos|chaos-[a-z0-9]{1,40})$/.test(value)) {
    return value as EmulatorProfile;
  }
  throw new Error(
    `EMULATOR_PROFILE=${value}: expected documented, documented-ignore, extended, chaos or chaos-<seed> (a-z0-9)`,
  );
}

export interface Stack {
  workerUrl: string;
  emulatorUrl: string;
  /** With `extendedWorker`: a worker whose UserEcho is the extended profile. */
  extendedWorkerUrl: string | undefined;
  /** The URLs of `StackOptions.workers`, by name. */
  workerUrls: Record<string, string>;
  stop(): Promise<void>;
  /** Process-group ids of [emulator, worker], e.g. to sample their memory. */
  pids(): number[];
}

/**
 * The worker's variables and secrets for local runs: the emulator's credentials, never real ones,
 * and the emulator's profile chosen by path (`/profile/<name>/api/v2`).
 */
export function devVars(
  emulatorUrl: string,
  profile: EmulatorProfile = "documented",
): Record<string, string> {
  return {
    USERECHO_ALIAS: credentials.alias,
    USERECHO_BASE_URL: `${emulatorUrl}/profile/${profile}/api/v2`,
    // The emulator also plays the community website, so signed-in links work offline.
    USERECHO_COMMUNITY_URL: emulatorUrl,
    USERECHO_API_TOKEN: credentials.agentToken,
    USERECHO_ANON_TOKEN: credentials.anonymousToken,
    USERECHO_SSO_KEY: credentials.ssoKey,
    SITE_JWT_SECRET: credentials.siteJwtSecret,
    // Only the extended emulator has the inferred vote endpoint; documented UserEcho has none,
    // so votes hand off to the community page there, as in production by default.
    VOTING: profile === "extended" ? "inline" : "community",
    PARTNER_KEYS: `${credentials.partnerId}:${sha256Hex(credentials.partnerKey)}`,
    ADMIN_KEYS: `${credentials.adminId}:${sha256Hex(credentials.adminKey)}`,
    // The emulator signs its webhook deliveries with this key (registerWebhooks).
    USERECHO_WEBHOOK_TOKEN: credentials.webhookToken,
    USERECHO_WEBHOOK_KEY: credentials.webhookKey,
  };
}

/** The events the worker acts on, as `pnpm setup-webhooks` registers them. */
const WEBHOOK_EVENTS = [
  "topic.created",
  "topic.accepted",
  "topic.deleted",
  "comment.created",
  "comment.accepted",
  "comment.deleted",
];

/**
 * Registers a worker's webhook with the emulator, for every event the worker acts on, as
 * `pnpm setup-webhooks` would with UserEcho: from then on, what an admin changes in the emulator
 * (`/__emulator/admin/…`) and what users write reaches the worker within a delivery. Returns the
 * hook ids.
 */
export async function registerWebhooks(emulatorUrl: string, workerUrl: string): Promise<number[]> {
  const target = `${workerUrl}/v1/hooks/userecho/${credentials.webhookToken}`;
  const ids: number[] = [];
  for (const event of WEBHOOK_EVENTS) {
    const response = await fetch(
      `${emulatorUrl}/api/v2/hooks.json?access_token=${credentials.agentToken}`,
      { method: "POST", body: JSON.stringify({ event, target_url: target }) },
    );
    const body = (await response.json()) as { data?: { id?: number } };
    if (!response.ok || typeof body.data?.id !== "number") {
      throw new Error(`the emulator did not register the ${event} hook (HTTP ${response.status})`);
    }
    ids.push(body.data.id);
  }
  return ids;
}

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const children: ChildProcess[] = [];
  const output: string[] = [];
  const log = options.log ?? ((line: string) => output.push(line));

  const stop = async () => {
    await Promise.all(children.map(stopProcess));
  };

  const persist = options.persistTo ? ["--persist-to", options.persistTo] : [];
  try {
    const emulator = await startWrangler(
      options.emulatorPort,
      (port) => ["-c", EMULATOR_CONFIG, "--port", String(port), ...persist],
      "/__emulator/stats",
      log,
    );
    children.push(emulator.child);

    // Only pnpm dev and the browser tests compile in the demo-only site login.
    const define = options.demo ? ["--define", "__USERECHO_DEMO__:true"] : [];
    const startWorker = async (
      profile: EmulatorProfile,
      port: number | undefined,
      own: { name?: string; vars?: Record<string, string> } = {},
    ) => {
      const vars = { ...devVars(emulator.url, profile), ...options.vars, ...own.vars };
      const varArgs = Object.entries(vars).flatMap(([name, value]) => [
        "--var",
        `${name}:${value}`,
      ]);
      // Each worker keeps its own local state: two processes must not share one SQLite file.
      const folder = own.name ?? profile;
      const state = options.persistTo ? ["--persist-to", `${options.persistTo}/${folder}`] : [];
      const worker = await startWrangler(
        port,
        (free) => ["-c", "wrangler.toml", "--port", String(free), ...state, ...define, ...varArgs],
        "/widget.js",
        log,
      );
      children.push(worker.child);
      return worker.url;
    };
    const workerUrl = await startWorker(options.profile ?? "documented", options.workerPort);
    const extendedWorkerUrl = options.extendedWorker
      ? await startWorker("extended", undefined)
      : undefined;
    const workerUrls: Record<string, string> = {};
    for (const [name, { profile, vars }] of Object.entries(options.workers ?? {})) {
      workerUrls[name] = await startWorker(profile, undefined, {
        name: `worker-${name}`,
        ...(vars ? { vars } : {}),
      });
    }
    return {
      workerUrl,
      extendedWorkerUrl,
      workerUrls,
      emulatorUrl: emulator.url,
      stop,
      pids: () => children.map((child) => child.pid!),
    };
  } catch (error) {
    await stop();
    if (!options.log) process.stderr.write(output.join(""));
    throw error;
  }
}

/**
 * Starts one `wrangler dev` and waits until `readyPath` answers. With no fixed port it picks a
 * free one, and picks again if wrangler finds it taken: a port is only free until somebody
 * binds it, and the other wrangler of the stack (or of a suite running beside) opens ephemeral
 * ports of its own while starting. CI once lost a run to exactly that.
 */
async function startWrangler(
  fixedPort: number | undefined,
  args: (port: number) => string[],
  readyPath: string,
  log: (line: string) => void,
): Promise<{ child: ChildProcess; url: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort || (await freePort());
    let portTaken = false;
    const child = wranglerDev(args(port), (line) => {
      if (line.includes("Address already in use")) portTaken = true;
      log(line);
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${url}${readyPath}`, child, () => portTaken);
      return { child, url };
    } catch (error) {
      await stopProcess(child);
      // Its last output (the "Address already in use") may arrive after the exit event.
      await new Promise((resolve) => {
        if (child.stdout?.readableEnded && child.stderr?.readableEnded) resolve(undefined);
        else child.once("close", resolve);
        setTimeout(resolve, 1_000).unref();
      });
      if (portTaken && !fixedPort && attempt < 5) continue;
      throw error;
    }
  }
}

function wranglerDev(args: string[], log: (line: string) => void): ChildProcess {
  const child = spawn(
    WRANGLER,
    [
      "dev",
      ...args,
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      "0",
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
    ],
    {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => log(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => log(chunk.toString()));
  return child;
}

async function waitForHttp(
  url: string,
  child: ChildProcess,
  portTaken: () => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`wrangler exited (${child.exitCode}) before ${url} answered`);
    if (portTaken()) throw new Error(`${url}: the port is already in use`);
    try {
      // A port held by something that accepts but never answers must not hang the start-up.
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM"); // the whole group: wrangler and its workerd
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
