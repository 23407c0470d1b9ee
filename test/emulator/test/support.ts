/**
 * Helpers for this package's own tests. Tokens are made here as any sender would (that the
 * worker's own tokens open here is checked in the worker's tests, which depend on this package).
 */
import credentials from "../credentials.json" with { type: "json" };
import type { Envelope } from "../src/envelope.ts";

export const AGENT_TOKEN = credentials.agentToken;
export const ANONYMOUS_TOKEN = credentials.anonymousToken;
export const ALIAS = credentials.alias;
export const SSO_KEY = credentials.ssoKey;

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

/** Unix seconds, as `expires` wants them. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * A URL-encoded `sso_token` for the emulator's key, valid for an hour unless `expires` says
 * otherwise.
 *
 * @example await ssoToken({ guid: "site-1", display_name: "Ada" })
 */
export function ssoToken(
  user: { readonly guid: string; readonly display_name: string; readonly expires?: number } & {
    readonly [field: string]: unknown;
  },
  key: string = SSO_KEY,
): Promise<string> {
  return rawSsoToken({ ...user, expires: user.expires ?? nowSeconds() + 3600 }, key);
}

/**
 * A URL-encoded `sso_token` in the current format (docs/USERECHO.md §10) around any JSON object,
 * as other senders write it (`JSON.stringify`: `/` unescaped): a random IV, AES-256-CBC under the
 * key NUL-padded or cut to 32 bytes, Base64, URL-encoded.
 */
export async function rawSsoToken(payload: object, key: string = SSO_KEY): Promise<string> {
  const keyBytes = new Uint8Array(32);
  keyBytes.set(new TextEncoder().encode(key).slice(0, 32));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const aes = await crypto.subtle.importKey("raw", keyBytes, "AES-CBC", false, ["encrypt"]);
  const plaintext = new TextEncoder().encode(JSON.stringify(payload));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-CBC", iv }, aes, plaintext),
  );
  const token = new Uint8Array(iv.length + sealed.length);
  token.set(iv);
  token.set(sealed, iv.length);
  return encodeURIComponent(btoa(String.fromCharCode(...token)));
}

/**
 * Sends a JSON write to `/api/v2/<command>`; `sso` is an already URL-encoded `sso_token`.
 * `body` strings are sent as they are (to test bad JSON).
 */
export async function postJson<T = unknown>(
  app: { request(input: string, init?: RequestInit): Response | Promise<Response> },
  command: string,
  body: unknown,
  { token = AGENT_TOKEN, sso }: { token?: string | null; sso?: string } = {},
): Promise<JsonResponse<T>> {
  const query = [
    ...(token === null ? [] : [`access_token=${encodeURIComponent(token)}`]),
    ...(sso === undefined ? [] : [`sso_token=${sso}`]),
  ].join("&");
  const response = await app.request(`${UPSTREAM}/api/v2/${command}?${query}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Envelope<T> };
}
