import { PurgeResult } from "@userecho-edge/shared";
import { forgetFronts } from "../board/forum-proof.ts";
import { forgetListings } from "../board/listings.ts";
import { forgetVotingHandoff } from "../board/voting.ts";
import { ALL_SCOPE, purgeScopes } from "../cache/index.ts";
import { forgetVerdicts } from "../upstream/capabilities.ts";
import { forgetUpstreamKnowledge } from "../upstream/client.ts";
import type { RouteHandlers } from "./mount.ts";

/**
 * Handlers of the admin routes (shared/src/routes.ts); `auth: "admin"` lets only admin keys in
 * (api/mount.ts).
 */
export const adminHandlers = {
  /**
   * Moves generations forward, and purges Workers Cache where there is one: the next read of what
   * they cover misses and asks UserEcho. A forum's scopes cover its lists, its index and its
   * meta; a topic's, its page and comments; everything also forgets what this isolate learnt of
   * UserEcho (which guesses work, page caps, where topics were listed), so it is all found out
   * again (README, "Fresh data after a change in UserEcho").
   */
  purgeCache: async (c, { body }) => {
    const scopes =
      "all" in body
        ? [ALL_SCOPE]
        : "forum" in body
          ? [`forum:${body.forum}`, `meta:${body.forum}`]
          : [`topic:${body.topic}`];
    if ("all" in body) {
      forgetListings();
      forgetFronts();
      forgetVerdicts();
      forgetUpstreamKnowledge();
      await forgetVotingHandoff(c);
    }
    const reach = await purgeScopes(c, scopes);
    const result = PurgeResult.parse({ scopes, reach });
    return c.json(result, 200, { "Cache-Control": "private, no-store" });
  },
} satisfies Partial<RouteHandlers>;
