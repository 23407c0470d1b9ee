import {
  SignJWT,
  UnsecuredJWT,
  base64url,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from "jose";
import { beforeAll, describe, it, type ExpectStatic } from "vitest";
import {
  createIdentityVerifier,
  IdentityError,
  type IdentityErrorReason,
  type IdentityVerifierOptions,
  type JwksFetch,
} from "../../src/identity/index.ts";

const SECRET = "test-site-secret-of-at-least-32-bytes!!";
const AUDIENCE = "userecho-edge";
const NOW_MS = 1_800_000_000_000;
const NOW = NOW_MS / 1000;
const now = () => NOW_MS;
const JWKS_URL = "https://site.example/.well-known/jwks.json";

const claims = (extra: JWTPayload = {}): JWTPayload => ({
  sub: "user-42",
  aud: AUDIENCE,
  iat: NOW - 10,
  exp: NOW + 600,
  name: "Ada Lovelace",
  ...extra,
});

/** Signs any header and payload with HMAC-SHA256, so tests can craft what jose would refuse to. */
async function hs256(
  header: Record<string, unknown>,
  payload: unknown,
  secret: string = SECRET,
): Promise<string> {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
  const input = `${encode(header)}.${encode(payload)}`;
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input));
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}

/** `payload` without one claim. */
function without(payload: JWTPayload, claim: string): JWTPayload {
  return Object.fromEntries(Object.entries(payload).filter(([name]) => name !== claim));
}

const hsToken = (payload: JWTPayload = claims(), header: Record<string, unknown> = {}) =>
  hs256({ alg: "HS256", typ: "JWT", ...header }, payload);

function hsVerifier(options: Partial<IdentityVerifierOptions> = {}) {
  return createIdentityVerifier({ hs256Secret: SECRET, audience: AUDIENCE, now, ...options });
}

/** Runs `promise`, expecting an IdentityError with `reason`; returns the error. */
async function refused(
  promise: Promise<unknown>,
  reason: IdentityErrorReason,
  expect: ExpectStatic,
): Promise<IdentityError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IdentityError);
  expect((error as IdentityError).reason).toBe(reason);
  return error as IdentityError;
}

