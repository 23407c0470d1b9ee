import { describe, it } from "vitest";
import { sitePrivateJwk, sitePublicJwk } from "../credentials.json";
import { createApp, SITE_JWKS_PATH } from "../src/app.ts";

describe("the site's JWKS", () => {
  it("publishes the public half of the site key, never the private part", async ({ expect }) => {
    const app = createApp();
    const response = await app.request(`https://site.example${SITE_JWKS_PATH}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { keys: (JsonWebKey & { kid?: string })[] };
    expect(body.keys).toEqual([sitePublicJwk]);
    expect(body.keys[0]).not.toHaveProperty("d");
    expect(JSON.stringify(body)).not.toContain(sitePrivateJwk.d);
    // The key really is the public half of the private one: a signature verifies with it.
    const algorithm = { name: "ECDSA", namedCurve: "P-256" } as const;
    const signer = await crypto.subtle.importKey("jwk", sitePrivateJwk, algorithm, false, ["sign"]);
    const verifier = await crypto.subtle.importKey("jwk", body.keys[0]!, algorithm, false, [
      "verify",
    ]);
    const data = new TextEncoder().encode("signed by the site");
    const signature = await crypto.subtle.sign({ ...algorithm, hash: "SHA-256" }, signer, data);
    expect(
      await crypto.subtle.verify({ ...algorithm, hash: "SHA-256" }, verifier, signature, data),
    ).toBe(true);
  });
});
