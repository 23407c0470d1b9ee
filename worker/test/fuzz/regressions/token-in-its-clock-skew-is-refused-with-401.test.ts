/**
 * Protects: a site token that expired less than 30 s ago (within the verifier's clock skew) is
 * refused with 401, never 500, on personal reads and writes.
 *
 * Found by the fuzz suite (reads.test.ts, writes.test.ts): such a token passed authentication,
 * then no sso_token could be minted that expires after now and not after the JWT, and the
 * IdentityError reached the error renderer as an unknown error (500). Every widget whose token
 * callback hands out a token in its last seconds hit this.
 */
import { describe, it } from "vitest";
import { ProblemType } from "@userecho-edge/shared";
import { SignJWT } from "jose";
import { credentials, worker } from "../../support/index.ts";

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

describe("a token expired within the clock skew", () => {
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
