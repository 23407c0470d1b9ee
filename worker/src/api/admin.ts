import { PurgeResult } from "@userecho-edge/shared";
import { ALL_SCOPE, purgeScopes } from "../cache/index.ts";
import type { RouteHandlers } from "./mount.ts";

/**
 * Handlers of the admin routes (shared/src/routes.ts); `auth: "admin"` lets only admin keys in
 * (api/mount.ts).
 */
export const adminHandlers = {
  /**
   * Moves generations forward, and purges Workers Cache where there is one: the next read of what
   * they cover misses and asks UserEcho. A forum's scope covers its lists and meta; a topic's,
   * its page and comments (docs: README, "Fresh data after a change in UserEcho").
   */
  purgeCache: async (c, { body }) => {
    const scope =
      "all" in body ? ALL_SCOPE : "forum" in body ? `forum:${body.forum}` : `topic:${body.topic}`;
    const reach = await purgeScopes(c, [scope]);
    const result = PurgeResult.parse({ scopes: [scope], reach });
    return c.json(result, 200, { "Cache-Control": "private, no-store" });
  },
} satisfies Partial<RouteHandlers>;
