/**
 * Bug (found by reads.test.ts and writes.test.ts): a signed-in user whose site token says
 * `locale: "zh"`, `"zh-CN"`, `"zh-SG"` or `"zh-Hans"` gets 500 `internal` on every personal read,
 * every write and POST /v1/sso/link.
 *
 * normaliseSsoLocale (sso/locales.ts) maps those tags to UserEcho's code "zh-hans", 7 characters;
 * the SSO payload encoder (sso/payload.ts) enforces sso.md §2's "locale: string, ≤5" and throws a
 * RangeError, which is not an ApiError. (sso.md contradicts itself: its own list holds
 * "zh-hans".) Either way a valid token must not answer 500: send "zh-hans" or drop the locale.
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
