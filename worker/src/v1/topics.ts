import { Hono } from "hono";
import { TopicListQuery, TopicPage, IdPath } from "@userecho-edge/shared";
import type { AppEnv } from "../env.ts";
import { TOPIC_ORDER_BY, topicFilterParams } from "../upstream/inferred.ts";
import { toTopic } from "./mappers.ts";
import { parsePath, parseQuery } from "./validation.ts";

export const topics = new Hono<AppEnv>();

topics.get("/forums/:forumId/topics", async (c) => {
  const forumId = parsePath(IdPath, "forumId", c.req.param("forumId"));
  const query = parseQuery(TopicListQuery, c.req.url);
  const upstream = c.get("upstream");
  const page = await upstream.listTopics(forumId, {
    page: query.page,
    limit: query.limit,
    order_by: TOPIC_ORDER_BY[query.sort],
    ...topicFilterParams(query),
  });
  const origin = new URL(c.get("config").upstreamBaseUrl).origin;
  const body: TopicPage = {
    items: page.items.map((topic) => toTopic(topic, forumId, origin)),
    page: {
      number: query.page,
      size: query.limit,
      total: page.details.count,
      totalPages: Math.ceil(page.details.count / query.limit),
    },
  };
  return c.json(TopicPage.parse(body));
});
