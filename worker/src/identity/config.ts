import { createIdentityVerifier, type IdentityVerifier } from "./verify.ts";
import { MisconfiguredError } from "../errors/index.ts";
import { readConfig } from "../config/index.ts";

/**
 * Settings of the signed-in-user features (SSO links, writes, personal reads). Read only when a
 * request needs them, so a read-only deployment works without any of these variables, and a
 * mistake here never takes the public board down.
 */
export interface IdentityConfig {
  readonly verifier: IdentityVerifier;
  /** The project's anonymous access token: user calls go upstream with it plus an sso_token. */
  readonly anonymousToken: string;
  readonly ssoKey: string;
  /** Where signed-in links point: `USERECHO_COMMUNITY_URL` or `https://{alias}.userecho.com`. */
  readonly communityUrl: URL;
}

const parsed = new WeakMap<object, IdentityConfig>();

export function readIdentityConfig(env: Env): IdentityConfig {
  const cached = parsed.get(env);
  if (cached) return cached;
  const config: IdentityConfig = {
    verifier: verifier(env),
    anonymousToken: secret(env.USERECHO_ANON_TOKEN, "USERECHO_ANON_TOKEN"),
    ssoKey: secret(env.USERECHO_SSO_KEY, "USERECHO_SSO_KEY"),
    communityUrl: communityUrl(env),
  };
  parsed.set(env, config);
  return config;
}

function secret(value: string | undefined, name: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new MisconfiguredError(name, "secret is not set (needed for signed-in users)");
  }
  return value.trim();
}

function verifier(env: Env): IdentityVerifier {
  const hs256Secret = env.SITE_JWT_SECRET?.trim() || undefined;
  const jwksUrl = env.SITE_JWKS_URL?.trim() || undefined;
  if (!hs256Secret && !jwksUrl) {
    throw new MisconfiguredError(
      "SITE_JWT_SECRET",
      "set it (HS256) or SITE_JWKS_URL (RS256/ES256)",
    );
  }
  if (hs256Secret && jwksUrl) {
    throw new MisconfiguredError("SITE_JWKS_URL", "set either SITE_JWT_SECRET or SITE_JWKS_URL");
  }
  const maxLifetime = Number(env.SITE_JWT_MAX_LIFETIME_SECONDS?.trim() || 3600);
  if (!Number.isInteger(maxLifetime) || maxLifetime < 60 || maxLifetime > 86_400) {
    throw new MisconfiguredError("SITE_JWT_MAX_LIFETIME_SECONDS", "must be 60 to 86400");
  }
  const issuer = env.SITE_JWT_ISSUER?.trim() || undefined;
  try {
    return createIdentityVerifier({
      ...(hs256Secret ? { hs256Secret } : { jwksUrl: jwksUrl! }),
      audience: env.SITE_JWT_AUDIENCE?.trim() || "userecho-edge",
      ...(issuer ? { issuer } : {}),
      maxLifetimeSeconds: maxLifetime,
    });
  } catch {
    // The verifier refuses weak or malformed options; say which variable, not why in detail
    // (the reason could quote the secret's length or the URL).
    throw new MisconfiguredError(
      hs256Secret ? "SITE_JWT_SECRET" : "SITE_JWKS_URL",
      "is not usable",
    );
  }
}

/** Signed-in links go where every other community link goes (config/index.ts). */
function communityUrl(env: Env): URL {
  return new URL(readConfig(env).communityOrigin);
}