describe("HS256 verifier", () => {
  it("accepts a valid token and returns the identity", async ({ expect }) => {
    const identity = await hsVerifier()(await hsToken());
    expect(identity).toEqual({ subject: "user-42", name: "Ada Lovelace", expiresAt: NOW + 600 });
  });

  it("refuses alg none", async ({ expect }) => {
    const unsigned = new UnsecuredJWT(claims()).encode();
    await refused(hsVerifier()(unsigned), "algorithm", expect);
    // The same with a trailing signature and alg spelled differently.
    const noneish = await hs256({ alg: "None" }, claims());
    await refused(hsVerifier()(noneish), "algorithm", expect);
  });

  it("refuses a bad signature: tampered claims, or another secret", async ({ expect }) => {
    const [header, , signature] = (await hsToken()).split(".");
    const forged = `${header}.${base64url.encode(JSON.stringify(claims({ sub: "admin" })))}.${signature}`;
    await refused(hsVerifier()(forged), "signature", expect);
    const other = await hs256({ alg: "HS256" }, claims(), "another-secret-of-at-least-32-bytes!!");
    await refused(hsVerifier()(other), "signature", expect);
  });

  it("refuses HS384 and HS512 even when signed with the right secret", async ({ expect }) => {
    // Only HS256 is pinned: a token must not choose another algorithm, even a stronger one.
    for (const alg of ["HS384", "HS512"]) {
      const token = await new SignJWT(claims())
        .setProtectedHeader({ alg, typ: "JWT" })
        .sign(new TextEncoder().encode(SECRET));
      await refused(hsVerifier()(token), "algorithm", expect);
    }
  });

  it("holds its limits exactly: length, lifetime without iat, iat in the future", async ({
    expect,
  }) => {
    const token = await hsToken(claims({ pad: "p".repeat(300) }));
    expect(await hsVerifier({ maxTokenLength: token.length })(token)).toMatchObject({
      subject: "user-42",
    });
    await refused(hsVerifier({ maxTokenLength: token.length - 1 })(token), "too_large", expect);
    // Without iat: exp at most now + lifetime + the 30 s tolerance.
    const noIat = (exp: number) => hsToken(without(claims({ exp }), "iat"));
    expect(await hsVerifier()(await noIat(NOW + 3630))).toMatchObject({ subject: "user-42" });
    await refused(hsVerifier()(await noIat(NOW + 3631)), "lifetime", expect);
    // iat at most 30 s ahead.
    expect(
      await hsVerifier()(await hsToken(claims({ iat: NOW + 30, exp: NOW + 600 }))),
    ).toMatchObject({ subject: "user-42" });
    await refused(
      hsVerifier()(await hsToken(claims({ iat: NOW + 31, exp: NOW + 600 }))),
      "not_yet_valid",
      expect,
    );
  });

  it("refuses expired tokens, allowing 30 s of clock skew", async ({ expect }) => {
    const verify = hsVerifier();
    expect(await verify(await hsToken(claims({ exp: NOW - 20 })))).toMatchObject({
      subject: "user-42",
    });
    await refused(verify(await hsToken(claims({ exp: NOW - 40 }))), "expired", expect);
  });

  it("honours nbf, with the same tolerance, and refuses iat in the future", async ({ expect }) => {
    const verify = hsVerifier();
    // An nbf that is no time at all is a bad claim, not a token from the future.
    await refused(
      verify(await hsToken(claims({ nbf: "soon" as unknown as number }))),
      "invalid_claims",
      expect,
    );
    await verify(await hsToken(claims({ nbf: NOW + 20 })));
    await refused(verify(await hsToken(claims({ nbf: NOW + 60 }))), "not_yet_valid", expect);
    await refused(
      verify(await hsToken(claims({ iat: NOW + 60, exp: NOW + 600 }))),
      "not_yet_valid",
      expect,
    );
  });

  it("requires the audience", async ({ expect }) => {
    const verify = hsVerifier();
    await refused(verify(await hsToken(claims({ aud: "someone-else" }))), "audience", expect);
    await refused(verify(await hsToken(without(claims(), "aud"))), "audience", expect);
    await verify(await hsToken(claims({ aud: ["someone-else", AUDIENCE] })));
  });

  it("requires the issuer when one is configured", async ({ expect }) => {
    const verify = hsVerifier({ issuer: "https://site.example" });
    await verify(await hsToken(claims({ iss: "https://site.example" })));
    await refused(verify(await hsToken(claims({ iss: "https://evil.example" }))), "issuer", expect);
    await refused(verify(await hsToken(claims())), "issuer", expect);
  });

  it("caps the lifetime: exp - iat, or exp - now without iat", async ({ expect }) => {
    const verify = hsVerifier();
    await verify(await hsToken(claims({ iat: NOW, exp: NOW + 3600 })));
    await refused(verify(await hsToken(claims({ iat: NOW, exp: NOW + 3601 }))), "lifetime", expect);
    const withoutIat = without(claims(), "iat");
    await verify(await hsToken({ ...withoutIat, exp: NOW + 3600 }));
    await refused(verify(await hsToken({ ...withoutIat, exp: NOW + 7200 })), "lifetime", expect);
    const short = hsVerifier({ maxLifetimeSeconds: 300 });
    await refused(short(await hsToken(claims({ exp: NOW + 301, iat: NOW }))), "lifetime", expect);
  });

  it("requires exp and a sub of 1–255 characters", async ({ expect }) => {
    const verify = hsVerifier();
    await refused(verify(await hsToken(without(claims(), "exp"))), "invalid_claims", expect);
    await refused(verify(await hsToken(without(claims(), "sub"))), "invalid_claims", expect);
    for (const sub of ["", 42, "x".repeat(256), ["a"]]) {
      await refused(
        verify(await hsToken({ ...claims(), sub } as JWTPayload)),
        "invalid_claims",
        expect,
      );
    }
    await refused(
      verify(await hsToken({ ...claims(), exp: "soon" } as unknown as JWTPayload)),
      "invalid_claims",
      expect,
    );
    expect((await verify(await hsToken(claims({ sub: "x".repeat(255) })))).subject).toHaveLength(
      255,
    );
  });

  it("refuses an oversized token before parsing it", async ({ expect }) => {
    const verify = hsVerifier();
    // Not even a JWT: had it been parsed, the reason would be "malformed".
    await refused(verify("x".repeat(8193)), "too_large", expect);
    const big = await hsToken(claims({ padding: "x".repeat(8200) }));
    await refused(verify(big), "too_large", expect);
    const roomy = hsVerifier({ maxTokenLength: 16_384 });
    await roomy(big);
  });

  it("refuses critical header extensions it does not implement", async ({ expect }) => {
    const verify = hsVerifier();
    const crit = await hsToken(claims(), { crit: ["urn:example:policy"], "urn:example:policy": 1 });
    await refused(verify(crit), "unsupported_header", expect);
    // b64 is an extension jose knows; an unencoded payload is still no JWT.
    const b64 = await hsToken(claims(), { crit: ["b64"], b64: false });
    await refused(verify(b64), "malformed", expect);
    const empty = await hsToken(claims(), { crit: [] });
    await refused(verify(empty), "malformed", expect);
  });

  it("refuses malformed input", async ({ expect }) => {
    const verify = hsVerifier();
    for (const token of ["", "abc", "a.b.c", "a.b", "...", `${await hsToken()}.extra`]) {
      await refused(verify(token), "malformed", expect);
    }
    const notJson = await hs256({ alg: "HS256" }, "not an object");
    await refused(verify(notJson), "malformed", expect);
  });

  it("never puts the token or its claims in the error", async ({ expect }) => {
    const token = await hsToken(claims({ exp: NOW - 100, email: "ada@example.com" }));
    const error = await refused(hsVerifier()(token), "expired", expect);
    const text = `${error.message} ${error.stack ?? ""} ${JSON.stringify(error)} ${String(error.cause)}`;
    expect(text).not.toContain(token.split(".")[1]);
    expect(text).not.toContain("user-42");
    expect(text).not.toContain("ada@example.com");
    expect(error.cause).toBeUndefined();
    expect(error.code).toBe("ERR_JWT_EXPIRED");
  });
});

