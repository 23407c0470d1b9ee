/**
 * The production bundle in workerd, without `wrangler dev`: exactly what `wrangler deploy
 * --dry-run` builds, configured from `wrangler.toml` (variables, rate limits, Durable Objects,
 * compatibility date), run through Miniflare's API in one workerd process together with the
 * UserEcho emulator and, optionally, the pass-through peer proxy (peer-proxy.ts).
 *
 * Why not `wrangler dev`: its Node proxy sits in front of every request and takes about as much
 * CPU as the worker, so a throughput figure measured through it is mostly the dev server's.
 * Here the worker and the peer are reached on direct sockets (no Miniflare entry worker in
 * front); their outbound fetches go, in process, to the emulator, as in the worker's own tests
 * (through Miniflare's small outbound worker). workerd's stdout, where the worker logs one JSON
 * line per request, goes to /dev/null unless a `log` is given. Rate limits can be answered in
 * the worker's isolate instead of by Miniflare's Durable Object (`rateLimiter`).
 *
 * Not served: the static assets (`widget.js`); on Cloudflare they never reach the Worker, and
 * `/v1/*` runs the Worker first.
 */
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { unstable_getDurableObjectClassNameToUseSQLiteMap, unstable_readConfig } from "wrangler";
import { ROOT, devVars, resolvePackageFile } from "../stack.ts";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };

/** The emulator's bundle, from its package (built by `pnpm build`). */
const EMULATOR_SCRIPT = resolvePackageFile("@userecho-edge/emulator/worker");

const run = promisify(execFile);

type WorkerOptions = MiniflareOptions["workers"][number];
type WorkerConfig = WorkerOptions["config"];
type Bindings = NonNullable<WorkerConfig["env"]>;
type Modules = NonNullable<WorkerConfig["manifest"]>["modules"];

export const EMULATOR_NAME = "userecho-emulator";
export const PEER_NAME = "peer-proxy";
/** The entry module of the `in-isolate` rate limiter variant (see {@link rateLimiterShim}). */
const SHIM_MODULE = "bench-entry.js";
/**
 * The upstream origin the worker and the peer are configured with. Nothing listens there: their
 * outbound fetches are routed to the emulator inside workerd, whatever the host.
 */
export const UPSTREAM_ORIGIN = `https://${credentials.alias}.userecho.com`;

/**
 * The parts of wrangler's normalised config the harness reads (its declared type comes from a
 * package this one cannot see, so it arrives untyped).
 */
interface WranglerConfig {
  name: string;
  compatibility_date: string;
  compatibility_flags: string[];
  vars: Record<string, unknown>;
  ratelimits: { name: string; namespace_id: string; simple: { limit: number; period: 10 | 60 } }[];
  durable_objects: { bindings: { name: string; class_name: string }[] };
  migrations: Parameters<typeof unstable_getDurableObjectClassNameToUseSQLiteMap>[0];
}

/** What `wrangler deploy --dry-run` wrote: the modules it would upload. */
export interface ProductionBundle {
  dir: string;
  mainModule: string;
  modules: Record<string, Uint8Array>;
  /** Sum of the modules' sizes, raw and gzip (level 9), source maps excluded. */
  bytes: number;
  gzipBytes: number;
}

