import { SignJWT, type JWTPayload } from "jose";
import { describe, it } from "vitest";
import { mintSsoToken, normaliseSsoKey } from "../../src/sso/index.ts";
import {
  createIdentityVerifier,
  identityFromClaims,
  IdentityError,
  PRIVATE_FORUMS_CLAIM,
  toSsoPayload,
  type Identity,
} from "../../src/identity/index.ts";

const EXP = 1_800_000_600;
const map = (claims: JWTPayload) => identityFromClaims({ sub: "u-1", exp: EXP, ...claims });

describe("claims → identity", () => {
  it("maps the standard claims", ({ expect }) => {
    expect(
      map({
        name: "Ada Lovelace",
        email: "ada@example.com",
        email_verified: true,
        picture: "https://cdn.example.com/ada.png",
        locale: "pt-BR",
        groups: [3, 1, 3],
        [PRIVATE_FORUMS_CLAIM]: [29966],
      }),
    ).toEqual({
      subject: "u-1",
      name: "Ada Lovelace",
      email: "ada@example.com",
      emailVerified: true,
      picture: "https://cdn.example.com/ada.png",
      locale: "pt-br",
      groups: [3, 1],
      privateForums: [29966],
      expiresAt: EXP,
    });
  });

  it("falls back from name to preferred_username to 'User'", ({ expect }) => {
    expect(map({ preferred_username: "ada" }).name).toBe("ada");
    expect(map({ name: "  ", preferred_username: "ada" }).name).toBe("ada");
    expect(map({}).name).toBe("User");
    expect(map({ name: 42 }).name).toBe("User");
  });

  it("cuts the name to 30 characters without splitting one, and cleans whitespace", ({
    expect,
  }) => {
    expect(map({ name: "x".repeat(40) }).name).toBe("x".repeat(30));
    const emoji = map({ name: "😀".repeat(40) }).name;
    expect([...emoji]).toHaveLength(30);
    expect(emoji).toBe("😀".repeat(30));
    expect(map({ name: " Ada\n\tLovelace\u200b " }).name).toBe("Ada Lovelace");
  });

  it("keeps every limit exactly: 255 characters, 100 ids, ids from 1", ({ expect }) => {
    const email = `${"e".repeat(245)}@x.example`;
    expect(email).toHaveLength(255);
    expect(map({ email }).email).toBe(email);
    expect(map({ email: `e${email}` })).not.toHaveProperty("email");
    for (const bad of [" a@b.c", "a@b.c ", "x y@b.c", "a@b c"]) {
      expect(map({ email: bad }), bad).not.toHaveProperty("email");
    }
    const picture = `https://x.example/${"p".repeat(237)}`;
    expect(picture).toHaveLength(255);
    expect(map({ picture }).picture).toBe(picture);
    expect(map({ picture: `${picture}p` })).not.toHaveProperty("picture");
    expect(map({ picture: "not a url" })).not.toHaveProperty("picture");
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(map({ groups: hundred }).groups).toEqual(hundred);
    expect(map({ groups: [...hundred, 101] })).not.toHaveProperty("groups");
    expect(map({ groups: [0, 1] })).not.toHaveProperty("groups");
    expect(map({ groups: [1, "2"] })).not.toHaveProperty("groups");
    expect(map({ name: "  Ada   Lovelace  " }).name).toBe("Ada Lovelace");
    // Cut to 30 characters, then trimmed again: no trailing space from the cut.
    expect(map({ name: `${"a".repeat(29)} bc` }).name).toBe("a".repeat(29));
    expect(new IdentityError("expired").name).toBe("IdentityError");
  });

  it("keeps only http(s) pictures of at most 255 characters", ({ expect }) => {
    expect(map({ picture: "http://cdn.example.com/a.png" }).picture).toBe(
      "http://cdn.example.com/a.png",
    );
    for (const picture of [
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "//cdn.example.com/a.png",
      `https://cdn.example.com/${"a".repeat(250)}`,
      42,
    ]) {
      expect(map({ picture })).not.toHaveProperty("picture");
    }
  });

  it("keeps only UserEcho's locales", ({ expect }) => {
    expect(map({ locale: "en-GB" }).locale).toBe("en-gb");
    expect(map({ locale: "de-AT" }).locale).toBe("de");
    expect(map({ locale: "tlh" })).not.toHaveProperty("locale");
    expect(map({ locale: 7 })).not.toHaveProperty("locale");
  });

  it("takes group and private forum ids only when every entry is a positive integer", ({
    expect,
  }) => {
    expect(map({ groups: ["admins"] })).not.toHaveProperty("groups");
    expect(map({ groups: [1, "2"] })).not.toHaveProperty("groups");
    expect(map({ groups: [1.5] })).not.toHaveProperty("groups");
    expect(map({ groups: "1" })).not.toHaveProperty("groups");
    expect(map({ groups: [] }).groups).toEqual([]);
    expect(map({ [PRIVATE_FORUMS_CLAIM]: [-1] })).not.toHaveProperty("privateForums");
    // Only the namespaced claim grants forums.
    expect(map({ allowed_private_forums: [3] })).not.toHaveProperty("privateForums");
  });

  it("drops e-mails that are not addresses and reads string booleans", ({ expect }) => {
    expect(map({ email: "not an email" })).not.toHaveProperty("email");
    expect(map({ email: `${"a".repeat(250)}@x.example` })).not.toHaveProperty("email");
    expect(map({ email_verified: "true" }).emailVerified).toBe(true);
    expect(map({ email_verified: "yes" })).not.toHaveProperty("emailVerified");
  });

  it("floors a fractional exp", ({ expect }) => {
    expect(map({ exp: EXP + 0.9 }).expiresAt).toBe(EXP);
  });
});

