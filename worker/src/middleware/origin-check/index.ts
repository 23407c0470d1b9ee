import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { ForbiddenOriginError } from "../../errors/index.ts";

/**
 * Lets through only requests whose `Origin` is the worker's own or one of ALLOWED_ORIGINS: a
 * defence against cross-site request forgery on top of the bearer token of a write.
 */
export function allowedOriginOnly(): MiddlewareHandler<AppEnv> {
  return async function allowedOriginOnlyMiddleware(c, next) {
    const origin = c.req.header("Origin");
    const sameOrigin = origin !== undefined && origin === new URL(c.req.url).origin;
    if (!origin || !(sameOrigin || c.get("config").allowedOrigins(origin))) {
      throw new ForbiddenOriginError();
    }
    await next();
  };
}
