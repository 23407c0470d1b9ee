/**
 * Runs before every worker test file (vitest `setupFiles`): whatever a test makes the worker log
 * is collected, and a test fails if any line carries a secret.
 */
import { afterEach, beforeEach, vi } from "vitest";
import { assertNoSecretsIn } from "@userecho-edge/emulator/secrets";

const lines: string[] = [];

beforeEach(() => {
  lines.length = 0;
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    // eslint-disable-next-line no-console -- wrapping every level is the point here
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === "string" ? arg : safeJson(arg))).join(" "));
      original(...args);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  assertNoSecretsIn(lines.join("\n"), "log output");
});

function safeJson(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : JSON.stringify(value);
  } catch {
    return String(value);
  }
}
