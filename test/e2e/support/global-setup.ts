import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStack, type Stack } from "../../stack.ts";

let stack: Stack | undefined;

export async function setup(project: TestProject): Promise<void> {
  stack = await startStack({
    demo: true,
    persistTo: mkdtempSync(join(tmpdir(), "userecho-edge-e2e-")),
    // The documented UserEcho for everything; the extended one for what only it can do.
    extendedWorker: true,
  });
  project.provide("workerUrl", stack.workerUrl);
  project.provide("extendedWorkerUrl", stack.extendedWorkerUrl!);
  project.provide("emulatorUrl", stack.emulatorUrl);
}

export async function teardown(): Promise<void> {
  await stack?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    workerUrl: string;
    /** A worker whose UserEcho is the emulator's extended profile (inline votes, filters). */
    extendedWorkerUrl: string;
    emulatorUrl: string;
  }
}
