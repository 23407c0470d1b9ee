/**
 * Protects: a signed-in user whose site token says `locale: "zh"`, `"zh-CN"`, `"zh-SG"` or
 * `"zh-Hans"` is signed in like any other, on personal reads, writes and POST /v1/sso/link.
 *
 * Found by the fuzz suite (reads.test.ts, writes.test.ts): such a user got 500 `internal`,
 * because the locale was mapped to UserEcho's code "zh-hans" (7 characters), which the SSO
 * payload refused. UserEcho's SSO locale holds at most five characters (docs/USERECHO.md §10),
 * so it is now left out, and the user gets the project's default language.
 */
import { describe, it } from "vitest";
import { siteToken, worker } from "../../support/index.ts";

describe("a Chinese locale in the site token", () => {
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
