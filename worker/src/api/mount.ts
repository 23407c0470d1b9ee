import type { Context, Hono, MiddlewareHandler } from "hono";
import type * as z from "zod/mini";
import { type Route, type Routes, routes } from "@userecho-edge/shared";
import type { AppEnv } from "../env.ts";
import { MethodNotAllowedError } from "../errors/index.ts";
import { requireAdmin } from "../middleware/admin/index.ts";
import { signedIn } from "../middleware/authenticate/index.ts";
import { allowedOriginOnly } from "../middleware/origin-check/index.ts";
import { charge, clientIp, rateLimit, userKey } from "../middleware/rate-limit/index.ts";
import { userEchoHook } from "../middleware/userecho-hook/index.ts";
import { parseJsonBody, parseParams, parseQuery, readJsonBody } from "./input.ts";

type Parsed<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

/** What a handler gets: its route's input, parsed and validated against the declaration. */
export interface RouteInput<R extends Route> {
  params: Parsed<R["params"]>;
  query: Parsed<R["query"]>;
  body: Parsed<R["body"]>;
  /** The body as sent, for the idempotency fingerprint; "" without a body. */
  rawBody: string;
}

export type RouteHandler<R extends Route> = (
  c: Context<AppEnv>,
  input: RouteInput<R>,
) => Response | Promise<Response>;

/** One handler per declared route: a route without one does not type-check. */
export type RouteHandlers = { readonly [K in keyof Routes]: RouteHandler<Routes[K]> };

/**
 * Registers every declared route (shared/src/routes.ts) with its handler, behind the guards its
 * `auth` calls for, and answers 405 with `Allow` for a known path asked with another method.
 */
export function mountRoutes(app: Hono<AppEnv>, handlers: RouteHandlers): void {
  const methods = new Map<string, string[]>();
  for (const name of Object.keys(routes) as (keyof Routes)[]) {
    const route: Route = routes[name];
    const path = honoPath(route.path);
    const handler = handlers[name] as RouteHandler<Route>;
    app.on(route.method.toUpperCase(), [path], ...guards(route), async (c) => {
      const params = route.params ? parseParams(route.params, c.req.param()) : undefined;
      const query = route.query ? parseQuery(route.query, c.req.url) : undefined;
      const body = !route.body
        ? undefined
        : route.auth === "webhook"
          ? parseJsonBody(route.body, c.get("hook")!.body)
          : await readJsonBody(c, route.body);
      return handler(c, { params, query, body: body?.value, rawBody: body?.raw ?? "" });
    });
    methods.set(path, [...(methods.get(path) ?? []), route.method.toUpperCase()]);
  }
  for (const [path, allowed] of methods) {
    // A CORS preflight never gets here (the cors middleware answers it), so OPTIONS is not
    // offered: the contract documents no plain OPTIONS answer.
    const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : [])].sort();
    app.all(path, () => {
      throw new MethodNotAllowedError(allow.join(", "));
    });
  }
}

/** `/v1/topics/{topicId}` → `/v1/topics/:topicId`. */
function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/**
 * `user` reads need a signed-in user; `user` writes also come from an allowed origin (a CSRF
 * defence on top of the bearer token) and stay within the user's write limit; `admin` needs an
 * admin key; `webhook` needs UserEcho's proof, and a refusal counts against the caller's IP once
 * more, as an unknown API key does.
 */
function guards(route: Route): MiddlewareHandler<AppEnv>[] {
  switch (route.auth) {
    case "read":
      return [];
    case "admin":
      return [requireAdmin()];
    case "webhook":
      return [
        userEchoHook({
          onRefused: (c) => charge(c, { binding: (c) => c.env.READ_RATE_LIMITER, key: clientIp }),
        }),
      ];
    case "user":
      return route.method === "get"
        ? [signedIn()]
        : [
            allowedOriginOnly(),
            signedIn(),
            rateLimit({ binding: (c) => c.env.WRITE_RATE_LIMITER, key: userKey }),
          ];
  }
}
