import { SignJWT, type JWTPayload } from "jose";
import { describe, it, type ExpectStatic } from "vitest";
import { MisconfiguredError } from "../../src/errors/index.ts";
import { readIdentityConfig } from "../../src/identity/config.ts";

const SECRET = "identity-config-test-secret-32-bytes!!";

const env = (vars: Record<string, string | undefined> = {}) =>
  ({
    USERECHO_ALIAS: "demo",
    USERECHO_API_TOKEN: "agent-token",
    USERECHO_ANON_TOKEN: "anonymous-token",
    USERECHO_SSO_KEY: "sso-key",
    SITE_JWT_SECRET: SECRET,
    ...vars,
  }) as unknown as Env;

function refuses(
  expect: ExpectStatic,
  vars: Record<string, string | undefined>,
  variable: string,
  detail: string,
) {
  let error: unknown;
  try {
    readIdentityConfig(env(vars));
  } catch (caught) {
    error = caught;
  }
  expect(error, JSON.stringify(vars)).toBeInstanceOf(MisconfiguredError);
  expect((error as MisconfiguredError).members).toEqual({ variable });
  expect((error as MisconfiguredError).message).toBe(`${variable}: ${detail}`);
}

/** A site token with `claims`, `lifetime` seconds long. */
async function token(claims: JWTPayload = {}, lifetime = 300): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: "u-1", name: "Ada", ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(new TextEncoder().encode(SECRET));
}

describe("readIdentityConfig", () => {
  it("reads the secrets, trimmed, and the community's URL", ({ expect }) => {
    const config = readIdentityConfig(
      env({ USERECHO_ANON_TOKEN: " anonymous-token\n", USERECHO_SSO_KEY: " sso-key " }),
    );
    expect(config.anonymousToken).toBe("anonymous-token");
    expect(config.ssoKey).toBe("sso-key");
    expect(config.communityUrl.href).toBe("https://demo.userecho.com/");
    const bindings = env();
    expect(readIdentityConfig(bindings)).toBe(readIdentityConfig(bindings));
  });

  it("requires the anonymous token and the SSO key", ({ expect }) => {
    const detail = "secret is not set (needed for signed-in users)";
    refuses(expect, { USERECHO_ANON_TOKEN: undefined }, "USERECHO_ANON_TOKEN", detail);
    refuses(expect, { USERECHO_ANON_TOKEN: " " }, "USERECHO_ANON_TOKEN", detail);
    refuses(expect, { USERECHO_SSO_KEY: "" }, "USERECHO_SSO_KEY", detail);
  });

  it("needs exactly one way to verify site tokens", ({ expect }) => {
    refuses(
      expect,
      { SITE_JWT_SECRET: " " },
      "SITE_JWT_SECRET",
      "set it (HS256) or SITE_JWKS_URL (RS256/ES256)",
    );
    refuses(
      expect,
      { SITE_JWKS_URL: "https://site.example/jwks.json" },
      "SITE_JWKS_URL",
      "set either SITE_JWT_SECRET or SITE_JWKS_URL",
    );
    const jwks = readIdentityConfig(
      env({ SITE_JWT_SECRET: undefined, SITE_JWKS_URL: " https://site.example/jwks.json " }),
    );
    expect(typeof jwks.verifier).toBe("function");
    refuses(expect, { SITE_JWT_SECRET: "short" }, "SITE_JWT_SECRET", "is not usable");
    refuses(
      expect,
      { SITE_JWT_SECRET: undefined, SITE_JWKS_URL: "not a url" },
      "SITE_JWKS_URL",
      "is not usable",
    );
  });

  it("verifies with the configured audience, issuer and longest lifetime", async ({ expect }) => {
    const standard = readIdentityConfig(env()).verifier;
    expect(await standard(await token({ aud: "userecho-edge" }))).toMatchObject({ subject: "u-1" });
    await expect(standard(await token({ aud: "other" }))).rejects.toThrow();
    await expect(standard(await token({ aud: "userecho-edge" }, 3601))).rejects.toThrow();

    const custom = readIdentityConfig(
      env({
        SITE_JWT_AUDIENCE: " shop ",
        SITE_JWT_ISSUER: " https://shop.example ",
        SITE_JWT_MAX_LIFETIME_SECONDS: " 86400 ",
      }),
    ).verifier;
    const claims = { aud: "shop", iss: "https://shop.example" };
    expect(await custom(await token(claims, 86_400))).toMatchObject({ subject: "u-1" });
    await expect(custom(await token({ aud: "shop" }))).rejects.toThrow();
    await expect(custom(await token({ ...claims, aud: "userecho-edge" }))).rejects.toThrow();

    const short = readIdentityConfig(env({ SITE_JWT_MAX_LIFETIME_SECONDS: "60" })).verifier;
    expect(await short(await token({ aud: "userecho-edge" }, 60))).toMatchObject({
      subject: "u-1",
    });
    await expect(short(await token({ aud: "userecho-edge" }, 61))).rejects.toThrow();
  });

  it("reads blank settings as unset", ({ expect }) => {
    expect(() =>
      readIdentityConfig(env({ SITE_JWKS_URL: "  ", SITE_JWT_MAX_LIFETIME_SECONDS: "  " })),
    ).not.toThrow();
  });

  it("bounds the longest lifetime to a minute to a day", ({ expect }) => {
    for (const value of ["59", "86401", "1.5", "long"]) {
      refuses(
        expect,
        { SITE_JWT_MAX_LIFETIME_SECONDS: value },
        "SITE_JWT_MAX_LIFETIME_SECONDS",
        "must be 60 to 86400",
      );
    }
  });
});
