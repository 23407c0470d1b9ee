import { createHmac } from "node:crypto";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };

/**
 * A site JWT for a test visitor, signed like a customer's site would (HS256 with the dev-only
 * shared secret), for the worker's site-JWT verification.
 */
export function siteJwt(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "HS256", typ: "JWT" });
  const payload = encode({
    sub: "e2e-visitor-1",
    email: "visitor1@example.test",
    name: "E2E Visitor",
    aud: "userecho-edge",
    iat: now,
    exp: now + 600,
    ...claims,
  });
  const signature = createHmac("sha256", credentials.siteJwtSecret)
    .update(`${header}.${payload}`)
    .digest("base64url");
  return `${header}.${payload}.${signature}`;
}