describe("JWKS verifier (RS256, ES256)", () => {
  let rsa: CryptoKeyPair & { jwk: JWK; pem: string };
  let ec: CryptoKeyPair & { jwk: JWK };
  let rotated: CryptoKeyPair & { jwk: JWK };
  let stranger: CryptoKeyPair;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair("RS256", { extractable: true });
    rsa = {
      ...rsaPair,
      jwk: { ...(await exportJWK(rsaPair.publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" },
      pem: await exportSPKI(rsaPair.publicKey),
    };
    const ecPair = await generateKeyPair("ES256", { extractable: true });
    ec = { ...ecPair, jwk: { ...(await exportJWK(ecPair.publicKey)), kid: "ec-1", alg: "ES256" } };
    const nextPair = await generateKeyPair("RS256", { extractable: true });
    rotated = { ...nextPair, jwk: { ...(await exportJWK(nextPair.publicKey)), kid: "rsa-2" } };
    stranger = await generateKeyPair("RS256");
  });

  interface JwksEndpoint {
    calls: number;
    keys: JWK[];
    readonly fetch: JwksFetch;
  }

  /** A JWKS endpoint in memory: counts fetches, keys can change between them. */
  function jwksEndpoint(keys: JWK[]): JwksEndpoint {
    const endpoint: JwksEndpoint = {
      calls: 0,
      keys,
      fetch: async (url) => {
        endpoint.calls++;
        if (url !== JWKS_URL) return new Response("not found", { status: 404 });
        return Response.json({ keys: endpoint.keys });
      },
    };
    return endpoint;
  }

  function jwksVerifier(fetch: JwksFetch, options: Partial<IdentityVerifierOptions> = {}) {
    return createIdentityVerifier({
      jwksUrl: JWKS_URL,
      audience: AUDIENCE,
      now,
      fetch,
      ...options,
    });
  }

  const sign = (key: CryptoKey, alg: string, kid: string, payload: JWTPayload = claims()) =>
    new SignJWT(payload).setProtectedHeader({ alg, kid, typ: "JWT" }).sign(key);

  it("refuses a token whose kid names two keys of the set: which one signs is unclear", async ({
    expect,
  }) => {
    const twin = { ...(await exportJWK(stranger.publicKey)), kid: "rsa-1", alg: "RS256" };
    const verify = jwksVerifier(jwksEndpoint([twin, rsa.jwk]).fetch);
    await refused(verify(await sign(rsa.privateKey, "RS256", "rsa-1")), "unknown_key", expect);
  });

  it("verifies RS256 and ES256 tokens, fetching the key set once", async ({ expect }) => {
    const endpoint = jwksEndpoint([rsa.jwk, ec.jwk]);
    const verify = jwksVerifier(endpoint.fetch);
    expect(await verify(await sign(rsa.privateKey, "RS256", "rsa-1"))).toMatchObject({
      subject: "user-42",
    });
    expect(await verify(await sign(ec.privateKey, "ES256", "ec-1"))).toMatchObject({
      subject: "user-42",
    });
    await verify(await sign(rsa.privateKey, "RS256", "rsa-1"));
    expect(endpoint.calls).toBe(1);
  });

  it("refetches once for an unknown kid (key rotation), then caches again", async ({ expect }) => {
    const endpoint = jwksEndpoint([rsa.jwk]);
    const verify = jwksVerifier(endpoint.fetch, { jwksCooldownMs: 0 });
    await verify(await sign(rsa.privateKey, "RS256", "rsa-1"));
    expect(endpoint.calls).toBe(1);

    endpoint.keys = [rsa.jwk, rotated.jwk];
    await verify(await sign(rotated.privateKey, "RS256", "rsa-2"));
    expect(endpoint.calls).toBe(2);
    await verify(await sign(rotated.privateKey, "RS256", "rsa-2"));
    expect(endpoint.calls).toBe(2);
  });

  it("refuses a kid that is still unknown after the refetch", async ({ expect }) => {
    const endpoint = jwksEndpoint([rsa.jwk]);
    const verify = jwksVerifier(endpoint.fetch, { jwksCooldownMs: 0 });
    await verify(await sign(rsa.privateKey, "RS256", "rsa-1"));
    await refused(verify(await sign(stranger.privateKey, "RS256", "ghost")), "unknown_key", expect);
    expect(endpoint.calls).toBe(2);
  });

  it("does not let unknown kids hammer the site: one refetch per cooldown", async ({ expect }) => {
    const endpoint = jwksEndpoint([rsa.jwk]);
    const verify = jwksVerifier(endpoint.fetch);
    await verify(await sign(rsa.privateKey, "RS256", "rsa-1"));
    for (let i = 0; i < 5; i++) {
      await refused(
        verify(await sign(stranger.privateKey, "RS256", `ghost-${i}`)),
        "unknown_key",
        expect,
      );
    }
    expect(endpoint.calls).toBe(1);
  });

  it("refuses a token signed by another key under a known kid", async ({ expect }) => {
    const verify = jwksVerifier(jwksEndpoint([rsa.jwk]).fetch);
    await refused(verify(await sign(stranger.privateKey, "RS256", "rsa-1")), "signature", expect);
  });

  it("refuses HS256 signed with the RSA public key as the secret (algorithm confusion)", async ({
    expect,
  }) => {
    const endpoint = jwksEndpoint([rsa.jwk]);
    const verify = jwksVerifier(endpoint.fetch);
    const confused = await hs256({ alg: "HS256", kid: "rsa-1" }, claims(), rsa.pem);
    await refused(verify(confused), "algorithm", expect);
    const confusedJwk = await hs256(
      { alg: "HS256", kid: "rsa-1" },
      claims(),
      JSON.stringify(rsa.jwk),
    );
    await refused(verify(confusedJwk), "algorithm", expect);
    // Refused on the header alone: the key set was never even fetched.
    expect(endpoint.calls).toBe(0);
  });

  it("refuses RS256 against an HS256-only verifier", async ({ expect }) => {
    await refused(hsVerifier()(await sign(rsa.privateKey, "RS256", "rsa-1")), "algorithm", expect);
  });

  it("refuses alg none and algorithms outside the pinned list", async ({ expect }) => {
    const verify = jwksVerifier(jwksEndpoint([rsa.jwk, ec.jwk]).fetch, {
      jwksAlgorithms: ["RS256"],
    });
    await refused(verify(new UnsecuredJWT(claims()).encode()), "algorithm", expect);
    await refused(verify(await sign(ec.privateKey, "ES256", "ec-1")), "algorithm", expect);
    const ps256 = await generateKeyPair("PS256");
    await refused(verify(await sign(ps256.privateKey, "PS256", "rsa-1")), "algorithm", expect);
  });

  it("checks claims after the signature, as with HS256", async ({ expect }) => {
    const verify = jwksVerifier(jwksEndpoint([rsa.jwk]).fetch);
    await refused(
      verify(await sign(rsa.privateKey, "RS256", "rsa-1", claims({ exp: NOW - 40 }))),
      "expired",
      expect,
    );
    await refused(
      verify(await sign(rsa.privateKey, "RS256", "rsa-1", claims({ aud: "other" }))),
      "audience",
      expect,
    );
  });

  it("reports an unreachable or broken key set as key_unavailable", async ({ expect }) => {
    const token = await sign(rsa.privateKey, "RS256", "rsa-1");
    const down: JwksFetch = async () => new Response("oops", { status: 502 });
    await refused(jwksVerifier(down)(token), "key_unavailable", expect);
    const offline: JwksFetch = async () => {
      throw new TypeError("network down");
    };
    await refused(jwksVerifier(offline)(token), "key_unavailable", expect);
    const garbage: JwksFetch = async () => Response.json({ keys: "none" });
    await refused(jwksVerifier(garbage)(token), "key_unavailable", expect);
  });
});

describe("options", () => {
  it("are checked when the verifier is created", ({ expect }) => {
    const bad: IdentityVerifierOptions[] = [
      { audience: AUDIENCE },
      { audience: AUDIENCE, hs256Secret: SECRET, jwksUrl: JWKS_URL },
      { audience: AUDIENCE, hs256Secret: "short" },
      { audience: "", hs256Secret: SECRET },
      { audience: AUDIENCE, hs256Secret: SECRET, issuer: "" },
      { audience: AUDIENCE, jwksUrl: "http://site.example/jwks.json" },
      { audience: AUDIENCE, jwksUrl: "not a url" },
      { audience: AUDIENCE, jwksUrl: "https://user:pass@site.example/jwks.json" },
      {
        audience: AUDIENCE,
        jwksUrl: JWKS_URL,
        jwksAlgorithms: ["HS256"] as unknown as ["RS256"],
      },
      { audience: AUDIENCE, jwksUrl: JWKS_URL, jwksAlgorithms: [] },
      { audience: AUDIENCE, hs256Secret: SECRET, maxLifetimeSeconds: 0 },
      { audience: AUDIENCE, hs256Secret: SECRET, clockToleranceSeconds: 1.5 },
      { audience: AUDIENCE, hs256Secret: SECRET, maxTokenLength: 10 },
    ];
    for (const options of bad) {
      expect(() => createIdentityVerifier(options)).toThrow(TypeError);
    }
    expect(() => createIdentityVerifier({ audience: AUDIENCE, hs256Secret: "short" })).toThrow(
      /hs256Secret/,
    );
  });

  it("never echo a secret in their errors", ({ expect }) => {
    const secret = "s3cr3t-but-too-short";
    expect(() => createIdentityVerifier({ audience: AUDIENCE, hs256Secret: secret })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) }),
    );
  });

  it("accept http only for a local JWKS", ({ expect }) => {
    expect(() =>
      createIdentityVerifier({ audience: AUDIENCE, jwksUrl: "http://localhost:8787/jwks.json" }),
    ).not.toThrow();
  });
});
