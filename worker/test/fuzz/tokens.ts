/**
 * Site tokens for the fuzz suite: a description an arbitrary can generate and shrink, signed
 * only when the request is sent, each with a `sub` of its own so the per-user write limit of one
 * case never reaches another.
 */
import fc from "fast-check";
import { base64url, SignJWT, UnsecuredJWT, type JWTPayload } from "jose";
import { credentials, siteToken } from "../support/index.ts";

/** How the token is made; everything but `valid` must be refused with 401. */
export const TOKEN_KINDS = [
  "valid",
  "wrong-secret",
  "alg-none",
  "tampered-payload",
  "tampered-signature",
  "wrong-audience",
  "no-sub",
  "odd-header",
] as const;
/** One of {@link TOKEN_KINDS}. */
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** A site token to sign when the request is sent. */
export interface TokenSpec {
  kind: TokenKind;
  /** Prepended to a fresh UUID; `long` makes the `sub` longer than the 255 allowed. */
  sub: { prefix: string; long: boolean; asNumber: boolean };
  /** Optional profile claims, fuzzed. */
  claims: Record<string, unknown>;
  /** `exp - iat`; negative values are already expired (some within the 30 s clock skew). */
  lifetimeSeconds: number;
}

const OTHER_SECRET = "another-site-secret-of-at-least-32-bytes";

/** The random part keeps `sub`s apart across cases and shrink steps; it is not seeded. */
function subject(spec: TokenSpec["sub"]): string | number {
  if (spec.asNumber) return Math.floor(Math.random() * 2 ** 31) + 1;
  const fresh = `${spec.prefix}${crypto.randomUUID()}`;
  return spec.long ? fresh.padEnd(300, "x") : fresh;
}

/** Signs `spec` now (so `iat`/`exp` are relative to the moment the request is sent). */
export async function signToken(spec: TokenSpec): Promise<string> {
  const claims = { ...spec.claims, sub: subject(spec.sub) } as JWTPayload;
  const lifetimeSeconds = spec.lifetimeSeconds;
  switch (spec.kind) {
    case "valid":
      return siteToken(claims, { lifetimeSeconds });
    case "wrong-secret":
      return siteToken(claims, { lifetimeSeconds, secret: OTHER_SECRET });
    case "no-sub":
      // The profile claims never hold a `sub`.
      return siteToken(spec.claims as JWTPayload, { lifetimeSeconds });
    case "odd-header":
      return siteToken(claims, {
        lifetimeSeconds,
        header: { kid: "../../etc/passwd", typ: "at+jwt", jku: "https://evil.example/jwks" },
      });
    case "alg-none": {
      const now = Math.floor(Date.now() / 1000);
      return new UnsecuredJWT(claims)
        .setAudience("userecho-edge")
        .setIssuedAt(now)
        .setExpirationTime(now + lifetimeSeconds)
        .encode();
    }
    case "wrong-audience": {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setAudience("someone-else")
        .setIssuedAt(now)
        .setExpirationTime(now + lifetimeSeconds)
        .sign(new TextEncoder().encode(credentials.siteJwtSecret));
    }
    case "tampered-payload": {
      const [header, , signature] = (await siteToken(claims, { lifetimeSeconds })).split(".");
      const forged = base64url.encode(
        JSON.stringify({ ...claims, sub: "admin", aud: "userecho-edge" }),
      );
      return `${header}.${forged}.${signature}`;
    }
    case "tampered-signature": {
      const token = await siteToken(claims, { lifetimeSeconds });
      const last = token.at(-2) === "A" ? "B" : "A";
      return `${token.slice(0, -2)}${last}${token.at(-1)}`;
    }
  }
}

const unicodeText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc.string({ unit: "binary", maxLength }),
  );

const optional = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(arbitrary, { nil: undefined, freq: 2 });

/** The profile claims a site may sign, valid or not; absent ones are left out. */
export const profileClaims: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    name: optional(
      fc.oneof(
        unicodeText(60),
        fc.constantFrom("", "   ", "\u200b\u200b", "\t\n", "Ada Lovelace"),
        fc.integer(),
        fc.integer({ min: 31, max: 2_000 }).map((n) => "N".repeat(n)),
      ),
    ),
    email: optional(
      fc.oneof(
        fc.emailAddress(),
        unicodeText(30),
        fc.integer({ min: 240, max: 300 }).map((n) => `${"a".repeat(n)}@example.com`),
      ),
    ),
    email_verified: optional(fc.constantFrom<unknown>(true, false, "true", "false", "yes", 1)),
    picture: optional(
      fc.oneof(
        fc.webUrl(),
        fc.constantFrom(
          "javascript:alert(1)",
          "data:image/png;base64,AAAA",
          `https://img.example/${"p".repeat(300)}`,
        ),
        unicodeText(30),
      ),
    ),
    locale: optional(
      fc.oneof(
        fc.constantFrom(
          "en",
          "en-US",
          "en_GB",
          "EN",
          "pt-BR",
          "de-DE",
          "nb-NO",
          "no",
          "zh",
          "zh-CN",
          "zh-Hans",
          "zh-TW",
          "xx",
          "",
        ),
        unicodeText(40),
      ),
    ),
    groups: optional(fc.array(fc.integer({ min: -5, max: 1_000_000 }), { maxLength: 5 })),
    userecho_private_forums: optional(
      fc.oneof(
        fc.constant([3]),
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 4 }),
        fc.array(fc.jsonValue(), { maxLength: 3 }),
      ),
    ),
  })
  .map((claims) =>
    Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)),
  );

/** Any site token: mostly well signed with fuzzed claims, sometimes forged or expired. */
export const tokenSpec: fc.Arbitrary<TokenSpec> = fc.record({
  kind: fc.oneof(
    { weight: 12, arbitrary: fc.constant<TokenKind>("valid") },
    { weight: 3, arbitrary: fc.constantFrom(...TOKEN_KINDS) },
  ),
  sub: fc.record({
    prefix: fc.oneof(fc.constant("fuzz-"), unicodeText(40)),
    long: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
    asNumber: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, fc.constant(true)),
  }),
  claims: profileClaims,
  lifetimeSeconds: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 60, max: 3_600 }) },
    { weight: 1, arbitrary: fc.integer({ min: -29, max: 0 }) },
    { weight: 1, arbitrary: fc.integer({ min: -7_200, max: -31 }) },
    { weight: 1, arbitrary: fc.integer({ min: 3_601, max: 1_000_000 }) },
  ),
});

/** A token that verifies and yields a usable identity (still with fuzzed profile claims). */
export const validTokenSpec: fc.Arbitrary<TokenSpec> = fc.record({
  kind: fc.constant<TokenKind>("valid"),
  sub: fc.record({
    prefix: fc.oneof(fc.constant("fuzz-"), unicodeText(40)),
    long: fc.constant(false),
    asNumber: fc.constant(false),
  }),
  claims: profileClaims,
  lifetimeSeconds: fc.integer({ min: 60, max: 3_600 }),
});