describe("identity → SSO payload", () => {
  const identity: Identity = {
    subject: "u-1",
    name: "Ada",
    email: "ada@example.com",
    emailVerified: false,
    picture: "https://cdn.example.com/ada.png",
    locale: "en",
    groups: [1],
    privateForums: [3],
    expiresAt: EXP,
  };

  it("maps every field to UserEcho's names", ({ expect }) => {
    expect(toSsoPayload(identity, (EXP - 600) * 1000)).toEqual({
      guid: "u-1",
      display_name: "Ada",
      email: "ada@example.com",
      verified_email: false,
      locale: "en",
      avatar_url: "https://cdn.example.com/ada.png",
      allowed_private_forums: [3],
      groups: [1],
      expires: EXP,
    });
  });

  it("expires at min(JWT exp, now + 1 h), never after the JWT", ({ expect }) => {
    expect(toSsoPayload(identity, (EXP - 600) * 1000).expires).toBe(EXP);
    expect(toSsoPayload(identity, (EXP - 7200) * 1000).expires).toBe(EXP - 3600);
    expect(toSsoPayload(identity, (EXP - 1) * 1000 + 999).expires).toBe(EXP);
  });

  it("refuses to mint for a JWT whose exp has passed (accepted within the skew)", ({ expect }) => {
    expect(() => toSsoPayload(identity, EXP * 1000)).toThrow(IdentityError);
    expect(() => toSsoPayload(identity, (EXP + 20) * 1000)).toThrow(
      expect.objectContaining({ reason: "expired" }),
    );
  });

  it("claims a verified e-mail only when the site's JWT says so", ({ expect }) => {
    const now = (EXP - 600) * 1000;
    // An e-mail with no word on it is not verified: UserEcho would trust the address.
    const unsaid = toSsoPayload(map({ email: "ada@example.com" }), now);
    expect(unsaid).toMatchObject({ email: "ada@example.com" });
    expect(unsaid).not.toHaveProperty("verified_email");
    for (const said of [false, "false"]) {
      const payload = toSsoPayload(map({ email: "ada@example.com", email_verified: said }), now);
      expect(payload.verified_email, String(said)).toBe(false);
    }
    for (const said of [true, "true"]) {
      const payload = toSsoPayload(map({ email: "ada@example.com", email_verified: said }), now);
      expect(payload.verified_email, String(said)).toBe(true);
    }
  });

  it("leaves out what the identity does not have", ({ expect }) => {
    // Not even as `undefined`: the payload is serialised as UserEcho's PHP sample would.
    expect(
      toSsoPayload({ subject: "u-2", name: "User", expiresAt: EXP }, EXP * 1000 - 1000),
    ).toStrictEqual({ guid: "u-2", display_name: "User", expires: EXP });
  });
});

describe("JWT → identity → sso_token", () => {
  it("mints a token UserEcho can decrypt to the verified user", async ({ expect }) => {
    const secret = "test-site-secret-of-at-least-32-bytes!!";
    const nowMs = (EXP - 600) * 1000;
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const jwt = await new SignJWT({ name: "Zoë", locale: "fr-CA", groups: [2] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("site-user-7")
      .setAudience("edge")
      .setIssuedAt(EXP - 900)
      .setExpirationTime(EXP)
      .sign(key);
    const verify = createIdentityVerifier({
      hs256Secret: secret,
      audience: "edge",
      now: () => nowMs,
    });
    const ssoKey = "UE-SSO-KEY-32-bytes-never-leak!!";
    const token = await mintSsoToken(toSsoPayload(await verify(jwt), nowMs), ssoKey);

    const bytes = Uint8Array.from(atob(decodeURIComponent(token)), (c) => c.charCodeAt(0));
    const aes = await crypto.subtle.importKey("raw", normaliseSsoKey(ssoKey), "AES-CBC", false, [
      "decrypt",
    ]);
    const plain = await crypto.subtle.decrypt(
      { name: "AES-CBC", iv: bytes.slice(0, 16) },
      aes,
      bytes.slice(16),
    );
    const text = new TextDecoder().decode(plain);
    expect(text).toContain('"display_name":"Zo\\u00eb"');
    expect(JSON.parse(text)).toEqual({
      guid: "site-user-7",
      display_name: "Zoë",
      locale: "fr",
      groups: [2],
      expires: EXP,
    });
  });
});
