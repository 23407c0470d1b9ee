import { exports } from "cloudflare:workers";
import credentials from "../../../test/emulator/credentials.json" with { type: "json" };

/** The credentials the emulator accepts; the worker under test is configured with the same. */
export { credentials };

/** The emulator's own address space. Any host works: outbound fetches are routed to it. */
export const EMULATOR_ORIGIN = `https://${credentials.alias}.userecho.com`;

/** Sends a request to the worker under test, as a browser or partner would. */
export function worker(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, "https://edge.test"), init));
}

/** Calls the emulator directly, e.g. to compare the worker's output with the source data. */
export async function emulator<T = unknown>(command: string, query: Record<string, string> = {}) {
  const url = new URL(`${EMULATOR_ORIGIN}/api/v2/${command}.json`);
  url.searchParams.set("access_token", credentials.agentToken);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await fetch(url);
  return (await response.json()) as { status: string; data: T; details?: Record<string, number> };
}

export async function emulatorStats(): Promise<{
  requests: number;
  byPath: Record<string, number>;
}> {
  const response = await fetch(`${EMULATOR_ORIGIN}/__emulator/stats`);
  return response.json();
}

export async function resetEmulator(): Promise<void> {
  await fetch(`${EMULATOR_ORIGIN}/__emulator/reset`, { method: "POST" });
}
