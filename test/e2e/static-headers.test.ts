import { describe, inject, it } from "vitest";

/**
 * The worker's static answers (widget/public, served through Workers static assets and its
 * `_headers` file) carry the same security headers as the API, each page with a policy fit for
 * it. Plain requests: the browser tests that load these pages show the policies let them work.
 */
const STRICT_PAGE =
  "default-src 'self'; img-src 'self' https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const EXPECTED: Record<string, string> = {
  "/": STRICT_PAGE,
  "/demo.js": STRICT_PAGE,
  "/demo.css": STRICT_PAGE,
  "/favicon.svg": STRICT_PAGE,
  "/widget.js": STRICT_PAGE,
  "/openapi.json": STRICT_PAGE,
  "/examples/html": STRICT_PAGE,
  "/examples/react": STRICT_PAGE,
  "/examples/react.js": STRICT_PAGE,
  "/examples/vendor/react.js": STRICT_PAGE,
  "/examples/vue": STRICT_PAGE.replace(
    "default-src 'self';",
    "default-src 'self'; script-src 'self' 'unsafe-eval';",
  ),
  "/test-pages/blank": "frame-ancestors 'none'",
  "/test-pages/twice": "frame-ancestors 'none'",
  "/test-pages/csp":
    "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
};

describe("static answers", () => {
  it("carry the API's security headers, and a policy fit for each page", async ({ expect }) => {
    for (const [path, policy] of Object.entries(EXPECTED)) {
      const response = await fetch(`${inject("workerUrl")}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(200);
      expect(
        {
          "content-security-policy": response.headers.get("Content-Security-Policy"),
          "x-content-type-options": response.headers.get("X-Content-Type-Options"),
          "referrer-policy": response.headers.get("Referrer-Policy"),
          "x-frame-options": response.headers.get("X-Frame-Options"),
          "strict-transport-security": response.headers.get("Strict-Transport-Security"),
        },
        path,
      ).toEqual({
        "content-security-policy": policy,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
        "strict-transport-security": "max-age=31536000; includeSubDomains",
      });
      await response.body?.cancel();
    }
  });

  it("keep what the widget's files need beside them: caching and cross-origin reads", async ({
    expect,
  }) => {
    const widget = await fetch(`${inject("workerUrl")}/widget.js`);
    expect(widget.headers.get("Cache-Control")).toBe(
      "public, max-age=300, stale-while-revalidate=86400",
    );
    expect(widget.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(widget.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    await widget.body?.cancel();
  });
});
