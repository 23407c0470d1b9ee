import { describe, it } from "vitest";
import { SSO_KEY, nowSeconds, ssoToken } from "../support.ts";
import {
  SsoTokenError,
  decodeSsoToken,
  decryptCurrentFormat,
  decryptLegacyFormat,
  openSsoToken,
  readSsoClaims,
  stripPkcs7Leniently,
} from "../../src/sso/index.ts";

// The worked example of docs/USERECHO.md §10, verbatim.
const V2_KEY = "==========YOUR_SSO_KEY==========";
const V2_USER = {
  guid: "123",
  display_name: "John Doe",
  email: "john.doe@test.com",
  locale: "en",
  avatar_url: "http://test.com/users/123/avatar.png",
  expires: 1462245336,
};
const V2_BASE64 =
  "dGVzdFRFU1QxMjM0UVdFUlypTk2p+lvx+kvE43Dd28q/x5mf3uxBFqTwihLqD/RuqLizgsl1i4hR2wm8X8SB/aj8oH2hccXw9opRKAY9H3x957nPBd54BNUBrYFVuVyvaXhyAOZo+yLUVOdk0/S6B97LND5pVhYpHG9add8AojettD2WqfMTQDnZtwcHC306InKlzRvS8D90RbWbdELd4STzyzdiNg5nEFCo9mhKM6LRS6RPnbXtV28Gjbb0HuM4";
const V2_TOKEN =
  "dGVzdFRFU1QxMjM0UVdFUlypTk2p%2Blvx%2BkvE43Dd28q%2Fx5mf3uxBFqTwihLqD%2FRuqLizgsl1i4hR2wm8X8SB%2Faj8oH2hccXw9opRKAY9H3x957nPBd54BNUBrYFVuVyvaXhyAOZo%2ByLUVOdk0%2FS6B97LND5pVhYpHG9add8AojettD2WqfMTQDnZtwcHC306InKlzRvS8D90RbWbdELd4STzyzdiNg5nEFCo9mhKM6LRS6RPnbXtV28Gjbb0HuM4";
const V2_UNPADDED =
  "dGVzdFRFU1QxMjM0UVdFUlypTk2p+lvx+kvE43Dd28q/x5mf3uxBFqTwihLqD/RuqLizgsl1i4hR2wm8X8SB/aj8oH2hccXw9opRKAY9H3x957nPBd54BNUBrYFVuVyvaXhyAOZo+yLUVOdk0/S6B97LND5pVhYpHG9add8AojettD2WqfMTQDnZtwcHC306InKlzRvS8D90RbWbdELd4STzyzdiNg5nEFCo9mhKM6I=";

// The legacy format's worked example (docs/USERECHO.md §10), verbatim.
const V1_SECRETS = { ssoKey: "0123456789abcdef0123456789abcdef", alias: "myproject" };
const V1_USER = {
  guid: "12345",
  expires_date: "2016-05-04 12:00:00",
  display_name: "My Name Example",
  email: "test@test.com",
  locale: "en",
};
const V1_TOKEN =
  "BeQYY2Jjg%2FsGGgpgcznJuS%2FQuN6hzoGysIkpY1nO1qb0n4u%2F4sjywsjF934TKPmfqzzge8e9hCHbZGOAeTJAKTRgXOPF9lg0sTdGGKzN0aIZeb9LCWzHJEG3OeiBZ1csY6SQusD4chJqKqENiZvMqxC9awmyzwwlNaY9pp1M%2B8k%3D";

/** The value a server reads from `?sso_token=<token>`: URL-decoded once, `+` as space. */
const received = (token: string) => new URLSearchParams(`sso_token=${token}`).get("sso_token")!;

