import type { Context } from "hono";
import { type PageQuery, TopUserPage } from "@userecho-edge/shared";
import { parsedBody } from "../cache/entry.ts";
import { cachedEntry, type Representation } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { Capabilities } from "../upstream/capabilities.ts";
import { rankAllUsers, rankUsers, type UserRanking } from "../upstream/user-ranking.ts";
import { toTopUser } from "./dto.ts";
import { pageInfo, pageLinks } from "./paging.ts";

/** A page of users by rating, with its `Link` header. */
export async function produceTopUsers(
  c: Context<AppEnv>,
  query: PageQuery,
): Promise<Representation> {
  const upstream = c.get("upstream");
  // The worker's own ranking is one entry, shared by every page asked for.
  const everyone = async () => {
    const { entry } = await cachedEntry(
      c,
      { route: "users", params: { ranking: "local" }, sharedEvenIfPersonal: true },
      async () => ({ body: await rankAllUsers(upstream) }),
    );
    return parsedBody<UserRanking>(entry);
  };
  const ranking = await rankUsers(
    upstream,
    new Capabilities(upstream.baseUrl),
    query.page,
    query.limit,
    everyone,
  );
  const firstRank = (query.page - 1) * query.limit + 1;
  const body: TopUserPage = {
    items: ranking.users.map((user, index) => toTopUser(user, firstRank + index)),
    page: pageInfo(query.page, query.limit, ranking.total, ranking.users.length),
    exact: ranking.exact,
  };
  const links = pageLinks("/v1/users/top", query, body.page);
  return { body: TopUserPage.parse(body), headers: { Link: links } };
}
