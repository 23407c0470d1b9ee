import { produceTopUsers } from "../board/leaderboard.ts";
import type { RouteHandlers } from "./mount.ts";

/** Handlers of the user routes (shared/src/routes.ts); mountRoutes serves `cached` ones. */
export const userHandlers = {
  listTopUsers: (c, { query }) => ({
    cache: { route: "users", params: { ...query, staff: c.get("config").leaderboardStaff } },
    produce: () => produceTopUsers(c, query),
  }),
} satisfies Partial<RouteHandlers>;
