/**
 * Minting UserEcho `sso_token`s (docs/USERECHO.md §10, the current format) from a verified identity.
 *
 * The SSO key is as secret as the agent token: tokens are minted here, server-side, never in
 * the browser (docs/USERECHO.md §10).
 */
import { encryptSsoPlaintext } from "./cipher.ts";
import { phpUrlencode } from "./php.ts";
import { serialiseSsoPayload, type SsoPayload } from "./user-document.ts";

export { encryptSsoPlaintext, normaliseSsoKey } from "./cipher.ts";
export { SSO_LOCALES, normaliseSsoLocale, type SsoLocale } from "./locales.ts";
export { phpJsonEncode, phpUrlencode } from "./php.ts";
export { serialiseSsoPayload, type SsoPayload } from "./user-document.ts";

export interface MintOptions {
  /** 16 bytes. Random by default; fix it only to reproduce a test vector. */
  readonly iv?: Uint8Array;
}

/**
 * The Base64 form of an `sso_token`: `base64(IV ‖ AES-256-CBC(json_encode(payload)))`.
 * Use this when a URL API does the encoding (`URLSearchParams#set`), so it is not done twice.
 *
 * @throws RangeError when the payload breaks docs/USERECHO.md §10's limits, TypeError on an empty key.
 */
export function encryptSsoPayload(
  payload: SsoPayload,
  ssoKey: string,
  options: MintOptions = {},
): Promise<string> {
  return encryptSsoPlaintext(serialiseSsoPayload(payload), ssoKey, options.iv);
}

/**
 * A ready-to-append `sso_token`, URL-encoded like PHP `urlencode` (docs/USERECHO.md §10): put it
 * after `sso_token=` as is. Each call uses a fresh random IV, so tokens for the same payload
 * differ (docs/USERECHO.md §10).
 *
 * @example
 * const token = await mintSsoToken(
 *   { guid: "123", display_name: "John Doe", expires: Math.floor(Date.now() / 1000) + 3600 },
 *   env.USERECHO_SSO_KEY,
 * );
 * const url = `https://demo.userecho.com/?sso_token=${token}`;
 */
export async function mintSsoToken(
  payload: SsoPayload,
  ssoKey: string,
  options: MintOptions = {},
): Promise<string> {
  return phpUrlencode(await encryptSsoPayload(payload, ssoKey, options));
}
