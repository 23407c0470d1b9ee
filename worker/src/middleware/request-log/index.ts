import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../../env.ts";

export interface RequestLogLine {
  level: "info";
  message: "request";
  requestId: string;
  method: string;
  route: string;
  path: string;
  status: number;
  cache: string;
  /** Seconds left of the entry's fresh life, for hits and stale answers. */
  cacheTtl?: number;
  /** The partner's or admin's id (never the key), for requests with an API key. */
  partner?: string;
  admin?: string;
  upstreamCalls: number;
  upstreamMs: number;
  durationMs: number;
}

/**
 * One structured JSON line per request. The line holds the route pattern and the path, never query values that could carry
 * credentials, never headers, never upstream URLs (they carry the token), never a webhook's token.
 */
export function requestLog(
  write: (line: RequestLogLine) => void = (line) => console.log(JSON.stringify(line)),
): MiddlewareHandler<AppEnv> {
  return async function requestLogMiddleware(c, next) {
    const started = Date.now();
    c.set("upstreamTiming", { calls: 0, milliseconds: 0 });
    try {
      await next();
    } finally {
      const outcome = c.get("cacheOutcome");
      const timing = c.get("upstreamTiming");
      const holder = c.get("keyHolder");
      write({
        level: "info",
        message: "request",
        requestId: c.get("requestId"),
        method: c.req.method,
        route: handlerRoute(c),
        path: loggedPath(c.req.path),
        status: c.res.status,
        cache: outcome?.kind ?? "bypass",
        ...(outcome && "ttl" in outcome ? { cacheTtl: outcome.ttl } : {}),
        ...(holder ? { [holder.role]: holder.id } : {}),
        upstreamCalls: timing.calls,
        upstreamMs: timing.milliseconds,
        durationMs: Date.now() - started,
      });
    }
  };
}

/**
 * The path, but for webhooks: a delivery's URL carries the worker's webhook token, so only the
 * route's fixed part is logged, whatever follows it (a mistyped path may still hold the token).
 */
function loggedPath(path: string): string {
  if (!path.startsWith("/v1/hooks/")) return path;
  return path.startsWith("/v1/hooks/userecho/") ? "/v1/hooks/userecho/{token}" : "/v1/hooks/…";
}

/** The pattern of the route that handled the request; middleware (method ALL) does not count. */
function handlerRoute(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const routes = matchedRoutes(c).filter((route) => route.method !== "ALL");
  return routes.at(-1)?.path ?? "(none)";
}
