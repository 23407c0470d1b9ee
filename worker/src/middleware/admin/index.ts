import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { ForbiddenError, UnauthorizedError } from "../../errors/index.ts";

/**
 * Lets only admin keys through: no credentials answer 401; a partner key or a signed-in site
 * user, known but not an admin, 403. Admin keys are `ADMIN_KEYS` (api-keys/index.ts).
 */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireAdminMiddleware(c, next) {
    const holder = c.get("keyHolder");
    if (holder?.role === "admin") return next();
    if (holder || c.get("identity")) throw new ForbiddenError("This needs an admin key.");
    throw new UnauthorizedError("Send an admin key: X-Api-Key: <admin key>.", "ApiKey");
  };
}
