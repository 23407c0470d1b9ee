import type { Context, MiddlewareHandler } from "hono";
import { RateLimitedError } from "../../errors/index.ts";
import type { AppEnv } from "../../env.ts";

export interface RateLimitOptions {
  /** The Workers rate-limit binding to ask. */
  binding: (c: Context<AppEnv>) => RateLimit;
  /** What is limited: an IP, a user, a partner key. `undefined` skips the limit. */
  key: (c: Context<AppEnv>) => string | undefined;
  /** The binding's period, for `Retry-After`. */
  periodSeconds: number;
}

/** Rejects with 429 + `Retry-After` once the binding says the key is over its limit. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  if (!(options.periodSeconds > 0)) throw new TypeError("rateLimit: periodSeconds must be > 0");
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
  if (!success) throw new RateLimitedError(options.periodSeconds);
}

/** The client's IP as Cloudflare saw it; all clients without one share a bucket. */
export function clientIp(c: Context<AppEnv>): string {
  return `ip:${c.req.header("CF-Connecting-IP") ?? "unknown"}`;
}

/** The partner's bucket, for requests that carry a verified `X-Api-Key`. */
export function partnerKey(c: Context<AppEnv>): string | undefined {
  const partner = c.get("partner");
  return partner ? `partner:${partner.id}` : undefined;
}
