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

/**
 * The client's address as Cloudflare saw it (`CF-Connecting-IP`, which Cloudflare sets itself),
 * never one a client can write, such as `X-Forwarded-For`; all clients without one share a
 * bucket.
 */
export function clientIp(c: Context<AppEnv>): string {
  const address = c.req.header("CF-Connecting-IP");
  return `ip:${address === undefined ? "unknown" : addressBucket(address)}`;
}

/** Hextets in an IPv6 address, and how many of them key a client (a /64). */
const IPV6_HEXTETS = 8;
const IPV6_CLIENT_HEXTETS = 4;
const HEXTET = /^[0-9a-f]{1,4}$/;
const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/;

/**
 * The rate-limit bucket of an address: an IPv4 address alone, an IPv6 address by its /64, since
 * one subscriber line gets a whole /64 (or more) and could otherwise take a fresh bucket for
 * every request. An address that does not parse keys on itself.
 */
export function addressBucket(address: string): string {
  const text = address.trim().toLowerCase();
  // Stryker disable next-line StringLiteral: without a colon the hextet count below fails, and the text is returned as it is
  if (!text.includes(":")) return text;
  const mapped = IPV4_MAPPED.exec(text);
  if (mapped) return mapped[1]!;
  const halves = text.split("::");
  if (halves.length > 2) return text;
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = IPV6_HEXTETS - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return text;
  const hextets = [...head, ...Array<string>(missing).fill("0"), ...tail];
  if (!hextets.every((hextet) => HEXTET.test(hextet))) return text;
  const prefix = hextets.slice(0, IPV6_CLIENT_HEXTETS).map((hextet) => parseInt(hextet, 16));
  return `${prefix.map((hextet) => hextet.toString(16)).join(":")}::/64`;
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
