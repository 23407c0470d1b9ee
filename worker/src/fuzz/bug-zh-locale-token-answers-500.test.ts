/**
 * Found by reads.test.ts and writes.test.ts: a signed-in user whose site token said
 * `locale: "zh"`, `"zh-CN"`, `"zh-SG"` or `"zh-Hans"` got 500 `internal` on every personal read,
 * every write and POST /v1/sso/link, because the locale was mapped to UserEcho's code "zh-hans"
 * (7 characters) and the SSO payload refused it. UserEcho's SSO locale holds at most five
 * characters (docs/USERECHO.md §10), so the locale is now left out, and the user is signed in.
 */
import { describe, it } from "vitest";
import { siteToken, worker } from "../testing/index.ts";

describe("bug: a Chinese locale in the site token answers 500", () => {
  for (const locale of ["zh", "zh-CN", "zh-Hans"]) {
    it(`signs the user in with locale ${locale}`, async ({ expect }) => {
      const token = await siteToken({ sub: `zh-${crypto.randomUUID()}`, locale });
      const headers = { Authorization: `Bearer ${token}` };

      const read = await worker("/v1/forums/1/topics?limit=1", { headers });
      expect(read.status, await read.clone().text()).toBe(200);

      const link = await worker("/v1/sso/link", {
        method: "POST",
        headers: { ...headers, Origin: "https://site.example", "Content-Type": "application/json" },
        body: "{}",
      });
      expect(link.status, await link.clone().text()).toBe(200);
    });
  }
});
