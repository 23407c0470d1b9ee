/**
 * Bug (found by routes.test.ts): the `https://*.customer.example` entry of ALLOWED_ORIGINS
 * accepts any `Origin` that merely ends in ".customer.example", including ones whose "host" is
 * not a host at all: `https://evil.example#.customer.example`, `…?.customer.example`,
 * `…\.customer.example`, `https://user@x.customer.example`. CORS echoes them and the write guard
 * lets them write.
 *
 * originMatcher (config/index.ts) takes everything after "://" up to a "/" as the host and only
 * checks its suffix; its doc says "one or more sub-domain labels". Low severity: a browser never
 * serialises such an Origin, and non-browser clients can send any Origin anyway, but the matcher
 * should only accept what its contract describes.
 */
import { describe, it } from "vitest";
import { siteToken, worker } from "../testing/index.ts";

const NOT_ORIGINS = [
  "https://evil.example#.customer.example",
  "https://evil.example?.customer.example",
  "https://evil.example\\.customer.example",
  "https://user@x.customer.example",
];

describe("bug: the wildcard origin accepts strings that are not origins", () => {
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
