import type { Context, MiddlewareHandler } from "hono";
import { RateLimitedError } from "../../errors/index.ts";
import type { AppEnv } from "../../env.ts";
// The period of every rate-limit binding in wrangler.toml (Workers allows 10 or 60 seconds).
import { RATE_LIMIT_PERIOD_SECONDS } from "@userecho-edge/shared";

export interface RateLimitOptions {
  /** The Workers rate-limit binding to ask. */
  binding: (c: Context<AppEnv>) => RateLimit;
  /** What is limited: an IP, a user, a key. `undefined` skips the limit. */
  key: (c: Context<AppEnv>) => string | undefined;
}

/** Rejects with 429 + `Retry-After` once the binding says the key is over its limit. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    await charge(c, options);
    await next();
  };
}

/**
 * Counts one request against the limit, and throws 429 once it is over; a request the options
 * do not key (`key` answers `undefined`) is not counted.
 */
export async function charge(c: Context<AppEnv>, options: RateLimitOptions): Promise<void> {
  const key = options.key(c);
  if (key === undefined) return;
  const { success } = await options.binding(c).limit({ key });
  if (!success) throw new RateLimitedError(RATE_LIMIT_PERIOD_SECONDS);
}

/** The client's IP as Cloudflare saw it; all clients without one share a bucket. */
export function clientIp(c: Context<AppEnv>): string {
  return `ip:${c.req.header("CF-Connecting-IP") ?? "unknown"}`;
}

/** The bucket of a request with a verified `X-Api-Key`: its partner's or admin's. */
export function keyHolderKey(c: Context<AppEnv>): string | undefined {
  const holder = c.get("keyHolder");
  return holder ? `${holder.role}:${holder.id}` : undefined;
}

/** The signed-in user's bucket (writes). */
export function userKey(c: Context<AppEnv>): string | undefined {
  const identity = c.get("identity");
  return identity ? `user:${identity.subject}` : undefined;
}
