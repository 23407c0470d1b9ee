import { describe, it } from "vitest";
import {
  encryptSsoPayload,
  mintSsoToken,
  normaliseSsoKey,
  normaliseSsoLocale,
  phpJsonEncode,
  phpUrlencode,
  serialiseSsoPayload,
  type SsoPayload,
} from "../../src/sso/index.ts";

// docs/USERECHO.md §10: the samples' placeholder key, the legacy samples' fixed IV, php/test.php's user.
const KEY = "==========YOUR_SSO_KEY==========";
const IV = new TextEncoder().encode("testTEST1234QWER");
const USER: SsoPayload = {
  guid: "123",
  display_name: "John Doe",
  email: "john.doe@test.com",
  locale: "en",
  avatar_url: "http://test.com/users/123/avatar.png",
  expires: 1462245336,
};
const PLAINTEXT =
  '{"guid":"123","display_name":"John Doe","email":"john.doe@test.com","locale":"en","avatar_url":"http:\\/\\/test.com\\/users\\/123\\/avatar.png","expires":1462245336}';
const BASE64 =
  "dGVzdFRFU1QxMjM0UVdFUlypTk2p+lvx+kvE43Dd28q/x5mf3uxBFqTwihLqD/RuqLizgsl1i4hR2wm8X8SB/aj8oH2hccXw9opRKAY9H3x957nPBd54BNUBrYFVuVyvaXhyAOZo+yLUVOdk0/S6B97LND5pVhYpHG9add8AojettD2WqfMTQDnZtwcHC306InKlzRvS8D90RbWbdELd4STzyzdiNg5nEFCo9mhKM6LRS6RPnbXtV28Gjbb0HuM4";
const TOKEN =
  "dGVzdFRFU1QxMjM0UVdFUlypTk2p%2Blvx%2BkvE43Dd28q%2Fx5mf3uxBFqTwihLqD%2FRuqLizgsl1i4hR2wm8X8SB%2Faj8oH2hccXw9opRKAY9H3x957nPBd54BNUBrYFVuVyvaXhyAOZo%2ByLUVOdk0%2FS6B97LND5pVhYpHG9add8AojettD2WqfMTQDnZtwcHC306InKlzRvS8D90RbWbdELd4STzyzdiNg5nEFCo9mhKM6LRS6RPnbXtV28Gjbb0HuM4";

/** The receiving side, as UserEcho does it (docs/USERECHO.md §10), with strict PKCS#7. */
async function decrypt(token: string, ssoKey: string): Promise<unknown> {
  const bytes = Uint8Array.from(atob(decodeURIComponent(token)), (char) => char.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", normaliseSsoKey(ssoKey), "AES-CBC", false, [
    "decrypt",
  ]);
  const plaintext = await crypto.subtle.decrypt(
    { name: "AES-CBC", iv: bytes.slice(0, 16) },
    key,
    bytes.slice(16),
  );
  return JSON.parse(new TextDecoder().decode(plaintext));
}

