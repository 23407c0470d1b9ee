/** Helpers for this package's own tests. */
import credentials from "../credentials.json" with { type: "json" };
import type { Envelope } from "./envelope.ts";

export const AGENT_TOKEN = credentials.agentToken;
export const ANONYMOUS_TOKEN = credentials.anonymousToken;
export const ALIAS = credentials.alias;

/** The host the worker under test calls; the emulator accepts any. */
export const UPSTREAM = `https://${ALIAS}.userecho.com`;

export interface JsonResponse<T> {
  readonly status: number;
  readonly body: Envelope<T>;
}

/**
 * GETs `/api/v2/<command>` from an app, adding `access_token` unless `token` is null.
 *
 * @example await getJson(app, "users.json?page=2", AGENT_TOKEN)
 */
export async function getJson<T = unknown>(
  app: { request(input: string): Response | Promise<Response> },
  command: string,
  token: string | null = AGENT_TOKEN,
): Promise<JsonResponse<T>> {
  const url = new URL(`${UPSTREAM}/api/v2/${command}`);
  if (token !== null) url.searchParams.set("access_token", token);
  const response = await app.request(url.toString());
  return { status: response.status, body: (await response.json()) as Envelope<T> };
}

/** Narrows an envelope to success, failing the test with the error message otherwise. */
export function data<T>(response: JsonResponse<T>): T {
  if (response.body.status !== "success") {
    throw new Error(`expected success, got ${response.status}: ${response.body.message}`);
  }
  return response.body.data;
}