export interface HarnessOptions {
  /** A bundle from {@link buildProductionBundle}; built into a temporary folder when absent. */
  bundle?: ProductionBundle;
  /** Worker variables and secrets on top of `wrangler.toml` `[vars]` and the dev values. */
  vars?: Record<string, string>;
  /** Replaces the `limit` of every rate-limit binding, e.g. so a benchmark is never refused. */
  rateLimit?: number;
  /**
   * Who answers the rate-limit bindings. `miniflare` (default): Miniflare's own, a SQLite
   * Durable Object behind a fetch on every `limit()` call; measured here at about 1.2 ms of
   * workerd CPU per call and ~200 calls a second in all, it would be the bottleneck of any
   * throughput figure. `in-isolate`: a fixed-window counter in the worker's own isolate (see
   * {@link rateLimiterShim}); a stub in another worker, called over RPC, was measured too and
   * adds ~0.14 ms per request, as much as a whole bare request of the worker.
   */
  rateLimiter?: "miniflare" | "in-isolate";
  /** Also start the pass-through peer proxy (peer-proxy.ts). */
  peer?: boolean;
  /**
   * The emulator's profile (test/emulator/src/profile.ts): `documented` by default, as in
   * every suite; `extended` where a benchmark needs UserEcho to honour guessed filters.
   */
  emulatorProfile?: "documented" | "documented-ignore" | "extended";
  /**
   * Where workerd's log lines go. When absent, workerd's stdout (the worker's request log, one
   * JSON line per request) goes straight to /dev/null: Miniflare would otherwise read and
   * JSON-parse every line in this process, which at thousands of requests a second takes a good
   * part of a core from the worker on a small machine.
   */
  log?: (line: string) => void;
}

export interface Harness {
  workerUrl: string;
  emulatorUrl: string;
  /** Set when started with `peer: true`. */
  peerUrl: string | undefined;
  /** The workerd process running all of them (for CPU time and memory). */
  workerdPid: number;
  bundle: ProductionBundle;
  dispose(): Promise<void>;
}

/** Runs `wrangler deploy --dry-run --outdir` (no upload) and reads what it wrote. */
export async function buildProductionBundle(
  outdir = mkdtempSync(join(tmpdir(), "userecho-edge-bundle-")),
): Promise<ProductionBundle> {
  await run(join(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", outdir], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
  });
  return readProductionBundle(outdir);
}

/** Reads the output folder of `wrangler deploy --dry-run --outdir`. */
export function readProductionBundle(outdir: string): ProductionBundle {
  const modules: Record<string, Uint8Array> = {};
  for (const file of readdirSync(outdir)) {
    if (file.endsWith(".js") || file.endsWith(".mjs") || file.endsWith(".wasm")) {
      modules[file] = readFileSync(join(outdir, file));
    }
  }
  const mainModule = "index.js" in modules ? "index.js" : Object.keys(modules)[0];
  if (mainModule === undefined) throw new Error(`wrangler wrote no module to ${outdir}`);
  const all = Buffer.concat(Object.values(modules));
  return {
    dir: outdir,
    mainModule,
    modules,
    bytes: all.length,
    gzipBytes: gzipSync(all, { level: 9 }).length,
  };
}

