import { describe, it } from "vitest";
import {
  encryptSsoPlaintext,
  normaliseSsoLocale,
  phpJsonEncode,
  phpUrlencode,
  serialiseSsoPayload,
  type SsoPayload,
} from "../../src/sso/index.ts";

const USER: SsoPayload = { guid: "u-1", display_name: "Ada", expires: 2_000_000_000 };

const refusal = (payload: Partial<SsoPayload> & Record<string, unknown>) => {
  try {
    serialiseSsoPayload({ ...USER, ...payload } as SsoPayload);
  } catch (error) {
    return error instanceof RangeError ? error.message : `not a RangeError: ${String(error)}`;
  }
  return "accepted";
};

describe("the SSO user document", () => {
  it("keeps UserEcho's limits on every field, naming the field it refuses", ({ expect }) => {
    const cases: [Record<string, unknown>, string][] = [
      [{ guid: "" }, "SSO payload: guid must be a string of 1–255 characters"],
      [{ guid: "g".repeat(256) }, "SSO payload: guid must be a string of 1–255 characters"],
      [
        { display_name: "n".repeat(31) },
        "SSO payload: display_name must be a string of 1–30 characters",
      ],
      [{ display_name: 7 }, "SSO payload: display_name must be a string of 1–30 characters"],
      [{ expires: 0 }, "SSO payload: expires must be a positive integer (Unix seconds)"],
      [{ expires: 1.5 }, "SSO payload: expires must be a positive integer (Unix seconds)"],
      [{ email: "" }, "SSO payload: email must be a string of 1–255 characters"],
      [
        { avatar_url: "a".repeat(256) },
        "SSO payload: avatar_url must be a string of 1–255 characters",
      ],
      [{ locale: "pt-br-x" }, "SSO payload: locale must be a string of 1–5 characters"],
      [
        { allowed_private_forums: [1, 0] },
        "SSO payload: allowed_private_forums must be positive integer ids",
      ],
      [{ groups: [1.5] }, "SSO payload: groups must be positive integer ids"],
    ];
    for (const [payload, message] of cases) {
      expect(refusal(payload), JSON.stringify(payload)).toBe(message);
    }
    // At the limits, counted in characters rather than UTF-16 units.
    for (const payload of [
      { guid: "g".repeat(255) },
      { display_name: "😀".repeat(30) },
      { expires: 1 },
      { email: "e".repeat(255), avatar_url: "a".repeat(255), locale: "pt-br" },
      { allowed_private_forums: [1, 2], groups: [] },
    ]) {
      expect(refusal(payload), JSON.stringify(payload)).toBe("accepted");
    }
  });

  it("writes fields in UserEcho's order and leaves absent ones out", ({ expect }) => {
    expect(serialiseSsoPayload({ ...USER, groups: [2], email: "a@b.c" })).toBe(
      '{"guid":"u-1","display_name":"Ada","email":"a@b.c","groups":[2],"expires":2000000000}',
    );
    expect(serialiseSsoPayload(USER)).toBe(
      '{"guid":"u-1","display_name":"Ada","expires":2000000000}',
    );
  });

  it("refuses to encrypt with an empty key or an IV of the wrong size", async ({ expect }) => {
    await expect(encryptSsoPlaintext("{}", "")).rejects.toThrow("SSO key must not be empty");
    await expect(encryptSsoPlaintext("{}", "key", new Uint8Array(15))).rejects.toThrow(
      "SSO IV must be 16 bytes",
    );
  });

  it("URL-encodes as PHP does, upper-case hex", ({ expect }) => {
    expect(phpUrlencode("a b+/=é\n")).toBe("a+b%2B%2F%3D%C3%A9%0A");
    expect(() => phpJsonEncode(undefined)).toThrow("phpJsonEncode: value is not serialisable");
  });
});

describe("SSO locales", () => {
  it("reads well-formed tags only, of at most 35 characters", ({ expect }) => {
    expect(normaliseSsoLocale("en-US")).toBe("en");
    expect(normaliseSsoLocale("pt_BR")).toBe("pt-br");
    expect(normaliseSsoLocale(`de-${"a1234567-".repeat(3)}abcde`)).toBe("de");
    expect(normaliseSsoLocale(`de-${"a1234567-".repeat(3)}abcdef`)).toBeUndefined();
    for (const tag of [
      "e",
      "en-",
      "-en",
      "en--US",
      "en US",
      "x-en",
      "1en",
      "en-123456789",
      "en.US",
    ]) {
      expect(normaliseSsoLocale(tag), tag).toBeUndefined();
    }
    expect(normaliseSsoLocale("xx-yy")).toBeUndefined();
  });
});
