/**
 * `pnpm dev`: builds, then runs the emulator plus the worker, with the demo page. Nothing to
 * configure; the ports can be moved with PORT and EMULATOR_PORT, and EMULATOR_PROFILE picks what
 * the emulator plays (`documented` by default; `chaos` or `chaos-<seed>` for a UserEcho that
 * answers in every plausible encoding).
 *
 * Ctrl+C is the normal way to stop, yet it made pnpm report "ELIFECYCLE Command failed": the
 * signal reaches every process of the terminal's group, and the shells between pnpm and this
 * process (the script's `sh -c`, and pnpm's `node` shim, a shell script that does not `exec`)
 * died of it, which pnpm reports as a failure. So the `dev` script ignores SIGINT in those shells
 * (`trap '' INT`; Node resets the disposition at start-up and hears it) and builds from here,
 * with no `build && dev` chain. Any stop signal (Ctrl+C, SIGTERM, the terminal going away) stops
 * the worker and the emulator once and exits 0.
 */
import { spawnSync } from "node:child_process";
import { emulatorProfileFrom, registerWebhooks, startStack } from "@userecho-edge/test/stack";

// Checked before the build, so a typo costs no time.
const profile = emulatorProfileFrom(process.env["EMULATOR_PROFILE"]);

// pnpm tells its scripts where it is; outside pnpm, "pnpm" from PATH.
const pnpm = process.env["npm_execpath"];
const build = pnpm
  ? spawnSync(process.execPath, [pnpm, "build"], { stdio: "inherit" })
  : spawnSync("pnpm", ["build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

// A reader that went away (a closed pipe, no terminal) must not end the servers with EPIPE.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);

const stack = await startStack({
  workerPort: Number(process.env["PORT"] ?? 8787),
  emulatorPort: Number(process.env["EMULATOR_PORT"] ?? 8788),
  log: (line) => process.stderr.write(line),
  demo: true,
  ...(profile === undefined ? {} : { profile }),
  // A page of your own on any local port may embed the widget (README, "Using the widget");
  // ALLOWED_ORIGINS in your environment adds more. Deployed workers keep their own setting.
  vars: {
    ALLOWED_ORIGINS: ["http://localhost:*", "http://127.0.0.1:*", process.env["ALLOWED_ORIGINS"]]
      .filter(Boolean)
      .join(", "),
  },
});

// What an admin changes in the emulator reaches the worker as UserEcho's webhooks would. The
// demo works without, so a failure here is reported, not fatal.
await registerWebhooks(stack.emulatorUrl, stack.workerUrl).catch((error: unknown) =>
  console.warn(`Webhooks not registered with the emulator: ${String(error)}`),
);

console.log(`
  userecho-edge is running.

  Demo page:        ${stack.workerUrl}/
  Public API:       ${stack.workerUrl}/v1/forums/1/topics
  UserEcho emulator ${stack.emulatorUrl}/api/v2/forums.json?access_token=…${
    profile === undefined
      ? ""
      : `\n  Worker's UserEcho ${stack.emulatorUrl}/profile/${profile}/api/v2 (EMULATOR_PROFILE)`
  }
  An admin's change in UserEcho (delivered to the worker's webhook; the board shows it at once):
    curl -X POST ${stack.emulatorUrl}/__emulator/admin/topics -d '{"forumId": 1, "header": "Hello"}'

  Press Ctrl+C to stop.
`);

let stopping: Promise<void> | undefined;
const shutdown = () => {
  // pnpm passes Ctrl+C on as well, so the signal may come twice: stop once.
  stopping ??= stack.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, shutdown);
