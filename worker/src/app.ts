import { Hono } from "hono/tiny";
import type { Context } from "hono";
import { MAX_HEADER_BYTES, routes } from "@userecho-edge/shared";
import type { AppEnv } from "./env.ts";
import { readConfig } from "./config/index.ts";
import { ApiError, HeadersTooLargeError, NotFoundError, problemResponse } from "./errors/index.ts";
import { cors } from "./middleware/cors/index.ts";
import { cacheControlGuard } from "./middleware/cache-control/index.ts";
import { cacheHeaders } from "./middleware/cache-status/index.ts";
import {
  charge,
  clientIp,
  keyHolderKey,
  rateLimit,
  type RateLimitOptions,
} from "./middleware/rate-limit/index.ts";
import { requestLog, type RequestLogLine } from "./middleware/request-log/index.ts";
import { securityHeaders } from "./middleware/security-headers/index.ts";
import { UserEchoClient } from "./upstream/client.ts";
import { adminHandlers } from "./api/admin.ts";
import { forumHandlers } from "./api/forums.ts";
import { hookHandlers } from "./api/hooks.ts";
import { mountRoutes } from "./api/mount.ts";
import { serviceHandlers } from "./api/service.ts";
import { ssoHandlers } from "./api/sso.ts";
import { topicHandlers } from "./api/topics.ts";
import { userHandlers } from "./api/users.ts";
import { writeHandlers } from "./api/writes.ts";
import { authenticate, identityProblem } from "./middleware/authenticate/index.ts";
import { warmupOf } from "./warmup/index.ts";

/** Every request but one with an API key, per client IP (writes have a per-user limit on top). */
const clientLimit = {
  binding: (c: Context<AppEnv>) => c.env.READ_RATE_LIMITER,
  key: (c: Context<AppEnv>) => (c.req.header("X-Api-Key") === undefined ? clientIp(c) : undefined),
} satisfies RateLimitOptions;

export interface AppOptions {
  /** Where request log lines go; one JSON line on stdout by default. */
  log?: (line: RequestLogLine) => void;
  /** Routes mounted at the root (the dev-only demo signer). */
  extraRoutes?: Hono<AppEnv>;
}

/** Builds the worker's Hono app. Exported as a factory so tests get a fresh instance. */
export function createApp(options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use("*", async function requestContext(c, next) {
    c.set("requestId", c.req.header("cf-ray") ?? crypto.randomUUID());
    c.set("cacheOutcome", undefined);
    c.set("identity", undefined);
    c.set("keyHolder", undefined);
    c.set("warmup", warmupOf(c.req.raw));
    await next();
    c.res.headers.set("X-Request-Id", c.get("requestId"));
  });
  app.use("*", securityHeaders());
  app.use("/v1/*", requestLog(options.log), cacheHeaders(), cacheControlGuard());
  // The guards every /v1 route has (`applies: "every"` in shared/src/guards.ts, which lists
  // their answers for the OpenAPI document): headerSize, clientRateLimit, credentials. The
  // routes' own are mounted with them (api/mount.ts).
  app.use(
    "/v1/*",
    cors({ allowed: (c) => readConfig(c.env).allowedOrigins }),
    async function boundHeaders(c, next) {
      // Nothing legitimate sends this much (a site JWT is at most 8 KiB); refuse before any work.
      let size = 0;
      for (const [name, value] of c.req.raw.headers) size += name.length + value.length + 4;
      if (size > MAX_HEADER_BYTES) throw new HeadersTooLargeError(MAX_HEADER_BYTES);
      await next();
    },
    async function configuration(c, next) {
      const config = readConfig(c.env);
      const timing = c.get("upstreamTiming");
      c.set("config", config);
      c.set(
        "upstream",
        new UserEchoClient({
          baseUrl: config.upstreamBaseUrl,
          accessToken: config.apiToken,
          timeoutMs: config.upstreamTimeoutMs,
          callBudget: c.get("warmup")?.budget,
          onTiming: (ms) => {
            timing.calls += 1;
            timing.milliseconds += ms;
          },
        }),
      );
      await next();
    },
    // Per client IP before anything verifies credentials, so that guessing keys or tokens
    // costs as much as any other request. A request with an API key is limited per key
    // instead, once the key has verified; one whose key does not verify counts against its IP.
    rateLimit(clientLimit),
    authenticate({ onRefused: (c) => charge(c, { ...clientLimit, key: clientIp }) }),
    rateLimit({ binding: (c) => c.env.PARTNER_RATE_LIMITER, key: keyHolderKey }),
  );

  // The tiny router lets `/v1/forums/` match `/v1/forums`; the contract names exact paths, and a
  // second spelling of a path would also be a second cache entry for the same list.
  app.use("/v1/*", async function exactPaths(c, next) {
    if (c.req.path.endsWith("/")) throw new NotFoundError();
    await next();
  });
  mountRoutes(app, routes, {
    ...serviceHandlers,
    ...forumHandlers,
    ...topicHandlers,
    ...writeHandlers,
    ...userHandlers,
    ...ssoHandlers,
    ...adminHandlers,
    ...hookHandlers,
  });
  if (options.extraRoutes) app.route("/", options.extraRoutes);

  app.notFound((c) => problemResponse(new NotFoundError(), c.get("requestId")));
  app.onError(function renderError(thrown, c) {
    const error = identityProblem(thrown);
    if (!(error instanceof ApiError)) {
      // Only the class name: messages of unexpected errors may quote URLs, and URLs carry tokens.
      console.error(
        JSON.stringify({ level: "error", requestId: c.get("requestId"), error: error.name }),
      );
    }
    return problemResponse(error, c.get("requestId"));
  });
  return app;
}
