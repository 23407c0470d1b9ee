import { Hono } from "hono";
import { PageQuery, TopUserPage } from "@userecho-edge/shared";
import { cachedJson } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { USERS_BY_RATING } from "../upstream/inferred.ts";
import { pageInfo, pageLinks } from "./links.ts";
import { toTopUser } from "./mappers.ts";
import { parseQuery } from "./validation.ts";

export const users = new Hono<AppEnv>();

users.get("/users/top", async (c) => {
  const query = parseQuery(PageQuery, c.req.url);
  return cachedJson(c, { route: "users", params: query }, async () => {
    const page = await c.get("upstream").listUsers({
      page: query.page,
      limit: query.limit,
      order_by: USERS_BY_RATING,
    });
    const firstRank = (query.page - 1) * query.limit + 1;
    const body: TopUserPage = {
      items: page.items.map((user, index) => toTopUser(user, firstRank + index)),
      page: pageInfo(query.page, query.limit, page.details.count),
    };
    const links = pageLinks("/v1/users/top", query, query.page, body.page.totalPages);
    return { body: TopUserPage.parse(body), headers: { Link: links } };
  });
});
