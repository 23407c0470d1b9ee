/**
 * `pnpm dev`: the emulator plus the worker, with the demo page. Nothing to configure; the ports
 * can be moved with PORT and EMULATOR_PORT.
 */
import { startStack } from "./stack.ts";

const stack = await startStack({
  workerPort: Number(process.env["PORT"] ?? 8787),
  emulatorPort: Number(process.env["EMULATOR_PORT"] ?? 8788),
  log: (line) => process.stderr.write(line),
  demo: true,
});

console.log(`
  userecho-edge is running.

  Demo page:        ${stack.workerUrl}/
  Public API:       ${stack.workerUrl}/v1/forums/1/topics
  UserEcho emulator ${stack.emulatorUrl}/api/v2/forums.json?access_token=…

  Press Ctrl+C to stop.
`);

const shutdown = () => {
  void stack.stop().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
