import type { Context, Hono, MiddlewareHandler } from "hono";
import type * as z from "zod/mini";
import { type Route, type RouteGuardName, type Routes, routeGuardsOf } from "@userecho-edge/shared";
import { cachedJson, type CachedRouteOptions, type Representation } from "../cache/index.ts";
import { sha256Hex } from "../crypto/sha256.ts";
import type { AppEnv } from "../env.ts";
import { MethodNotAllowedError } from "../errors/index.ts";
import { idempotent, type RecordedResponse, type SendWrite } from "../idempotency/index.ts";
import { requireAdmin } from "../middleware/admin/index.ts";
import { requireIdentity, signedIn } from "../middleware/authenticate/index.ts";
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
}

/**
 * What the handler of a `cached` route answers with: how to key the representation and how to
 * produce it on a miss. mountRoutes serves it through the edge cache (`cachedJson`: ETag, 304,
 * Cache-Control, Cache-Status, Link headers the representation carries), so a cached route
 * cannot answer around the cache.
 */
export interface CachedAnswer {
  readonly cache: CachedRouteOptions;
  readonly produce: () => Promise<Representation>;
}

/**
 * What the handler of an `idempotent` route answers with: the write, named by `action` (with
 * the signed-in user, the scope of its Idempotency-Key; with the body, its fingerprint), and
 * `perform`, which makes its one upstream write through `send` (idempotency/index.ts).
 * mountRoutes runs it once per Idempotency-Key and answers with its (possibly replayed) result.
 */
export interface WriteAnswer {
  readonly action: string;
  readonly perform: (send: SendWrite) => Promise<RecordedResponse>;
}

/** A handler answers as its declaration says: a cached route through the cache, and so on. */
export type RouteAnswer<R extends Route> = R extends { readonly cached: "item" | "list" }
  ? CachedAnswer
  : R extends { readonly idempotent: true }
    ? WriteAnswer
    : Response;

export type RouteHandler<R extends Route> = (
  c: Context<AppEnv>,
  input: RouteInput<R>,
) => RouteAnswer<R> | Promise<RouteAnswer<R>>;

/** One handler per declared route: a route without one does not type-check. */
export type RouteHandlers<D extends Readonly<Record<string, Route>> = Routes> = {
  readonly [K in keyof D]: RouteHandler<D[K]>;
};

/**
 * Registers every declared route (shared/src/routes.ts) with its handler, behind the guards its
 * declaration calls for (shared/src/guards.ts), and answers 405 with `Allow` for a known path
 * asked with another method. The declaration also decides how the handler's answer is served:
 * a `cached` route's through the edge cache, an `idempotent` route's through the idempotency
 * ledger; a declaration the worker cannot honour fails here, at startup.
 */
