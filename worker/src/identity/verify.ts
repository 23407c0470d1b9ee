/**
 * Verifying the site-signed JWT that proves who the end user is (README, "Signed-in users
 * (SSO)"), with jose:
 * pinned algorithms, required `exp`, `sub` and `aud`, a bounded lifetime, clock tolerance.
 */
import {
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { identityFromClaims, type Identity } from "./claims.ts";
import { IdentityError, IdentityErrorReason } from "./errors.ts";
import { resolveOptions, type IdentityVerifierOptions, type ResolvedOptions } from "./options.ts";

/** Verifies a compact JWT (without `Bearer `) and returns who it names. */
export type IdentityVerifier = (token: string) => Promise<Identity>;

/**
 * Creates a verifier. Create it once per isolate: with `jwksUrl` it holds the key cache (keys
 * are refetched when a token names an unknown `kid`, at most once per cooldown).
 *
 * Checks, in order: length (before any parsing), then jose — `crit` (unknown extensions are
 * refused), `alg` against the pinned list (so `none` and HS/RS confusion never reach a key),
 * the key, the signature, and only then the claims: `exp` and `sub` required, `aud`, `iss` if
 * configured, `nbf`; then our lifetime cap and the `sub` shape.
 *
 * @throws TypeError at creation when an option is invalid.
 * @example
 * const verify = createIdentityVerifier({ hs256Secret: env.SITE_JWT_SECRET, audience: "userecho-edge" });
 * const identity = await verify(bearerToken); // throws IdentityError
 */
export function createIdentityVerifier(options: IdentityVerifierOptions): IdentityVerifier {
  const resolved = resolveOptions(options);
  const key = verificationKey(resolved.key);

  return async function verifyIdentity(token) {
    // jose refuses an empty or non-string token as malformed too; this only answers sooner.
    // Stryker disable LogicalOperator,BlockStatement,CallExpression: see above
    if (typeof token !== "string" || token.length === 0) {
      throw new IdentityError(IdentityErrorReason.malformed);
    }
    // Stryker restore LogicalOperator,BlockStatement,CallExpression
    if (token.length > resolved.maxTokenLength) {
      throw new IdentityError(IdentityErrorReason.tooLarge);
    }
    const now = resolved.now();
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, key, {
        algorithms: [...resolved.algorithms],
        audience: resolved.audience,
        ...(resolved.issuer === undefined ? {} : { issuer: resolved.issuer }),
        clockTolerance: resolved.clockToleranceSeconds,
        currentDate: new Date(now),
        // Stryker disable next-line ArrayDeclaration: checkLifetime and identityFromClaims refuse a token without them, for the same reason
        requiredClaims: ["exp", "sub"],
      }));
    } catch (error) {
      throw toIdentityError(error);
    }
    checkLifetime(claims, Math.floor(now / 1000), resolved);
    return identityFromClaims(claims as JWTPayload & { exp: number });
  };
}

type Key = Uint8Array | JWTVerifyGetKey;

function verificationKey(key: ResolvedOptions["key"]): Key {
  if (key.kind === "secret") return key.secret;
  const jwks = createRemoteJWKSet(key.url, {
    cacheMaxAge: key.cacheMaxAgeMs,
    cooldownDuration: key.cooldownMs,
    timeoutDuration: key.timeoutMs,
    ...(key.fetch === undefined ? {} : { [customFetch]: key.fetch }),
  });
  return async function jwksKey(header, token) {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) throw error;
      if (error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      // Network failures, non-200 answers, bad JSON, a malformed key set: the site's problem,
      // not the token's. Kept apart so the caller can tell "bad token" from "keys down".
      throw new IdentityError(IdentityErrorReason.keyUnavailable, codeOf(error));
    }
  };
}

/**
 * `exp` ≤ `iat` + max lifetime; without `iat`, `exp` ≤ now + max lifetime (+ tolerance, as
 * the site's clock may run ahead). A long-lived token stolen once would otherwise work for
 * its whole life. `iat` in the future is refused like `nbf`.
 */
function checkLifetime(claims: JWTPayload, nowSeconds: number, options: ResolvedOptions): void {
  const { exp, iat } = claims;
  // Stryker disable next-line CallExpression: jose has required exp and checked that it is a number
  if (typeof exp !== "number") throw new IdentityError(IdentityErrorReason.claims);
  const tolerance = options.clockToleranceSeconds;
  if (iat === undefined) {
    if (exp - nowSeconds > options.maxLifetimeSeconds + tolerance) {
      throw new IdentityError(IdentityErrorReason.lifetime);
    }
    return;
  }
  // jose has already checked that a present `iat` is a number.
  if (iat > nowSeconds + tolerance) throw new IdentityError(IdentityErrorReason.notYetValid);
  if (exp - iat > options.maxLifetimeSeconds) throw new IdentityError(IdentityErrorReason.lifetime);
}

function toIdentityError(error: unknown): IdentityError {
  if (error instanceof IdentityError) return error;
  return new IdentityError(reasonFor(error), codeOf(error));
}

function reasonFor(error: unknown): IdentityErrorReason {
  if (error instanceof errors.JWTExpired) return IdentityErrorReason.expired;
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case "aud":
        return IdentityErrorReason.audience;
      case "iss":
        return IdentityErrorReason.issuer;
      case "nbf":
        return error.reason === "check_failed"
          ? IdentityErrorReason.notYetValid
          : IdentityErrorReason.claims;
      default:
        return IdentityErrorReason.claims;
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return IdentityErrorReason.algorithm;
  if (error instanceof errors.JOSENotSupported) return IdentityErrorReason.unsupportedHeader;
  if (error instanceof errors.JWSSignatureVerificationFailed) return IdentityErrorReason.signature;
  if (error instanceof errors.JWKSNoMatchingKey) return IdentityErrorReason.unknownKey;
  if (error instanceof errors.JWKSMultipleMatchingKeys) return IdentityErrorReason.unknownKey;
  // JWSInvalid, JWTInvalid, and anything unexpected: refuse, never let it through.
  return IdentityErrorReason.malformed;
}

function codeOf(error: unknown): string | undefined {
  return error instanceof errors.JOSEError ? error.code : undefined;
}
