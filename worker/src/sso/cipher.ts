/**
 * UserEcho's current SSO cipher (docs/USERECHO.md §10), with WebCrypto: AES-256-CBC, PKCS#7, a random
 * 16-byte IV in front of the ciphertext, standard Base64.
 */

/** Bytes of an AES-256 key, and of an AES block (the IV). */
const KEY_BYTES = 32;
const IV_BYTES = 16;

/**
 * The AES-256 key PHP's `openssl_encrypt` actually uses for a key string (docs/USERECHO.md §10): its
 * UTF-8 bytes, truncated to 32 or right-padded with NUL bytes to 32. Never hashed or
 * hex-decoded.
 */
export function normaliseSsoKey(ssoKey: string): Uint8Array<ArrayBuffer> {
  const key = new Uint8Array(KEY_BYTES);
  key.set(new TextEncoder().encode(ssoKey).subarray(0, KEY_BYTES));
  return key;
}

/**
 * Encrypts `plaintext` into `IV ‖ AES-256-CBC(plaintext)`, Base64-encoded — the token before
 * its URL-encoding step (docs/USERECHO.md §10). WebCrypto's AES-CBC always adds PKCS#7
 * padding, including a full block for block-aligned input, exactly as OpenSSL does.
 *
 * @param iv 16 bytes; random unless given (fixed IVs are for test vectors only).
 */
export async function encryptSsoPlaintext(
  plaintext: string,
  ssoKey: string,
  iv: Uint8Array = crypto.getRandomValues(new Uint8Array(IV_BYTES)),
): Promise<string> {
  if (ssoKey.length === 0) throw new TypeError("SSO key must not be empty");
  if (iv.byteLength !== IV_BYTES) throw new RangeError(`SSO IV must be ${IV_BYTES} bytes`);
  const key = await crypto.subtle.importKey(
    "raw",
    normaliseSsoKey(ssoKey),
    { name: "AES-CBC" },
    // Stryker disable next-line BooleanLiteral: whether the key could be exported; nothing exports it
    false,
    ["encrypt"],
  );
  const ivCopy = new Uint8Array(iv);
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-CBC", iv: ivCopy },
    key,
    new TextEncoder().encode(plaintext),
  );
  const token = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  token.set(ivCopy);
  token.set(new Uint8Array(ciphertext), IV_BYTES);
  return toBase64(token);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
