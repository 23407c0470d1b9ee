import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { SignJWT, type JWTPayload } from "jose";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };
import { createApp, type AppOptions } from "../../src/app.ts";
import type { FaultRule } from "@userecho-edge/emulator/faults";
import { PROFILE_NAMES, type ProfileName } from "@userecho-edge/emulator/profiles";
import { assertNoSecrets } from "@userecho-edge/emulator/secrets";

export { assertNoSecrets, assertNoSecretsIn, SECRETS } from "@userecho-edge/emulator/secrets";

/** The credentials the emulator accepts; the worker under test is configured with the same. */
export { credentials };

/** The emulator's own address space. Any host works: outbound fetches are routed to it. */
export const EMULATOR_ORIGIN = `https://${credentials.alias}.userecho.com`;

/** The emulator's profiles: documented (its default), documented-ignore, extended. */
export const PROFILES = PROFILE_NAMES;
export type { ProfileName };

/** `USERECHO_BASE_URL` of the emulator serving one profile. */
export function profileBaseUrl(profile: ProfileName): string {
  return `${EMULATOR_ORIGIN}/profile/${profile}/api/v2`;
}

let clients = 0;

/**
 * Each call comes from its own client IP unless the test sets one, so the per-IP read limit of
 * one test never spills into another.
 */
function asClient(path: string, init?: RequestInit): Request {
  const request = new Request(new URL(path, "https://edge.test"), init);
  if (!request.headers.has("CF-Connecting-IP")) {
    request.headers.set("CF-Connecting-IP", `198.51.100.${(clients++ % 250) + 1}`);
  }
  return request;
}

/** Sends a request to the deployed-shape worker (wrangler.toml config), as a browser would. */
export async function worker(path: string, init?: RequestInit): Promise<Response> {
  const response = await exports.default.fetch(asClient(path, init));
  await assertNoSecrets(response, path);
  return response;
}

/**
 * A worker with extra variables (e.g. short TTLs; `undefined` removes one), run to completion: the returned promise
 * settles after the response *and* its `waitUntil` work (cache writes, revalidation).
 * `workersCache` plays the `ctx.cache` that Cloudflare gives a worker with Workers Cache on,
 * which neither Miniflare nor workerd offer (see {@link recordingWorkersCache}).
 */
export function workerWith(
  vars: { [K in keyof Env]?: Env[K] | undefined },
  { workersCache, ...options }: AppOptions & { workersCache?: CacheContext } = {},
) {
  const app = createApp(options);
  // A variable given as `undefined` is one the deployment does not have.
  const testEnv = Object.fromEntries(
    Object.entries({ ...env, ...vars }).filter(([, value]) => value !== undefined),
  ) as unknown as Env;
  return {
    env: testEnv,
    async fetch(path: string, init?: RequestInit): Promise<Response> {
      const ctx = createExecutionContext();
      if (workersCache) Object.assign(ctx, { cache: workersCache });
      const response = await app.fetch(asClient(path, init), testEnv, ctx);
      await waitOnExecutionContext(ctx);
      await assertNoSecrets(response, path);
      return response;
    },
  };
}

/**
 * Calls the emulator directly, e.g. to compare the worker's output with the source data. The
 * extended profile answers what the documented one refuses (`order_by=id`, `forum_id`).
 */
export async function emulator<T = unknown>(
  command: string,
  query: Record<string, string> = {},
  profile: ProfileName = "documented",
) {
  const url = new URL(`${profileBaseUrl(profile)}/${command}.json`);
  url.searchParams.set("access_token", credentials.agentToken);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await fetch(url);
  return (await response.json()) as { status: string; data: T; details?: Record<string, number> };
}

export interface EmulatorStats {
  requests: number;
  byPath: Record<string, number>;
}

export async function emulatorStats(): Promise<EmulatorStats> {
  const response = await fetch(`${EMULATOR_ORIGIN}/__emulator/stats`);
  return response.json();
}

/** Upstream calls made while `action` ran (emulator requests minus our own stats call). */
export async function countUpstreamCalls(action: () => Promise<unknown>): Promise<number> {
  const before = (await emulatorStats()).requests;
  await action();
  return (await emulatorStats()).requests - before;
}

export async function resetEmulator(): Promise<void> {
  await fetch(`${EMULATOR_ORIGIN}/__emulator/reset`, { method: "POST" });
}

/**
 * A token as a customer's backend would sign it for its signed-in user: HS256 with the site
 * secret, audience `userecho-edge`, five minutes. Claims and header can be overridden.
 */
export async function siteToken(
  claims: JWTPayload & { name?: string; email?: string } = {},
  options: { lifetimeSeconds?: number; secret?: string; header?: Record<string, unknown> } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: "Test User", ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", ...options.header })
    .setAudience("userecho-edge")
    .setIssuedAt(now)
    .setExpirationTime(now + (options.lifetimeSeconds ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? credentials.siteJwtSecret));
}

export type { FaultRule } from "@userecho-edge/emulator/faults";

/** Makes the emulator misbehave until {@link clearFaults}. */
export async function setFaults(...rules: FaultRule[]): Promise<void> {
  await fetch(`${EMULATOR_ORIGIN}/__emulator/faults`, {
    method: "POST",
    body: JSON.stringify(rules),
  });
}

export async function clearFaults(): Promise<void> {
  await fetch(`${EMULATOR_ORIGIN}/__emulator/faults`, { method: "DELETE" });
}

/**
 * Cloudflare's `ctx.cache` as the worker sees it with Workers Cache on, recording every purge and
 * answering `result`. Neither Miniflare nor workerd has Workers Cache (`ctx.cache` is undefined
 * there), so what the worker asks of it is all a local test can check; what the edge then does
 * is production's to show (docs/RELIABILITY.md).
 */
export function recordingWorkersCache(
  result: CachePurgeResult | (() => never) = { success: true, errors: [] },
): { cache: CacheContext; purges: CachePurgeOptions[] } {
  const purges: CachePurgeOptions[] = [];
  const purge = async (options: CachePurgeOptions) => {
    purges.push(options);
    return typeof result === "function" ? result() : result;
  };
  return { cache: { purge, invalidate: purge }, purges };
}
