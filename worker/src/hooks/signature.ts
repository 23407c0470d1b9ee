/**
 * Proof that a delivery comes from UserEcho: the secret in the URL, and `X-UE-Signature`.
 * UserEcho's text says the signature is an HMAC-SHA1, in hex, with the project's webhook key, of
 * "the POST string": the literal word or the body, it does not settle (docs/USERECHO.md §13).
 * Both readings are accepted, and the one that matched is reported, so a real delivery's log
 * line tells which UserEcho uses.
 */
import { HOOK_SIGNED_LITERAL } from "../upstream/inferred.ts";

/** What a valid signature was computed over. */
export type SignedOver = "body" | "literal";

const encoder = new TextEncoder();

/**
 * Whether `given` is `expected`, in time that depends on neither: both are hashed first, so the
 * comparison sees two values of one length and says nothing about a common prefix.
 */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all(
    [given, expected].map((value) => crypto.subtle.digest("SHA-256", encoder.encode(value))),
  );
  return crypto.subtle.timingSafeEqual(a!, b!);
}

/**
 * What a signature header proves: `body` or `literal` when it is the key's HMAC-SHA1 of the body
 * or of the word `POST`; `undefined` when it is neither, or not 40 hex digits. Each reading is
 * checked with `crypto.subtle.verify`, which compares in constant time.
 */
export async function verifySignature(
  key: string,
  header: string | undefined,
  body: Uint8Array,
): Promise<SignedOver | undefined> {
  const signature = hexBytes(header?.trim() ?? "");
  if (signature === undefined || signature.length !== 20) return undefined;
  const hmac = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["verify"],
  );
  const [overBody, overLiteral] = await Promise.all([
    crypto.subtle.verify("HMAC", hmac, signature, body),
    crypto.subtle.verify("HMAC", hmac, signature, encoder.encode(HOOK_SIGNED_LITERAL)),
  ]);
  return overBody ? "body" : overLiteral ? "literal" : undefined;
}

function hexBytes(hex: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