describe("sso_token decryption, current format (docs/USERECHO.md §10)", () => {
  it("decrypts the worked example (PKCS#7) from its URL-encoded form", async ({ expect }) => {
    expect(received(V2_TOKEN)).toBe(V2_BASE64);
    const opened = await openSsoToken(received(V2_TOKEN), { ssoKey: V2_KEY, alias: "demo" });
    expect(opened).toEqual({ format: "current", payload: V2_USER });
  });

  it("decrypts the unpadded Python/PHP-mcrypt variant to the same payload", async ({ expect }) => {
    expect(await decryptCurrentFormat(decodeSsoToken(V2_UNPADDED), V2_KEY)).toEqual(V2_USER);
    // Exactly one block shorter than the padded token.
    expect(decodeSsoToken(V2_BASE64).length - decodeSsoToken(V2_UNPADDED).length).toBe(16);
  });

  it("tolerates a + sent unescaped, missing = padding and an unescaped /", async ({ expect }) => {
    const secrets = { ssoKey: V2_KEY, alias: "demo" };
    // An unescaped + arrives as a space; Python's urllib.quote leaves / alone.
    const raw = V2_UNPADDED;
    expect((await openSsoToken(received(raw), secrets)).payload).toEqual(V2_USER);
    const unpadded = V2_UNPADDED.replace(/=+$/, "");
    expect((await openSsoToken(unpadded, secrets)).payload).toEqual(V2_USER);
    // C#'s lower-case escapes.
    const lower = V2_TOKEN.replace(/%2B/g, "%2b").replace(/%2F/g, "%2f");
    expect((await openSsoToken(received(lower), secrets)).payload).toEqual(V2_USER);
  });

  it("decrypts what a sender mints, non-ASCII included", async ({ expect }) => {
    const user = { guid: "w-1", display_name: "Zoë 😀", expires: nowSeconds() + 60 };
    const token = await ssoToken(user, SSO_KEY);
    expect(await openSsoToken(received(token), { ssoKey: SSO_KEY, alias: "demo" })).toEqual({
      format: "current",
      payload: user,
    });
  });

  it("refuses wrong keys, garbled and truncated tokens", async ({ expect }) => {
    const secrets = { ssoKey: SSO_KEY, alias: "demo" };
    const bad = [
      V2_BASE64, // right format, wrong key
      "not base64!",
      "abcde",
      V2_BASE64.slice(0, 40), // not whole blocks
      btoa("x".repeat(16)), // IV only
      "",
    ];
    for (const token of bad) {
      await expect(openSsoToken(token, secrets)).rejects.toBeInstanceOf(SsoTokenError);
    }
  });

  it("strips only valid PKCS#7: block-aligned JSON keeps its last byte", ({ expect }) => {
    const json = new TextEncoder().encode('{"a":"0123456789"}');
    expect(stripPkcs7Leniently(json)).toEqual(json);
    const padded = new Uint8Array([...json, 3, 3, 3]);
    expect(stripPkcs7Leniently(padded)).toEqual(json);
    const broken = new Uint8Array([...json, 2, 3, 3]);
    expect(stripPkcs7Leniently(broken)).toEqual(broken);
  });
});

describe("sso_token decryption, legacy format (docs/USERECHO.md §10)", () => {
  it("decrypts the worked example directly and as a fallback", async ({ expect }) => {
    const bytes = decodeSsoToken(received(V1_TOKEN));
    expect(await decryptLegacyFormat(bytes, V1_SECRETS.ssoKey, V1_SECRETS.alias)).toEqual(V1_USER);
    expect(await openSsoToken(received(V1_TOKEN), V1_SECRETS)).toEqual({
      format: "legacy",
      payload: V1_USER,
    });
  });

  it("needs the right alias", async ({ expect }) => {
    await expect(
      openSsoToken(received(V1_TOKEN), { ...V1_SECRETS, alias: "other" }),
    ).rejects.toBeInstanceOf(SsoTokenError);
  });
});

describe("SSO payload rules (docs/USERECHO.md §10)", () => {
  const now = 1_800_000_000;
  const valid = { guid: "g-1", display_name: "Ada", expires: now + 60 };

  it("reads a valid payload", ({ expect }) => {
    expect(
      readSsoClaims(
        {
          ...valid,
          email: "ada@example.com",
          avatar_url: "https://cdn.example.com/a.png",
          locale: "fr",
          force_update_avatar: true,
          allowed_private_forums: [3],
        },
        now,
      ),
    ).toEqual({
      guid: "g-1",
      displayName: "Ada",
      expires: now + 60,
      email: "ada@example.com",
      avatarUrl: "https://cdn.example.com/a.png",
      locale: "fr",
      forceUpdateAvatar: true,
      allowedPrivateForums: [3],
    });
  });

  it("accepts a numeric guid and a float expires", ({ expect }) => {
    expect(readSsoClaims({ ...valid, guid: 1000000, expires: now + 0.5 }, now)).toMatchObject({
      guid: "1000000",
      expires: now + 0.5,
    });
  });

  it("takes the legacy expires_date (UTC)", ({ expect }) => {
    const payload = { guid: "g", display_name: "A", expires_date: "2027-01-15 12:00:00" };
    expect(readSsoClaims(payload, now).expires).toBe(Date.parse("2027-01-15T12:00:00Z") / 1000);
    expect(() => readSsoClaims(V1_USER, now)).toThrow(/expired/);
  });

  it.for([
    ["guid missing", { display_name: "A", expires: now + 60 }, /guid/],
    ["guid empty", { ...valid, guid: "" }, /guid/],
    ["guid too long", { ...valid, guid: "g".repeat(256) }, /guid/],
    ["display_name missing", { guid: "g", expires: now + 60 }, /display_name/],
    ["display_name blank", { ...valid, display_name: "  " }, /display_name/],
    ["display_name too long", { ...valid, display_name: "n".repeat(31) }, /display_name/],
    ["expires missing", { guid: "g", display_name: "A" }, /expires/],
    ["expires now", { ...valid, expires: now }, /expired/],
    ["expires past", { ...valid, expires: now - 1 }, /expired/],
    ["expires a string", { ...valid, expires: "tomorrow" }, /expires/],
    ["email not a string", { ...valid, email: 7 }, /email/],
    ["forums not ids", { ...valid, allowed_private_forums: ["x"] }, /allowed_private_forums/],
  ] as const)("refuses a payload with %s", ([, payload, message], { expect }) => {
    expect(() => readSsoClaims(payload, now)).toThrow(message);
    expect(() => readSsoClaims(payload, now)).toThrow(SsoTokenError);
  });
});
