import type { MiddlewareHandler } from "hono";
import { EDGE_CACHE_CONTROL } from "../../cache/workers-cache.ts";
import type { AppEnv } from "../../env.ts";

/**
 * Every `/v1` answer says whether a shared cache may keep it. Workers Cache keeps a response that
 * says nothing by heuristics (a 200 for two hours, a 404 for three minutes), so such an answer is
 * marked `no-store`; and an error is never kept at the edge, whatever produced it: its edge
 * directives and tags are dropped. Shared answers set their own headers (cache/workers-cache.ts).
 */
export function cacheControlGuard(): MiddlewareHandler<AppEnv> {
  return async function cacheControlGuardMiddleware(c, next) {
    await next();
    const headers = c.res.headers;
    if (c.res.status >= 400) {
      headers.set("Cache-Control", "no-store");
      headers.delete(EDGE_CACHE_CONTROL);
      headers.delete("Cache-Tag");
    } else if (!headers.has("Cache-Control")) {
      headers.set("Cache-Control", "no-store");
    }
  };
}
