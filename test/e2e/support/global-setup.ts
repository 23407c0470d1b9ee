import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { emulatorProfileFrom, startStack, type Stack } from "../../stack.ts";

let stack: Stack | undefined;

export async function setup(project: TestProject): Promise<void> {
  // EMULATOR_PROFILE=chaos runs the browser tests against a UserEcho answering in every
  // plausible encoding (test/emulator/src/chaos); the suites assume `documented` otherwise.
  const profile = emulatorProfileFrom(process.env["EMULATOR_PROFILE"]);
  stack = await startStack({
    ...(profile === undefined ? {} : { profile }),
    demo: true,
    persistTo: mkdtempSync(join(tmpdir(), "userecho-edge-e2e-")),
    // The documented UserEcho for everything; the extended one for what only it can do.
    extendedWorker: true,
    // VOTING=auto, the production default, on each profile: it hands votes off where UserEcho
    // has no vote endpoint (documented) and votes inline where it has (extended).
    workers: {
      autoDocumented: { profile: "documented", vars: { VOTING: "auto" } },
      autoExtended: { profile: "extended", vars: { VOTING: "auto" } },
    },
  });
  project.provide("workerUrl", stack.workerUrl);
  project.provide("extendedWorkerUrl", stack.extendedWorkerUrl!);
  project.provide("autoDocumentedWorkerUrl", stack.workerUrls["autoDocumented"]!);
  project.provide("autoExtendedWorkerUrl", stack.workerUrls["autoExtended"]!);
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
    /** A worker voting as `VOTING=auto` says, on the documented profile: it hands votes off. */
    autoDocumentedWorkerUrl: string;
    /** A worker voting as `VOTING=auto` says, on the extended profile: it votes inline. */
    autoExtendedWorkerUrl: string;
    emulatorUrl: string;
  }
}
