import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { cacheStatus } from "../../cache/index.ts";
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
  upstreamCalls: number;
  upstreamMs: number;
  durationMs: number;
}

/**
 * One structured JSON line per request, plus `Server-Timing` and `Cache-Status` on the response.
 * The line holds the route pattern and the path, never query values that could carry
 * credentials, never headers, never upstream URLs (they carry the token).
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
      const status = cacheStatus(outcome ?? { kind: "bypass" });
      const timing = c.get("upstreamTiming");
      const durationMs = Date.now() - started;
      if (!c.res.headers.has("Cache-Status")) c.res.headers.set("Cache-Status", status);
      c.res.headers.set(
        "Server-Timing",
        [
          `edge;dur=${durationMs}`,
          `upstream;dur=${timing.milliseconds};desc="${timing.calls} calls"`,
          `cache;desc="${outcome?.kind ?? "bypass"}"`,
        ].join(", "),
      );
      write({
        level: "info",
        message: "request",
        requestId: c.get("requestId"),
        method: c.req.method,
        route: routePath(c, -1),
        path: c.req.path,
        status: c.res.status,
        cache: outcome?.kind ?? "bypass",
        upstreamCalls: timing.calls,
        upstreamMs: timing.milliseconds,
        durationMs,
      });
    }
  };
}
