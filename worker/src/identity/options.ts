/**
 * Options of {@link createIdentityVerifier}, checked once when the verifier is created so a
 * misconfigured deployment fails at its first request instead of accepting bad tokens.
 */
import type { FetchImplementation } from "jose";

/** The fetch the JWKS is loaded with: jose's `customFetch` signature. */
export type JwksFetch = FetchImplementation;

export interface IdentityVerifierOptions {
  /**
   * Shared secret for HS256 tokens, at least 32 bytes (RFC 7518 §3.2: a key as long as the
   * hash). Exactly one of `hs256Secret` and `jwksUrl`.
   */
  readonly hs256Secret?: string;
  /**
   * The site's JWKS (RS256/ES256 keys), `https:` (plain `http:` only for localhost). Exactly
   * one of `hs256Secret` and `jwksUrl`.
   */
  readonly jwksUrl?: string;
  /** Algorithms accepted with `jwksUrl`. @default ["RS256", "ES256"] */
  readonly jwksAlgorithms?: readonly ("RS256" | "ES256")[];
  /** Required `aud`: the token must name this worker. */
  readonly audience: string;
  /** Required `iss`, when set. */
  readonly issuer?: string;
  /** Longest accepted `exp - iat` (or `exp - now` without `iat`). @default 3600 */
  readonly maxLifetimeSeconds?: number;
  /** Allowed clock skew for `exp`, `nbf` and `iat`. @default 30 */
  readonly clockToleranceSeconds?: number;
  /** Tokens longer than this are refused unread. @default 8192 */
  readonly maxTokenLength?: number;
  /** Loads the JWKS. @default globalThis.fetch */
  readonly fetch?: JwksFetch;
  /** How long fetched keys are trusted. @default 600_000 (jose's default) */
  readonly jwksCacheMaxAgeMs?: number;
  /** Minimum time between refetches caused by an unknown `kid`. @default 30_000 */
  readonly jwksCooldownMs?: number;
  /** JWKS request timeout. @default 5_000 */
  readonly jwksTimeoutMs?: number;
  /** The clock, in Unix milliseconds (tests). @default Date.now */
  readonly now?: () => number;
}

/** Options after validation, defaults applied. */
export interface ResolvedOptions {
  readonly key: { readonly kind: "secret"; readonly secret: Uint8Array } | JwksKeyOptions;
  readonly algorithms: readonly string[];
  readonly audience: string;
  readonly issuer: string | undefined;
  readonly maxLifetimeSeconds: number;
  readonly clockToleranceSeconds: number;
  readonly maxTokenLength: number;
  readonly now: () => number;
}

interface JwksKeyOptions {
  readonly kind: "jwks";
  readonly url: URL;
  readonly fetch: JwksFetch | undefined;
  readonly cacheMaxAgeMs: number;
  readonly cooldownMs: number;
  readonly timeoutMs: number;
}

const DEFAULTS = {
  jwksAlgorithms: ["RS256", "ES256"],
  maxLifetimeSeconds: 3600,
  clockToleranceSeconds: 30,
  maxTokenLength: 8192,
  jwksCacheMaxAgeMs: 600_000,
  jwksCooldownMs: 30_000,
  jwksTimeoutMs: 5_000,
  now: Date.now,
} satisfies Partial<IdentityVerifierOptions>;

const MIN_SECRET_BYTES = 32;
const LOCALHOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Applies defaults and checks every option.
 *
 * @throws TypeError naming the bad option (never its value: secrets pass through here).
 */
export function resolveOptions(options: IdentityVerifierOptions): ResolvedOptions {
  const merged = { ...DEFAULTS, ...withoutUndefined(options) };
  const { hs256Secret, jwksUrl } = merged;
  if ((hs256Secret === undefined) === (jwksUrl === undefined)) {
    throw new TypeError("identity: set exactly one of hs256Secret and jwksUrl");
  }
  if (typeof merged.audience !== "string" || merged.audience.length === 0) {
    throw new TypeError("identity: audience is required");
  }
  if (merged.issuer !== undefined && (typeof merged.issuer !== "string" || !merged.issuer)) {
    throw new TypeError("identity: issuer must be a non-empty string");
  }
  const maxLifetimeSeconds = integerIn(merged.maxLifetimeSeconds, "maxLifetimeSeconds", 1, 86_400);
  const clockToleranceSeconds = integerIn(
    merged.clockToleranceSeconds,
    "clockToleranceSeconds",
    0,
    300,
  );
  const maxTokenLength = integerIn(merged.maxTokenLength, "maxTokenLength", 256, 65_536);

  let key: ResolvedOptions["key"];
  let algorithms: readonly string[];
  if (hs256Secret !== undefined) {
    const secret = new TextEncoder().encode(hs256Secret);
    if (secret.byteLength < MIN_SECRET_BYTES) {
      throw new TypeError(`identity: hs256Secret must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    key = { kind: "secret", secret };
    algorithms = ["HS256"];
  } else {
    const algs = merged.jwksAlgorithms;
    if (algs.length === 0 || !algs.every((alg) => alg === "RS256" || alg === "ES256")) {
      throw new TypeError("identity: jwksAlgorithms may only contain RS256 and ES256");
    }
    key = {
      kind: "jwks",
      // Stryker disable next-line StringLiteral: never used; jwksUrl is set when hs256Secret is not
      url: jwksLocation(jwksUrl ?? ""),
      fetch: merged.fetch,
      cacheMaxAgeMs: integerIn(merged.jwksCacheMaxAgeMs, "jwksCacheMaxAgeMs", 0, 86_400_000),
      cooldownMs: integerIn(merged.jwksCooldownMs, "jwksCooldownMs", 0, 86_400_000),
      timeoutMs: integerIn(merged.jwksTimeoutMs, "jwksTimeoutMs", 1, 60_000),
    };
    algorithms = [...new Set(algs)];
  }
  return {
    key,
    algorithms,
    audience: merged.audience,
    issuer: merged.issuer,
    maxLifetimeSeconds,
    clockToleranceSeconds,
    maxTokenLength,
    now: merged.now,
  };
}

function jwksLocation(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError("identity: jwksUrl is not a URL");
  }
  // Keys fetched over plain HTTP could be swapped by anyone on the path.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCALHOSTS.has(url.hostname))) {
    throw new TypeError("identity: jwksUrl must use https");
  }
  if (url.username !== "" || url.password !== "") {
    throw new TypeError("identity: jwksUrl must not contain credentials");
  }
  return url;
}

function integerIn(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`identity: ${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Drops `undefined` members so they do not override defaults in a spread. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as Partial<T>;
}
