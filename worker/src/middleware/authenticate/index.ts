import type { Context, MiddlewareHandler } from "hono";
import { findKeyHolder } from "../../api-keys/index.ts";
import type { AppEnv } from "../../env.ts";
import {
  InvalidParameterError,
  UnauthorizedError,
  UpstreamUnavailableError,
} from "../../errors/index.ts";
import { readIdentityConfig } from "../../identity/config.ts";
import { IdentityError, IdentityErrorReason, type Identity } from "../../identity/index.ts";

export interface AuthenticateOptions {
  /**
   * Called before a request with credentials that do not verify is refused, e.g. to count it
   * against the client's rate limit (and answer 429 instead once it is over).
   */
  onRefused?: (c: Context<AppEnv>) => Promise<void>;
}

/**
 * Who is calling: a partner or an admin (`X-Api-Key`), a signed-in site user
 * (`Authorization: Bearer` with a site-signed JWT), or nobody. Bad credentials are refused with
 * 401 rather than ignored: a client that thinks it is signed in must learn that it is not. Both
 * at once are refused: a key holder's request must not pass an unverified bearer token on, nor
 * become personal by it.
 */
export function authenticate(options: AuthenticateOptions = {}): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    const apiKey = c.req.header("X-Api-Key");
    const authorization = c.req.header("Authorization");
    if (apiKey !== undefined && authorization !== undefined) {
      throw new InvalidParameterError(
        "Authorization",
        "send either X-Api-Key (a partner) or Authorization (a site user), not both",
      );
    }
    if (apiKey !== undefined) {
      const holder = await findKeyHolder(c.env, apiKey);
      if (!holder) {
        await options.onRefused?.(c);
        throw new UnauthorizedError("Unknown API key.", "ApiKey");
      }
      c.set("keyHolder", holder);
    } else if (authorization !== undefined) {
      const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization)?.[1];
      if (!token) throw new UnauthorizedError("Use Authorization: Bearer <token>.");
      const { verifier } = readIdentityConfig(c.env);
      c.set("identity", await verifier(token));
    }
    await next();
  };
}

/** The signed-in user, or 401. */
export function requireIdentity(c: Context<AppEnv>): Identity {
  const identity = c.get("identity");
  if (!identity) throw new UnauthorizedError("Sign in: send Authorization: Bearer <site token>.");
  return identity;
}

/** Lets only signed-in users through (401 otherwise). */
export function signedIn(): MiddlewareHandler<AppEnv> {
  return async function signedInMiddleware(c, next) {
    requireIdentity(c);
    await next();
  };
}

/**
 * Identity errors, wherever they are thrown (verification here, or minting an sso_token from a
 * token that expired within the clock-skew allowance), answer 401 — or 503 when the site's keys
 * could not be loaded. Called by the app's one error renderer.
 */
export function identityProblem(error: Error): Error {
  if (!(error instanceof IdentityError)) return error;
  if (error.reason === IdentityErrorReason.keyUnavailable) {
    return new UpstreamUnavailableError("The site's signing keys could not be loaded.");
  }
  return new UnauthorizedError(error.message);
}
