import { cachedJson } from "../cache/index.ts";
import { produceTopUsers } from "../board/leaderboard.ts";
import type { RouteHandlers } from "./mount.ts";

/** Handlers of the user routes (shared/src/routes.ts). */
export const userHandlers = {
  listTopUsers: (c, { query }) =>
    cachedJson(
      c,
      { route: "users", params: { ...query, staff: c.get("config").leaderboardStaff } },
      () => produceTopUsers(c, query),
    ),
} satisfies Partial<RouteHandlers>;
