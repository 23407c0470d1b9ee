/**
 * Protects: POST to a `/v1` path that has no POST route (/v1/forums, /v1/health, /v1/nope, /v1
 * itself) answers 404 or 405, is not guarded as a write, and spends none of the user's writes.
 *
 * Found by the fuzz suite (routes.test.ts): such a POST answered 403 `forbidden-origin` (or
 * 401), and, with a valid token from an allowed origin, spent one of the user's 20 writes a
 * minute before the 404, because the write guard was mounted on every `/v1/*` request.
 */
import { describe, it } from "vitest";
import { siteToken, worker } from "../../support/index.ts";

describe("POST to a read-only route", () => {
  it("answers 404 or 405, not 403", async ({ expect }) => {
    for (const path of ["/v1/forums", "/v1/health", "/v1/no-such-route"]) {
      const response = await worker(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      expect([404, 405], `${path}: ${response.status}`).toContain(response.status);
    }
  });

  it("does not spend the user's write budget", async ({ expect }) => {
    const token = await siteToken({ sub: `budget-${crypto.randomUUID()}` });
    const headers = {
      Authorization: `Bearer ${token}`,
      Origin: "https://site.example",
      "Content-Type": "application/json",
    };
    for (let i = 0; i < 20; i++) {
      await worker("/v1/health", { method: "POST", headers, body: "{}" });
    }
    const comment = await worker("/v1/topics/1001/comments", {
      method: "POST",
      headers,
      body: JSON.stringify({ text: "My first write this minute." }),
    });
    expect(comment.status).toBe(201);
  });
});
