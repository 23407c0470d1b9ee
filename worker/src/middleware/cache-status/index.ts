import type { MiddlewareHandler } from "hono";
import { cacheStatus } from "../../cache/index.ts";
import type { AppEnv } from "../../env.ts";

/**
 * `Cache-Status` (RFC 9211) and `Server-Timing` on every response, from what the cache layer
 * recorded on the context. Neither says how many upstream calls were made nor when an entry
 * expires: that tells a stranger what others asked and when, so it stays in the request log.
 */
export function cacheHeaders(): MiddlewareHandler<AppEnv> {
  return async function cacheHeadersMiddleware(c, next) {
    const started = Date.now();
    try {
      await next();
    } finally {
      const outcome = c.get("cacheOutcome");
      if (!c.res.headers.has("Cache-Status")) {
        c.res.headers.set(
          "Cache-Status",
          cacheStatus(outcome ?? { kind: "bypass" }, c.res.status < 400),
        );
      }
      c.res.headers.set(
        "Server-Timing",
        [`edge;dur=${Date.now() - started}`, `cache;desc="${outcome?.kind ?? "bypass"}"`].join(
          ", ",
        ),
      );
    }
  };
}
