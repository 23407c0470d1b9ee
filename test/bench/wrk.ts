/**
 * Runs `wrk` (the load generator of the workerd benchmarks) and accounts for where the CPU went
 * while it ran: workerd, wrk itself, this Node process (Miniflare drains workerd's log lines
 * here) and everything else on the machine, each as a share of one core, from /proc.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

/** Printed, and the bench stops, when `wrk` is not on PATH. */
export const WRK_MISSING = `wrk, the load generator of the workerd benchmarks, is not installed.
Install it and run the bench again:
  Debian/Ubuntu: sudo apt-get install -y wrk
  macOS:         brew install wrk
  elsewhere:     https://github.com/wg/wrk (make, then put wrk on PATH)`;

export function wrkInstalled(): boolean {
  // wrk has no --version that exits 0; only a missing binary makes spawn fail.
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

export interface WrkOptions {
  /** Origin (and path when `paths` is absent) to load. */
  url: string;
  /** Paths requested in turn, each thread cycling through a slice of its own. */
  paths?: readonly string[];
  connections: number;
  threads: number;
  durationS: number;
  /** The workerd process whose CPU time and memory are measured. */
  workerdPid: number;
  /** Called about once a second with workerd's resident memory, in MiB. */
  onMemorySample?: (seconds: number, rssMiB: number) => void;
}

/** CPU used during the run, in cores (1 = one core busy all the time). */
export interface CpuShares {
  workerd: number;
  wrk: number;
  /** This process: the bench itself and Miniflare's drain of workerd's output. */
  node: number;
  /** Every other process on the machine (other agents, the kernel's own work). */
  others: number;
  /** Cores of the machine. */
  cores: number;
}

export interface WrkResult {
  requests: number;
  durationS: number;
  throughput: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx or 3xx, and socket errors. */
  errors: number;
  /** Mean bytes read per response (headers included). */
  bytesPerResponse: number;
  cpu: CpuShares;
  /** workerd CPU time (user + system) during the run divided by the requests answered. */
  workerdCpuMsPerRequest: number;
  /** With `paths`: how many were requested, and whether a thread ran past its slice. */
  pathsIssued?: { issued: number; wrapped: boolean };
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.durationS}s`,
    "--latency",
    "--timeout",
    "10s",
  ];
  if (options.paths) args.push("-s", luaScript(options.paths, options.threads));
  args.push(options.url);

  const before = snapshot(options.workerdPid);
  const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = performance.now();
  const sampler = options.onMemorySample
    ? setInterval(() => {
        options.onMemorySample!((performance.now() - started) / 1000, rssMiB(options.workerdPid));
      }, 1_000)
    : undefined;
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (sampler) clearInterval(sampler);
  // The child has been waited for, so its CPU time is now in this process's cutime/cstime.
  const after = snapshot(options.workerdPid);
  if (code !== 0) throw new Error(`wrk exited with ${code}:\n${output}`);

  const parsed = parseWrk(output);
  const wall = (after.at - before.at) / 1000;
  const cores = (ticks: number) => ticks / CLOCK_TICKS / wall;
  const workerd = cores(after.workerd - before.workerd);
  const wrk = cores(after.children - before.children);
  const node = cores(after.self - before.self);
  const busy = cores(after.machineBusy - before.machineBusy);
  const workerdMs = ((after.workerd - before.workerd) / CLOCK_TICKS) * 1000;
  const issued = /paths-issued (\d+) wrapped (\d)/.exec(output);
  return {
    ...parsed,
    cpu: {
      workerd,
      wrk,
      node,
      others: Math.max(0, busy - workerd - wrk - node),
      cores: cpus().length,
    },
    workerdCpuMsPerRequest: workerdMs / Math.max(1, parsed.requests),
    ...(issued ? { pathsIssued: { issued: Number(issued[1]), wrapped: issued[2] === "1" } } : {}),
  };
}

/** Where the CPU went, in words, and what limited the run. */
export function cpuVerdict(result: WrkResult, threads: number): { shares: string; limit: string } {
  const { cpu } = result;
  const pct = (cores: number) => `${(cores * 100).toFixed(0)} %`;
  const shares = `workerd ${pct(cpu.workerd)}, wrk ${pct(cpu.wrk)}, node ${pct(cpu.node)}, others ${pct(cpu.others)} (of one core; ${cpu.cores} cores)`;
  const machine = cpu.workerd + cpu.wrk + cpu.node + cpu.others;
  let verdict: string;
  if (cpu.workerd >= 0.9) verdict = "workerd-bound: the worker is the bottleneck";
  else if (cpu.wrk >= 0.9 * threads) verdict = "LOAD-GENERATOR-BOUND: wrk used its threads fully";
  else if (machine >= 0.95 * cpu.cores)
    verdict = `CPU-STARVED: the machine was full (${pct(cpu.others)} to other processes)`;
  else if (result.p50 >= 100) verdict = "latency-bound (the upstream's 120 ms), as designed";
  else verdict = "UNCLEAR: nothing saturated (scheduling, or too few connections)";
  return { shares, limit: verdict };
}

interface Snapshot {
  at: number;
  workerd: number;
  self: number;
  children: number;
  machineBusy: number;
}

function snapshot(workerdPid: number): Snapshot {
  const self = statFields("/proc/self/stat");
  const machine = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = machine.map(Number);
  return {
    at: performance.now(),
    workerd: processTicks(statFields(`/proc/${workerdPid}/stat`)),
    self: processTicks(self),
    children: Number(self[13]) + Number(self[14]),
    machineBusy: user! + nice! + system! + irq! + softirq! + steal!,
  };
}

/** Fields after `comm`, so index 11 is utime (field 14 of proc(5)). */
function statFields(path: string): string[] {
  const stat = readFileSync(path, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

function processTicks(fields: string[]): number {
  return Number(fields[11]) + Number(fields[12]);
}

export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function parseWrk(output: string) {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    if (!match) throw new Error(`unexpected wrk output (${pattern}):\n${output}`);
    return match;
  };
  const ms = (value: string, unit: string) =>
    Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? Number.NaN);
  const total = number(/(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+)(B|KB|MB|GB) read/);
  const requests = Number(total[1]);
  const bytes =
    Number(total[4]) * ({ B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[total[5]!] ?? 1);
  const p50 = number(/50%\s+([\d.]+)(us|ms|s|m)/);
  const p99 = number(/99%\s+([\d.]+)(us|ms|s|m)/);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requests,
    durationS: ms(total[2]!, total[3]!) / 1000,
    throughput: Number(number(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50: ms(p50[1]!, p50[2]!),
    p99: ms(p99[1]!, p99[2]!),
    errors: Number(non2xx?.[1] ?? 0) + socketErrors,
    bytesPerResponse: bytes / Math.max(1, requests),
  };
}

/**
 * A script that sends `paths` in turn. Thread t of T cycles through its own slice
 * [t·n/T, (t+1)·n/T), so with n distinct paths no path is asked twice within about n requests.
 */
function luaScript(paths: readonly string[], threads: number): string {
  const file = join(mkdtempSync(join(tmpdir(), "userecho-edge-wrk-")), "paths.lua");
  const list = paths.map((path) => JSON.stringify(path)).join(",\n");
  writeFileSync(
    file,
    `local paths = {
${list}
}
local threads = {}
local created = 0
local slice = math.floor(#paths / ${threads})

function setup(thread)
  thread:set("first", created * slice)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  issued = 0
end

function request()
  local path = paths[first + (issued % slice) + 1]
  issued = issued + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local total, wrapped = 0, 0
  for _, thread in ipairs(threads) do
    local n = thread:get("issued")
    total = total + n
    if n > slice then wrapped = 1 end
  end
  io.write(string.format("paths-issued %d wrapped %d\\n", total, wrapped))
end
`,
  );
  return file;
}