export function mountRoutes<const D extends Readonly<Record<string, Route>>>(
  app: Hono<AppEnv>,
  declarations: D,
  handlers: NoInfer<RouteHandlers<D>>,
): void {
  const methods = new Map<string, string[]>();
  for (const name of Object.keys(declarations)) {
    const route: Route = declarations[name]!;
    checkDeclaration(name, route);
    const path = honoPath(route.path);
    const handler = handlers[name] as RouteHandler<Route>;
    const serve = answerer(name, route);
    const routeGuards = routeGuardsOf(route);
    const readsJson = routeGuards.includes("jsonBody");
    app.on(route.method.toUpperCase(), [path], ...routeGuards.flatMap(middlewareOf), async (c) => {
      const params = route.params ? parseParams(route.params, c.req.param()) : undefined;
      const query = route.query ? parseQuery(route.query, c.req.url) : undefined;
      // The webhook's guard has read the body already, raw, whatever its content type.
      const body = !route.body
        ? undefined
        : readsJson
          ? await readJsonBody(c, route.body)
          : parseJsonBody(route.body, c.get("hook")!.body);
      const answer = await handler(c, { params, query, body: body?.value });
      return serve(c, answer, body?.raw ?? "");
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

/**
 * Refuses, at mount time, a declaration whose flags the worker cannot honour: the cache serves
 * only shared reads, and an Idempotency-Key is scoped to the signed-in user who writes.
 */
function checkDeclaration(name: string, route: Route): void {
  const refuse = (why: string) => {
    throw new Error(`Route ${name} (${route.method} ${route.path}): ${why}`);
  };
  if (route.cached && route.method !== "get") refuse("only a GET route can be cached");
  if (route.cached && route.auth !== "read") refuse("only a read route can be cached");
  if (route.idempotent && (route.method !== "post" || route.auth !== "user")) {
    refuse("only a POST route of a signed-in user can be idempotent");
  }
}

type Answerer = (c: Context<AppEnv>, answer: unknown, rawBody: string) => Promise<Response>;

/** How the route's answers are served, as its declaration says. */
function answerer(name: string, route: Route): Answerer {
  // The types keep a handler to its declaration; this keeps a cast (`as never`) honest too.
  const mismatch = (expected: string) =>
    new Error(`The handler of ${name} must answer with ${expected}, as its declaration says`);
  if (route.cached) {
    return async (c, answer) => {
      if (!isCachedAnswer(answer)) throw mismatch("{ cache, produce } (it is cached)");
      return cachedJson(c, answer.cache, answer.produce);
    };
  }
  if (route.idempotent) {
    return async (c, answer, rawBody) => {
      if (!isWriteAnswer(answer)) throw mismatch("{ action, perform } (it is idempotent)");
      return idempotentWrite(c, answer, rawBody);
    };
  }
  return async (_c, answer) => {
    if (!(answer instanceof Response)) throw mismatch("a Response");
    return answer;
  };
}

function isCachedAnswer(answer: unknown): answer is CachedAnswer {
  return typeof answer === "object" && answer !== null && "cache" in answer && "produce" in answer;
}

function isWriteAnswer(answer: unknown): answer is WriteAnswer {
  return typeof answer === "object" && answer !== null && "action" in answer && "perform" in answer;
}

/**
 * Runs a write once per Idempotency-Key and answers with its (possibly replayed) result. The
 * key is scoped to the signed-in user and the action; the fingerprint is the action and the body
 * as sent, so the same key with another body is refused.
 */
async function idempotentWrite(
  c: Context<AppEnv>,
  { action, perform }: WriteAnswer,
  rawBody: string,
): Promise<Response> {
  const identity = requireIdentity(c);
  const { response, replayed } = await idempotent(
    c.env.IDEMPOTENCY,
    {
      scope: `${identity.subject}\n${action}`,
      key: c.req.header("Idempotency-Key"),
      fingerprint: await sha256Hex(`${action}\n${rawBody}`),
    },
    perform,
  );
  return new Response(response.body, {
    status: response.status,
    headers: {
      ...response.headers,
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "private, no-store",
      ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
}

/** `/v1/topics/{topicId}` → `/v1/topics/:topicId`. */
function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/**
 * The middleware of each per-route guard of the table (shared/src/guards.ts), which also lists
 * their problem answers for the OpenAPI document. `jsonBody` is the body's reading itself
 * (api/input.ts), after the parameters are validated; the webhook's refusals count against the
 * caller's IP once more, as an unknown API key does.
 */
const GUARD_MIDDLEWARE: { readonly [G in RouteGuardName]: () => MiddlewareHandler<AppEnv>[] } = {
  allowedOrigin: () => [allowedOriginOnly()],
  signedIn: () => [signedIn()],
  writeRateLimit: () => [rateLimit({ binding: (c) => c.env.WRITE_RATE_LIMITER, key: userKey })],
  adminKey: () => [requireAdmin()],
  webhookProof: () => [
    userEchoHook({
      onRefused: (c) => charge(c, { binding: (c) => c.env.READ_RATE_LIMITER, key: clientIp }),
    }),
  ],
  jsonBody: () => [],
};

function middlewareOf(guard: RouteGuardName): MiddlewareHandler<AppEnv>[] {
  return GUARD_MIDDLEWARE[guard]();
}