/** Starts emulator, worker (and peer) in one workerd; see the module comment. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const bundle = options.bundle ?? (await buildProductionBundle());
  const config = unstable_readConfig({ config: join(ROOT, "wrangler.toml") }) as WranglerConfig;

  const env: Bindings = {};
  for (const [name, value] of Object.entries(config.vars)) {
    env[name] =
      typeof value === "string" ? { type: "text", value } : { type: "json", value: value as never };
  }
  for (const [name, value] of Object.entries({
    ...devVars(UPSTREAM_ORIGIN, options.emulatorProfile),
    ...options.vars,
  })) {
    env[name] = { type: "text", value };
  }
  const limiters = config.ratelimits.map((limiter) => ({
    name: limiter.name,
    namespace: limiter.namespace_id,
    simple: {
      limit: options.rateLimit ?? limiter.simple.limit,
      period: limiter.simple.period,
    },
  }));
  const inIsolate = options.rateLimiter === "in-isolate";
  if (!inIsolate) {
    for (const { name, namespace, simple } of limiters) {
      env[name] = { type: "rate-limit", namespace, simple };
    }
  }
  const modules = esModules(bundle.modules);
  if (inIsolate) {
    modules[SHIM_MODULE] = { type: "esm", contents: rateLimiterShim(bundle.mainModule, limiters) };
  }
  const sqlite = unstable_getDurableObjectClassNameToUseSQLiteMap(config.migrations);
  const exports: NonNullable<WorkerConfig["exports"]> = {};
  for (const binding of config.durable_objects.bindings) {
    env[binding.name] = {
      type: "durable-object",
      worker: config.name,
      exportName: binding.class_name,
    };
    exports[binding.class_name] = {
      type: "durable-object",
      storage: sqlite.get(binding.class_name) ? "sqlite" : "legacy-kv",
    };
  }

  const direct = [{ host: "127.0.0.1", port: 0 }];
  const toEmulator = { type: "worker", worker: EMULATOR_NAME } as const;
  const workers: WorkerOptions[] = [
    {
      config: {
        name: config.name,
        compatibilityDate: config.compatibility_date,
        compatibilityFlags: config.compatibility_flags,
        manifest: { mainModule: inIsolate ? SHIM_MODULE : bundle.mainModule, modules },
        env,
        exports,
      },
      dev: { outboundService: toEmulator, unsafeDirectSockets: direct, stripCfConnectingIp: false },
    },
    emulatorWorker(options.emulatorProfile),
  ];
  if (options.peer) {
    workers.push({
      config: {
        name: PEER_NAME,
        compatibilityDate: config.compatibility_date,
        manifest: { mainModule: "peer.js", modules: { "peer.js": await peerModule() } },
        env: {
          USERECHO_BASE_URL: { type: "text", value: `${UPSTREAM_ORIGIN}/api/v2` },
          USERECHO_API_TOKEN: { type: "text", value: credentials.agentToken },
        },
      },
      dev: { outboundService: toEmulator, unsafeDirectSockets: direct },
    });
  }

  const log = options.log;
  const before = new Set(childWorkerdPids());
  // Miniflare spawns MINIFLARE_WORKERD_PATH when set; it reads it while starting up.
  const workerdPathBefore = process.env["MINIFLARE_WORKERD_PATH"];
  if (!log) process.env["MINIFLARE_WORKERD_PATH"] = workerdWithoutStdout();
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    logRequests: false,
    enableDevRegistry: false,
    telemetry: { enabled: false },
    handleStructuredLogs: log ? ({ message }) => log(message) : () => {},
    workers,
  });
  try {
    try {
      await mf.ready;
    } finally {
      if (workerdPathBefore === undefined) delete process.env["MINIFLARE_WORKERD_PATH"];
      else process.env["MINIFLARE_WORKERD_PATH"] = workerdPathBefore;
    }
    const workerdPid = childWorkerdPids().find((pid) => !before.has(pid));
    if (workerdPid === undefined) throw new Error("workerd started, but its process is not found");
    const url = async (name: string) => (await mf.unsafeGetDirectURL(name)).origin;
    return {
      workerUrl: await url(config.name),
      emulatorUrl: await url(EMULATOR_NAME),
      peerUrl: options.peer ? await url(PEER_NAME) : undefined,
      workerdPid,
      bundle,
      dispose: () => mf.dispose(),
    };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
}

/** The emulator as a Miniflare worker, on a direct socket of its own. */
function emulatorWorker(profile: HarnessOptions["emulatorProfile"] = "documented"): WorkerOptions {
  const emulatorConfig = unstable_readConfig({
    config: resolvePackageFile("@userecho-edge/emulator/wrangler.toml"),
  }) as WranglerConfig;
  return {
    config: {
      name: EMULATOR_NAME,
      compatibilityDate: emulatorConfig.compatibility_date,
      manifest: {
        mainModule: "emulator.js",
        modules: {
          "emulator.js": {
            type: "esm",
            contents: readFileSync(EMULATOR_SCRIPT, "utf8"),
          },
        },
      },
      env: { EMULATOR_PROFILE: { type: "text", value: profile } },
    },
    dev: { unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }] },
  };
}

export interface EmulatorHarness {
  /** `http://127.0.0.1:PORT`; `/profile/<name>/api/v2` picks a profile per request. */
  emulatorUrl: string;
  dispose(): Promise<void>;
}

