import type { Context } from "hono";
import { type PageQuery, TopUserPage } from "@userecho-edge/shared";
import { parsedBody } from "../cache/entry.ts";
import { cachedEntry, type Representation } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { Capabilities } from "../upstream/capabilities.ts";
import {
  eligibility,
  rankAllUsers,
  rankUsers,
  type UserRanking,
} from "../upstream/user-ranking.ts";
import { toTopUser } from "./dto.ts";
import { pageInfo, pageLinks } from "./paging.ts";

/**
 * A page of the leaderboard, with its `Link` header. It is not a user directory: only users
 * with a rating above 0 appear, and staff only with `LEADERBOARD_STAFF=show` (README, "What
 * the leaderboard shows").
 */
export async function produceTopUsers(
  c: Context<AppEnv>,
  query: PageQuery,
): Promise<Representation> {
  const upstream = c.get("upstream");
  const { leaderboardStaff, communityOrigin } = c.get("config");
  const eligible = eligibility(leaderboardStaff === "show");
  // The worker's own ranking is one entry, shared by every page asked for.
  const everyone = async () => {
    const { entry } = await cachedEntry(
      c,
      {
        route: "users",
        params: { ranking: "local", staff: leaderboardStaff },
        sharedEvenIfPersonal: true,
      },
      async () => ({ body: await rankAllUsers(upstream, eligible) }),
    );
    return parsedBody<UserRanking>(entry);
  };
  const start = (query.page - 1) * query.limit;
  const ranking = await rankUsers(
    upstream,
    new Capabilities(upstream),
    start + query.limit,
    eligible,
    everyone,
  );
  const users = ranking.users.slice(start, start + query.limit);
  // Without a total, a page is known to be followed only when more eligible users were read.
  const more = ranking.users.length > start + query.limit;
  const page = pageInfo(query.page, query.limit, ranking.total, users.length);
  const body: TopUserPage = {
    items: users.map((user, index) => toTopUser(user, start + index + 1, communityOrigin)),
    page: ranking.total === undefined ? { ...page, hasNext: more || page.hasNext } : page,
    exact: ranking.exact,
  };
  const links = pageLinks("/v1/users/top", query, body.page);
  return { body: TopUserPage.parse(body), headers: { Link: links } };
}
