import { RATE_LIMIT_PERIOD_SECONDS } from "./problems.ts";
import type { Route } from "./routes.ts";

/** Total request header size accepted on `/v1` (Cloudflare itself stops at 32 KiB). */
export const MAX_HEADER_BYTES = 16 * 1024;

const RATE_LIMITED = `Rate limited; see Retry-After (at most ${RATE_LIMIT_PERIOD_SECONDS} seconds)`;

/**
 * What stands between a request and a route's handler, and the problem answers each adds to
 * the routes it guards: one table for the worker, which applies the guards (`every` ones on all
 * of `/v1` in worker/src/app.ts, `route` ones per route in worker/src/api/mount.ts), and for the
 * OpenAPI document (openapi.ts), which lists their answers. Which guards a route has follows
 * from its declaration: {@link guardsOf}.
 *
 * When two guards of a route answer with the same status, the later one's description stands
 * (it is the more specific: a user route's 401 is about its bearer token, not any credentials).
 */
export const GUARDS = {
  headerSize: {
    applies: "every",
    problems: { 431: `Request headers over ${MAX_HEADER_BYTES / 1024} KiB` },
  },
  /** Per client IP, or per partner key once it has verified. */
  clientRateLimit: { applies: "every", problems: { 429: RATE_LIMITED } },
  /** Verifies a partner key or site token when one is sent; sending none is fine. */
  credentials: {
    applies: "every",
    problems: { 401: "A partner key or site token was sent and is invalid" },
  },
  /** A CSRF defence on top of the bearer token, for writes as a user. */
  allowedOrigin: { applies: "route", problems: { 403: "Origin not allowed" } },
  signedIn: { applies: "route", problems: { 401: "Missing or invalid bearer token" } },
  /** Per signed-in user, on top of the client's limit. */
  writeRateLimit: { applies: "route", problems: { 429: RATE_LIMITED } },
  adminKey: {
    applies: "route",
    problems: {
      401: "Missing or unknown admin key",
      403: "The credentials are not an admin key",
    },
  },
  /** The secret path segment and `X-UE-Signature`; the body is read raw, whatever its type. */
  webhookProof: {
    applies: "route",
    problems: {
      401: "Unknown token, or a missing or wrong X-UE-Signature",
      413: "Body too large",
      500: "USERECHO_WEBHOOK_TOKEN is not set (or too short): webhooks are off",
    },
  },
  /** `application/json` only, and bounded, before the body is validated against its schema. */
  jsonBody: {
    applies: "route",
    problems: { 413: "Body too large", 415: "Content-Type is not application/json" },
  },
} as const satisfies Readonly<
  Record<string, { applies: "every" | "route"; problems: Readonly<Record<number, string>> }>
>;

export type GuardName = keyof typeof GUARDS;
/** The guards mounted per route (worker/src/api/mount.ts has one middleware for each). */
export type RouteGuardName = {
  [G in GuardName]: (typeof GUARDS)[G]["applies"] extends "route" ? G : never;
}[GuardName];

const EVERY_ROUTE = ["headerSize", "clientRateLimit", "credentials"] as const satisfies readonly {
  [G in GuardName]: (typeof GUARDS)[G]["applies"] extends "every" ? G : never;
}[GuardName][];

/**
 * The guards of a route, in the order they run, from its declaration: `user` reads need a
 * signed-in user; `user` writes also come from an allowed origin and stay within the user's
 * write limit; `admin` needs an admin key; `webhook` needs UserEcho's proof; a JSON body is
 * checked for its type and size.
 */
export function routeGuardsOf(route: Route): readonly RouteGuardName[] {
  const auth: readonly RouteGuardName[] =
    route.auth === "admin"
      ? ["adminKey"]
      : route.auth === "webhook"
        ? ["webhookProof"]
        : route.auth === "user"
          ? route.method === "get"
            ? ["signedIn"]
            : ["allowedOrigin", "signedIn", "writeRateLimit"]
          : [];
  return [...auth, ...(route.body && route.auth !== "webhook" ? (["jsonBody"] as const) : [])];
}

/** Every guard a request to the route passes: those of all of `/v1`, then the route's own. */
export function guardsOf(route: Route): readonly GuardName[] {
  return [...EVERY_ROUTE, ...routeGuardsOf(route)];
}

/** The problem answers a route's guards add, by status; a later guard's description stands. */
export function guardProblems(route: Route): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const name of guardsOf(route)) Object.assign(problems, GUARDS[name].problems);
  return problems;
}
