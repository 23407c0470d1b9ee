/**
 * Opening an `sso_token` the way UserEcho's receiver must (docs/USERECHO.md §10): lenient about what
 * the published samples actually send (missing `=`, a `+` turned into a space, no padding from
 * the Python/PHP-mcrypt samples), strict about everything else. Falls back to the legacy format
 * (docs/USERECHO.md §10) before giving up. WebCrypto only: this runs in the bundled worker.
 */

/** The token could not be read; the message is safe to show (the emulator's keys are public). */
export class SsoTokenError extends Error {
  override readonly name = "SsoTokenError";
}

/** Which of UserEcho's two token formats a token was in. */
export type SsoFormat = "current" | "legacy";

export interface OpenedSsoToken {
  readonly format: SsoFormat;
  /** The decrypted JSON object, not yet validated. */
  readonly payload: Readonly<Record<string, unknown>>;
}

const BLOCK = 16;

/**
 * Decrypts an `sso_token` query value (already URL-decoded once, as `URLSearchParams` does):
 * the current format first, then the legacy one (docs/USERECHO.md §10 "try the legacy format").
 *
 * @param alias The project alias: the legacy key is derived from the SSO key and the alias.
 * @throws SsoTokenError when neither format yields a JSON object.
 */
export async function openSsoToken(
  value: string,
  secrets: { readonly ssoKey: string; readonly alias: string },
): Promise<OpenedSsoToken> {
  const bytes = decodeSsoToken(value);
  const current = await attempt(() => decryptCurrentFormat(bytes, secrets.ssoKey));
  if (current !== undefined) return { format: "current", payload: current };
  const legacy = await attempt(() => decryptLegacyFormat(bytes, secrets.ssoKey, secrets.alias));
  if (legacy !== undefined) return { format: "legacy", payload: legacy };
  throw new SsoTokenError("sso_token could not be decrypted");
}

/**
 * docs/USERECHO.md §10: a space back to `+` (an unescaped `+` became one in form decoding),
 * then standard Base64, tolerating missing `=` padding.
 */
export function decodeSsoToken(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/ /g, "+").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(base64) || base64.length % 4 === 1) {
    throw new SsoTokenError("sso_token is not Base64");
  }
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
}

/**
 * The current format (docs/USERECHO.md §10): `IV ‖ AES-256-CBC`, PHP-normalised key, padding
 * removed only where it is valid PKCS#7.
 */
export async function decryptCurrentFormat(
  bytes: Uint8Array<ArrayBuffer>,
  ssoKey: string,
): Promise<Record<string, unknown>> {
  if (bytes.length < 2 * BLOCK || (bytes.length - BLOCK) % BLOCK !== 0) {
    throw new SsoTokenError("sso_token has the wrong length");
  }
  const key = await crypto.subtle.importKey("raw", phpAes256Key(ssoKey), "AES-CBC", false, [
    "encrypt",
    "decrypt",
  ]);
  const plain = await decryptWithoutUnpadding(key, bytes.slice(0, BLOCK), bytes.slice(BLOCK));
  return parseJsonObject(stripPkcs7Leniently(plain));
}

/**
 * The legacy format (docs/USERECHO.md §10): AES-128-CBC under `SHA1(ssoKey ‖ alias)[0:16]`, zero IV (the
 * sender's IV-XOR trick cancels out), strict PKCS#7.
 */
export async function decryptLegacyFormat(
  bytes: Uint8Array<ArrayBuffer>,
  ssoKey: string,
  alias: string,
): Promise<Record<string, unknown>> {
  if (bytes.length === 0 || bytes.length % BLOCK !== 0) {
    throw new SsoTokenError("sso_token has the wrong length");
  }
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(ssoKey + alias));
  const key = await crypto.subtle.importKey("raw", digest.slice(0, 16), "AES-CBC", false, [
    "decrypt",
  ]);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-CBC", iv: new Uint8Array(BLOCK) },
    key,
    bytes,
  );
  return parseJsonObject(new Uint8Array(plain));
}

/** PHP `openssl_encrypt`'s view of a key string: UTF-8, cut or NUL-padded to 32 bytes (§3.2). */
export function phpAes256Key(ssoKey: string): Uint8Array<ArrayBuffer> {
  const key = new Uint8Array(32);
  key.set(new TextEncoder().encode(ssoKey).subarray(0, 32));
  return key;
}

/**
 * AES-CBC decryption that returns every block, padding or not. WebCrypto always checks and
 * strips PKCS#7, so one block is appended that decrypts, chained after the real last block, to
 * a full padding block (sixteen 0x10): WebCrypto strips exactly that block.
 */
async function decryptWithoutUnpadding(
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  ciphertext: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  const last = ciphertext.slice(ciphertext.length - BLOCK);
  const padBlock = new Uint8Array(BLOCK).fill(BLOCK);
  // E(padBlock ⊕ last): the first block of an encryption of padBlock with `last` as the IV.
  const sealed = await crypto.subtle.encrypt({ name: "AES-CBC", iv: last }, key, padBlock);
  const extended = new Uint8Array(ciphertext.length + BLOCK);
  extended.set(ciphertext);
  extended.set(new Uint8Array(sealed, 0, BLOCK), ciphertext.length);
  return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-CBC", iv }, key, extended));
}

/**
 * docs/USERECHO.md §10: drop the last `n` bytes only if they are all `n` (1–16); otherwise the
 * sender did not pad (the text is block-aligned JSON ending in `}`, never a padding byte).
 */
export function stripPkcs7Leniently(plain: Uint8Array): Uint8Array {
  const n = plain[plain.length - 1] ?? 0;
  if (n < 1 || n > BLOCK || n > plain.length) return plain;
  for (let i = plain.length - n; i < plain.length; i++) {
    if (plain[i] !== n) return plain;
  }
  return plain.subarray(0, plain.length - n);
}

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new SsoTokenError("sso_token does not decrypt to JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SsoTokenError("sso_token does not hold a JSON object");
  }
  return value as Record<string, unknown>;
}

/** Runs a decryption attempt; a wrong key or format is a miss, not an error. */
async function attempt<T>(decrypt: () => Promise<T>): Promise<T | undefined> {
  try {
    return await decrypt();
  } catch {
    return undefined;
  }
}
