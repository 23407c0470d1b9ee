import type { MiddlewareHandler } from "hono";
import { readIdentityConfig } from "../config/identity.ts";
import type { AppEnv } from "../env.ts";
import { UnauthorizedError, UpstreamUnavailableError } from "../errors/index.ts";
import { IdentityError, IdentityErrorReason } from "../identity/index.ts";
import { findPartner } from "../partners/index.ts";

/**
 * Who is calling: a partner (`X-Api-Key`), a signed-in site user (`Authorization: Bearer` with a
 * site-signed JWT), or nobody. Bad credentials are refused with 401 rather than ignored: a
 * client that thinks it is signed in must learn that it is not.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    const apiKey = c.req.header("X-Api-Key");
    const authorization = c.req.header("Authorization");
    if (apiKey !== undefined) {
      const partner = await findPartner(c.env, apiKey);
      if (!partner) throw new UnauthorizedError("Unknown API key.", "ApiKey");
      c.set("partner", partner);
    } else if (authorization !== undefined) {
      const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization)?.[1];
      if (!token) throw new UnauthorizedError("Use Authorization: Bearer <token>.");
      const { verifier } = readIdentityConfig(c.env);
      c.set("identity", await verifier(token));
    }
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
