import { ApiRequestError } from "../api/client.ts";
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
 * after `forgetToken` (the worker refused it) and when a JWT's `exp` is near. `undefined` when
 * nobody is signed in (the callback returned nothing, or threw).
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

/** When to stop reusing a token: a JWT's `exp` less a little skew; never for opaque tokens. */
export function jwtExpiry(token: string): number {
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

/** The result of a write that needs a signed-in visitor. */
export type Authorised<T> =
  { readonly signedIn: true; readonly value: T } | { readonly signedIn: false };

/**
 * Runs a write with the visitor's token. `{ signedIn: false }` when nobody is signed in (the
 * caller asks the page to sign the visitor in); on a 401 the callback is asked for a fresh token
 * once and the write retried with it. Other failures reject.
 */
export async function authorised<T>(
  provider: TokenProvider | undefined,
  call: (token: string) => Promise<T>,
): Promise<Authorised<T>> {
  const token = provider ? await tokenFrom(provider) : undefined;
  if (!provider || !token) return { signedIn: false };
  try {
    return { signedIn: true, value: await call(token) };
  } catch (error) {
    if (!(error instanceof ApiRequestError && error.status === 401)) throw error;
    forgetToken(provider); // expired or revoked
    const fresh = await tokenFrom(provider);
    if (!fresh) return { signedIn: false };
    if (fresh === token) throw error;
    return { signedIn: true, value: await call(fresh) };
  }
}
