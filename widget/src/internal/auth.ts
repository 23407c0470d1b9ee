import type { TokenProvider } from "./config.ts";

interface CachedToken {
  readonly token: Promise<string | undefined>;
  expiresAt: number;
}

// Per callback, so every element using the page-wide callback shares one token.
const cache = new WeakMap<TokenProvider, CachedToken>();
const SKEW_MS = 30_000;

/**
 * The token from a callback, calling it only when there is no usable cached one: the first time,
 * after `forgetToken` (the worker refused it) and when a JWT's `exp` is near.
 */
export function tokenFrom(provider: TokenProvider): Promise<string | undefined> {
  const cached = cache.get(provider);
  if (cached && cached.expiresAt > Date.now()) return cached.token;
  const entry: CachedToken = {
    token: Promise.resolve()
      .then(provider)
      .then(
        (token) => {
          if (!token) {
            cache.delete(provider); // nobody signed in: ask again next time
            return undefined;
          }
          entry.expiresAt = jwtExpiry(token);
          return token;
        },
        () => {
          cache.delete(provider);
          return undefined;
        },
      ),
    expiresAt: Number.POSITIVE_INFINITY,
  };
  cache.set(provider, entry);
  return entry.token;
}

/** Drops the cached token, e.g. after a 401. */
export function forgetToken(provider: TokenProvider): void {
  cache.delete(provider);
}

/** When to stop reusing a JWT: its `exp` less a little skew; never for opaque tokens. */
function jwtExpiry(token: string): number {
  try {
    const payload = token.split(".")[1] ?? "";
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as {
      exp?: unknown;
    };
    if (typeof claims.exp === "number") return claims.exp * 1000 - SKEW_MS;
  } catch {
    // not a JWT: reuse until refused
  }
  return Number.POSITIVE_INFINITY;
}