describe("sso_token, current format (docs/USERECHO.md §10)", () => {
  it("serialises the payload exactly as PHP json_encode does", ({ expect }) => {
    expect(serialiseSsoPayload(USER)).toBe(PLAINTEXT);
    expect(new TextEncoder().encode(PLAINTEXT)).toHaveLength(160);
  });

  it("reproduces the worked example byte for byte (docs/USERECHO.md §10)", async ({ expect }) => {
    expect(await encryptSsoPayload(USER, KEY, { iv: IV })).toBe(BASE64);
    expect(await mintSsoToken(USER, KEY, { iv: IV })).toBe(TOKEN);
  });

  it("pads a short key with NUL bytes as PHP does, not AES-128 (docs/USERECHO.md §10)", async ({
    expect,
  }) => {
    const shortKey = await encryptSsoPayload(USER, "0123456789abcdef", { iv: IV });
    expect(shortKey.startsWith("dGVzdFRFU1QxMjM0UVdFUk2G0+1RRewHJEJP")).toBe(true);
    expect(normaliseSsoKey("0123456789abcdef")).toEqual(
      new Uint8Array([...new TextEncoder().encode("0123456789abcdef"), ...new Uint8Array(16)]),
    );
  });

  it("truncates a long key to its first 32 bytes (docs/USERECHO.md §10)", async ({ expect }) => {
    expect(await encryptSsoPayload(USER, `${KEY}and-then-some`, { iv: IV })).toBe(BASE64);
  });

  it("uses a fresh random IV per token; both decrypt to the payload", async ({ expect }) => {
    const [first, second] = [await mintSsoToken(USER, KEY), await mintSsoToken(USER, KEY)];
    expect(first).not.toBe(second);
    expect(first.slice(0, 22)).not.toBe(second.slice(0, 22));
    expect(await decrypt(first, KEY)).toEqual(USER);
    expect(await decrypt(second, KEY)).toEqual(USER);
  });

  it("round-trips non-ASCII names and optional fields", async ({ expect }) => {
    const payload: SsoPayload = {
      guid: "ü-42",
      display_name: "Zoë Ñandú 😀",
      expires: 2_000_000_000,
      verified_email: true,
      email: "zoe@example.com",
      groups: [1, 2],
      allowed_private_forums: [3],
    };
    expect(serialiseSsoPayload(payload)).toBe(
      '{"guid":"\\u00fc-42","display_name":"Zo\\u00eb \\u00d1and\\u00fa \\ud83d\\ude00","email":"zoe@example.com","verified_email":true,"allowed_private_forums":[3],"groups":[1,2],"expires":2000000000}',
    );
    expect(await decrypt(await mintSsoToken(payload, KEY), KEY)).toEqual(payload);
  });

  it("produces only characters that survive a URL query unescaped", async ({ expect }) => {
    for (let i = 0; i < 20; i++) {
      expect(await mintSsoToken(USER, KEY)).toMatch(/^[A-Za-z0-9%]+$/);
    }
  });

  it("refuses payloads that break the documented limits, and bad keys or IVs", async ({
    expect,
  }) => {
    const bad: SsoPayload[] = [
      { ...USER, guid: "" },
      { ...USER, guid: "x".repeat(256) },
      { ...USER, display_name: "x".repeat(31) },
      { ...USER, expires: 1.5 },
      { ...USER, groups: [0] },
      { ...USER, locale: "far-too-long" },
    ];
    for (const payload of bad) {
      await expect(mintSsoToken(payload, KEY)).rejects.toBeInstanceOf(RangeError);
    }
    await expect(mintSsoToken(USER, "")).rejects.toBeInstanceOf(TypeError);
    await expect(mintSsoToken(USER, KEY, { iv: new Uint8Array(8) })).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});

describe("PHP helpers", () => {
  it("json_encode escapes / and non-ASCII, nothing else", ({ expect }) => {
    expect(phpJsonEncode({ a: "</script>&'\"\n\u2028é" })).toBe(
      '{"a":"<\\/script>&\'\\"\\n\\u2028\\u00e9"}',
    );
  });

  it("urlencode matches PHP", ({ expect }) => {
    expect(phpUrlencode("a+b/c=d e~é-_.")).toBe("a%2Bb%2Fc%3Dd+e%7E%C3%A9-_.");
  });

  it("maps BCP 47 tags to UserEcho's locales", ({ expect }) => {
    expect(normaliseSsoLocale("pt-BR")).toBe("pt-br");
    expect(normaliseSsoLocale("en_GB")).toBe("en-gb");
    expect(normaliseSsoLocale("en-US")).toBe("en");
    // UserEcho's code for Chinese, zh-hans, does not fit the five-character field: not sent.
    expect(normaliseSsoLocale("zh-Hans-CN")).toBeUndefined();
    expect(normaliseSsoLocale("zh-CN")).toBeUndefined();
    expect(normaliseSsoLocale("nb-NO")).toBe("nb");
    expect(normaliseSsoLocale("xx")).toBeUndefined();
    expect(normaliseSsoLocale("en;drop")).toBeUndefined();
    expect(normaliseSsoLocale("")).toBeUndefined();
  });
});
