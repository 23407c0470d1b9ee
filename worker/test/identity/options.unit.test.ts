import { describe, it } from "vitest";
import { resolveOptions, type IdentityVerifierOptions } from "../../src/identity/options.ts";

const SECRET = "a-site-secret-of-at-least-32-bytes!";
const JWKS = "https://site.example/.well-known/jwks.json";

const refused = (options: Partial<IdentityVerifierOptions>) => {
  try {
    resolveOptions({ audience: "aud", ...options } as IdentityVerifierOptions);
  } catch (error) {
    return error instanceof TypeError ? error.message : `not a TypeError: ${String(error)}`;
  }
  return "accepted";
};

describe("identity verifier options", () => {
  it("apply the defaults", ({ expect }) => {
    const resolved = resolveOptions({ audience: "aud", jwksUrl: JWKS });
    expect(resolved).toMatchObject({
      algorithms: ["RS256", "ES256"],
      audience: "aud",
      issuer: undefined,
      maxLifetimeSeconds: 3600,
      clockToleranceSeconds: 30,
      maxTokenLength: 8192,
    });
    expect(resolved.key).toEqual({
      kind: "jwks",
      url: new URL(JWKS),
      fetch: undefined,
      cacheMaxAgeMs: 600_000,
      cooldownMs: 30_000,
      timeoutMs: 5_000,
    });
    const hs = resolveOptions({ audience: "aud", hs256Secret: SECRET, issuer: "iss" });
    expect(hs.algorithms).toEqual(["HS256"]);
    expect(hs.issuer).toBe("iss");
    expect(hs.key).toEqual({ kind: "secret", secret: new TextEncoder().encode(SECRET) });
  });

  it("take JWKS algorithms from RS256 and ES256 only, once each", ({ expect }) => {
    const resolved = resolveOptions({
      audience: "aud",
      jwksUrl: JWKS,
      jwksAlgorithms: ["ES256", "ES256"],
    });
    expect(resolved.algorithms).toEqual(["ES256"]);
    const message = "identity: jwksAlgorithms may only contain RS256 and ES256";
    expect(refused({ jwksUrl: JWKS, jwksAlgorithms: [] })).toBe(message);
    const hs256 = ["RS256", "HS256"] as unknown as readonly ("RS256" | "ES256")[];
    expect(refused({ jwksUrl: JWKS, jwksAlgorithms: hs256 })).toBe(message);
  });

  it("name each bad option in its error", ({ expect }) => {
    const one = "identity: set exactly one of hs256Secret and jwksUrl";
    expect(refused({})).toBe(one);
    expect(refused({ hs256Secret: SECRET, jwksUrl: JWKS })).toBe(one);
    expect(refused({ hs256Secret: SECRET, audience: "" })).toBe("identity: audience is required");
    const notText = 5 as unknown as string;
    expect(refused({ hs256Secret: SECRET, audience: notText })).toBe(
      "identity: audience is required",
    );
    expect(refused({ hs256Secret: SECRET, issuer: notText })).toBe(
      "identity: issuer must be a non-empty string",
    );
    expect(refused({ hs256Secret: SECRET, issuer: "" })).toBe(
      "identity: issuer must be a non-empty string",
    );
    expect(refused({ hs256Secret: "x".repeat(31) })).toBe(
      "identity: hs256Secret must be at least 32 bytes",
    );
    expect(refused({ hs256Secret: "x".repeat(32) })).toBe("accepted");
    for (const [name, min, max] of [
      ["maxLifetimeSeconds", 1, 86_400],
      ["clockToleranceSeconds", 0, 300],
      ["maxTokenLength", 256, 65_536],
      ["jwksCacheMaxAgeMs", 0, 86_400_000],
      ["jwksCooldownMs", 0, 86_400_000],
      ["jwksTimeoutMs", 1, 60_000],
    ] as const) {
      const message = `identity: ${name} must be an integer from ${min} to ${max}`;
      for (const value of [min - 1, max + 1, 1.5]) {
        expect(refused({ jwksUrl: JWKS, [name]: value }), `${name} ${value}`).toBe(message);
      }
      for (const value of [min, max]) {
        expect(refused({ jwksUrl: JWKS, [name]: value }), `${name} ${value}`).toBe("accepted");
      }
    }
  });

  it("fetch keys only over https, or plain http on this machine, without credentials", ({
    expect,
  }) => {
    expect(refused({ jwksUrl: "not a url" })).toBe("identity: jwksUrl is not a URL");
    for (const url of [
      "http://site.example/jwks.json",
      "ftp://site.example/jwks.json",
      "ftp://localhost/jwks.json",
    ]) {
      expect(refused({ jwksUrl: url }), url).toBe("identity: jwksUrl must use https");
    }
    for (const url of ["http://localhost:8787/k", "http://127.0.0.1/k", "http://[::1]/k"]) {
      expect(refused({ jwksUrl: url }), url).toBe("accepted");
    }
    for (const url of ["https://user@site.example/k", "https://:pw@site.example/k"]) {
      expect(refused({ jwksUrl: url }), url).toBe("identity: jwksUrl must not contain credentials");
    }
  });
});
