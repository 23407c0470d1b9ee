/**
 * `X-UE-Signature`: HMAC-SHA1 with the project's webhook key, in hex. UserEcho's text says "the
 * POST string" is hashed; whether that is the word or the body is not settled, so the emulator
 * can do either (INFERRED.md, "Webhooks"). Exported for tests that sign deliveries themselves.
 */
import type { SignedOver } from "./registry.ts";

const encoder = new TextEncoder();

export async function signDelivery(key: string, over: SignedOver, body: string): Promise<string> {
  const hmac = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const signature = await crypto.subtle.sign(
    "HMAC",
    hmac,
    encoder.encode(over === "body" ? body : "POST"),
  );
  return [...new Uint8Array(signature)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
