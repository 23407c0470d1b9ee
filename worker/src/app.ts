import { Hono, type Context } from "hono";
import type { AppEnv } from "./env.ts";
import { readConfig } from "./config/index.ts";
import { ApiError, HeadersTooLargeError, NotFoundError, problemResponse } from "./errors/index.ts";
import { cors } from "./middleware/cors/index.ts";
import {
  charge,
  clientIp,
  partnerKey,
  rateLimit,
  type RateLimitOptions,
} from "./middleware/rate-limit/index.ts";
import { requestLog, type RequestLogLine } from "./middleware/request-log/index.ts";
import { securityHeaders } from "./middleware/security-headers/index.ts";
import { UserEchoClient } from "./upstream/client.ts";
import { forums } from "./v1/forums.ts";
import { meta } from "./v1/meta.ts";
import { topics } from "./v1/topics.ts";
import { users } from "./v1/users.ts";
import { actions } from "./v1/actions.ts";
import { ssoLink } from "./v1/sso-link.ts";
import { authenticate, identityProblem } from "./auth/index.ts";

/** Total request header size accepted on /v1 (Cloudflare itself stops at 32 KiB). */
const MAX_HEADER_BYTES = 16 * 1024;

/** Period of the READ_RATE_LIMITER binding in wrangler.toml. */
const READ_LIMIT_PERIOD_SECONDS = 60;

/** Every request but a partner's, per client IP (writes have a per-user limit on top). */
const clientLimit = {
  binding: (c: Context<AppEnv>) => c.env.READ_RATE_LIMITER,
  key: (c: Context<AppEnv>) => (c.req.header("X-Api-Key") === undefined ? clientIp(c) : undefined),
  periodSeconds: READ_LIMIT_PERIOD_SECONDS,
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
    c.set("partner", undefined);
    await next();
    c.res.headers.set("X-Request-Id", c.get("requestId"));
  });
  app.use("*", securityHeaders());
  app.use("/v1/*", requestLog(options.log));
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
          onTiming: (ms) => {
            timing.calls += 1;
            timing.milliseconds += ms;
          },
        }),
      );
      await next();
    },
    // Per client IP before anything verifies credentials, so that guessing keys or tokens
    // costs as much as any other request. A partner's request is limited per key instead, once
    // the key has verified; one whose key does not verify counts against its IP.
    rateLimit(clientLimit),
    authenticate({ onRefused: (c) => charge(c, { ...clientLimit, key: clientIp }) }),
    rateLimit({
      binding: (c) => c.env.PARTNER_RATE_LIMITER,
      key: (c) => partnerKey(c),
      periodSeconds: READ_LIMIT_PERIOD_SECONDS,
    }),
  );

  app.route("/v1", meta);
  app.route("/v1", forums);
  app.route("/v1", topics);
  app.route("/v1", users);
  app.route("/v1", actions);
  app.route("/v1", ssoLink);
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