/**
 * Only the emulator (its built bundle, `@userecho-edge/emulator/worker`), in workerd through
 * Miniflare: for suites that talk to UserEcho's API directly, e.g. `pnpm check-userecho`'s.
 * Starts in a second or two, since no production bundle is built.
 */
export async function startEmulator(
  options: Pick<HarnessOptions, "emulatorProfile"> = {},
): Promise<EmulatorHarness> {
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    logRequests: false,
    enableDevRegistry: false,
    telemetry: { enabled: false },
    handleStructuredLogs: () => {},
    workers: [emulatorWorker(options.emulatorProfile)],
  });
  try {
    await mf.ready;
    return {
      emulatorUrl: (await mf.unsafeGetDirectURL(EMULATOR_NAME)).origin,
      dispose: () => mf.dispose(),
    };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
}

/**
 * The `in-isolate` variant's entry module: the production bundle's own exports, unchanged, except
 * that the default handler is called with an `env` whose rate-limit bindings are fixed-window
 * counters in this isolate (same `limit({ key })` → `{ success }` contract, same limit and
 * period). The patched `env` is made once per real one, so its identity stays stable, as the
 * worker's per-isolate caches (keyed by `env`) need.
 */
function rateLimiterShim(
  mainModule: string,
  limiters: { name: string; namespace: string; simple: { limit: number; period: number } }[],
): string {
  return `import worker from "./${mainModule}";
export * from "./${mainModule}";

const LIMITERS = ${JSON.stringify(limiters)};

function fixedWindow({ limit, period }) {
  const windows = new Map();
  return {
    async limit({ key }) {
      const epoch = Math.floor(Date.now() / (period * 1000));
      const found = windows.get(key);
      const count = found !== undefined && found.epoch === epoch ? found.count : 0;
      if (count >= limit) return { success: false };
      if (windows.size > 100000) windows.clear();
      windows.set(key, { epoch, count: count + 1 });
      return { success: true };
    },
  };
}

const limiters = Object.fromEntries(LIMITERS.map(({ name, simple }) => [name, fixedWindow(simple)]));
const patched = new WeakMap();
function withLimiters(env) {
  let found = patched.get(env);
  if (found === undefined) {
    found = { ...env, ...limiters };
    patched.set(env, found);
  }
  return found;
}

export default Object.fromEntries(
  Object.entries(worker).map(([name, value]) => [
    name,
    typeof value === "function"
      ? (event, env, ctx) => value.call(worker, event, withLimiters(env), ctx)
      : value,
  ]),
);
`;
}

function esModules(modules: Record<string, Uint8Array>): Modules {
  const result: Modules = {};
  for (const [name, contents] of Object.entries(modules)) {
    result[name] = name.endsWith(".wasm")
      ? { type: "wasm", contents: new Uint8Array(contents) }
      : { type: "esm", contents: Buffer.from(contents).toString("utf8") };
  }
  return result;
}

async function peerModule(): Promise<{ type: "esm"; contents: string }> {
  const result = await build({
    entryPoints: [join(ROOT, "test/bench/peer-proxy.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "warning",
  });
  return { type: "esm", contents: result.outputFiles[0]!.text };
}

/**
 * A script that runs Miniflare's own workerd binary with stdout on /dev/null (stderr stays with
 * Miniflare, for start-up errors). `exec` keeps the pid and the name `workerd`.
 */
function workerdWithoutStdout(): string {
  const binary = createRequire(createRequire(import.meta.url).resolve("miniflare"))("workerd") as {
    default: string;
  };
  const script = join(mkdtempSync(join(tmpdir(), "userecho-edge-workerd-")), "workerd");
  writeFileSync(script, `#!/bin/sh\nexec '${binary.default}' "$@" >/dev/null\n`);
  chmodSync(script, 0o755);
  return script;
}

/** Pids of this process's `workerd` children (Miniflare spawns the binary directly). */
function childWorkerdPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (comm === "workerd" && ppid === process.pid) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}
