/**
 * Bug (found by reads.test.ts and writes.test.ts): a site token that expired less than 30 s ago
 * gets 500 `internal` instead of 401.
 *
 * The verifier allows 30 s of clock skew, so the token passes authentication; then toSsoPayload
 * (identity/sso-payload.ts) cannot mint an sso_token that expires after now and not after the
 * JWT, and throws IdentityError("expired"). Only auth/index.ts maps IdentityError to 401; in
 * v1/user-client.ts and v1/sso-link.ts it reaches app.onError as an unknown error. Every widget
 * whose token callback hands out a token in its last seconds hits this.
 */
import { describe, it } from "vitest";
import { ProblemType } from "@userecho-edge/shared";
import { SignJWT } from "jose";
import { credentials, worker } from "../testing/index.ts";

/** A one-minute token, issued 65 s ago: expired 5 s ago, within the allowed skew. */
async function justExpiredToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: "Late User" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(`late-${crypto.randomUUID()}`)
    .setAudience("userecho-edge")
    .setIssuedAt(now - 65)
    .setExpirationTime(now - 5)
    .sign(new TextEncoder().encode(credentials.siteJwtSecret));
}

describe("bug: a token expired within the clock skew answers 500", () => {
  it("refuses a signed-in read with 401", async ({ expect }) => {
    const response = await worker("/v1/forums/1/topics?limit=1", {
      headers: { Authorization: `Bearer ${await justExpiredToken()}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: ProblemType.unauthorized });
  });

  it("refuses POST /v1/sso/link with 401", async ({ expect }) => {
    const response = await worker("/v1/sso/link", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await justExpiredToken()}`,
        Origin: "https://site.example",
        "Content-Type": "application/json",
      },
      body: "{}",
    });
    expect(response.status).toBe(401);
  });
});
