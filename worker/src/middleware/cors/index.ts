import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import type { OriginMatcher } from "../../config/index.ts";

export interface CorsOptions {
  /** Decides per request, from the parsed configuration. */
  allowed: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => OriginMatcher;
  methods?: readonly string[];
  allowHeaders?: readonly string[];
  exposeHeaders?: readonly string[];
  maxAgeSeconds?: number;
}

const DEFAULTS = {
  methods: ["GET", "HEAD", "POST", "OPTIONS"],
  allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "X-Api-Key", "If-None-Match"],
  exposeHeaders: ["ETag", "Link", "Cache-Status", "Server-Timing", "Retry-After", "Location"],
  maxAgeSeconds: 600,
} satisfies Omit<CorsOptions, "allowed">;

/**
 * CORS with an allow-list. An allowed origin is echoed (never `*`, so credentials headers work);
 * a disallowed one gets no CORS header at all. `Vary: Origin` is always sent, because the
 * answer depends on the header even when it is absent.
 */
export function cors(options: CorsOptions): MiddlewareHandler<AppEnv> {
  const settings = { ...DEFAULTS, ...options };
  return async function corsMiddleware(c, next) {
    const origin = c.req.header("Origin");
    const allowed = origin !== undefined && settings.allowed(c)(origin);

    if (c.req.method === "OPTIONS" && c.req.header("Access-Control-Request-Method")) {
      const headers = new Headers({ Vary: "Origin" });
      if (allowed) {
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Allow-Methods", settings.methods.join(", "));
        headers.set("Access-Control-Allow-Headers", settings.allowHeaders.join(", "));
        headers.set("Access-Control-Max-Age", String(settings.maxAgeSeconds));
      }
      return new Response(null, { status: 204, headers });
    }

    await next();
    c.res.headers.append("Vary", "Origin");
    if (allowed) {
      c.res.headers.set("Access-Control-Allow-Origin", origin);
      c.res.headers.set("Access-Control-Expose-Headers", settings.exposeHeaders.join(", "));
    }
  };
}
