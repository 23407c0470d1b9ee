/**
 * Protects: the `https://*.customer.example` entry of ALLOWED_ORIGINS matches real origins
 * only (one or more sub-domain labels of customer.example), for CORS and for the write guard.
 *
 * Found by the fuzz suite (routes.test.ts): the wildcard accepted any `Origin` that merely
 * ended in ".customer.example", including strings that are not origins at all
 * (`https://evil.example#.customer.example`, `…?.customer.example`, `…\.customer.example`,
 * `https://user@x.customer.example`). A browser never sends such an Origin, but the matcher must
 * accept only what its contract describes.
 */
import { describe, it } from "vitest";
import { siteToken, worker } from "../../support/index.ts";

const NOT_ORIGINS = [
  "https://evil.example#.customer.example",
  "https://evil.example?.customer.example",
  "https://evil.example\\.customer.example",
  "https://user@x.customer.example",
];

describe("the wildcard origin", () => {
  it("gives them no CORS headers", async ({ expect }) => {
    for (const origin of NOT_ORIGINS) {
      const response = await worker("/v1/health", { headers: { Origin: origin } });
      expect(response.headers.get("Access-Control-Allow-Origin"), origin).toBeNull();
    }
  });

  it("refuses writes from them", async ({ expect }) => {
    for (const origin of NOT_ORIGINS) {
      const token = await siteToken({ sub: `origin-${crypto.randomUUID()}` });
      const response = await worker("/v1/sso/link", {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          Origin: origin,
          "Content-Type": "application/json",
        },
        body: "{}",
      });
      expect(response.status, origin).toBe(403);
    }
  });

  it("still allows real sub-domains", async ({ expect }) => {
    for (const origin of ["https://app.customer.example", "https://a.b.customer.example"]) {
      const response = await worker("/v1/health", { headers: { Origin: origin } });
      expect(response.headers.get("Access-Control-Allow-Origin"), origin).toBe(origin);
    }
  });
});
