import { Hono } from "hono";
import {
  CommentPage,
  IdPath,
  PageQuery,
  TopicDetail,
  TopicListQuery,
  TopicPage,
} from "@userecho-edge/shared";
import { cachedEntry, cachedJson } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { NotFoundError } from "../errors/index.ts";
import { TOPIC_ORDER_BY, topicFilterParams } from "../upstream/inferred.ts";
import { pageInfo, pageLinks } from "./links.ts";
import { toComment, toTopic, toTopicDetail } from "./mappers.ts";
import { parsePath, parseQuery } from "./validation.ts";
import { readerClient } from "./user-client.ts";
import { requireVisibleForum, visibleForums } from "./visibility.ts";

export const topics = new Hono<AppEnv>();

topics.get("/forums/:forumId/topics", async (c) => {
  const forumId = parsePath(IdPath, "forumId", c.req.param("forumId"));
  const query = parseQuery(TopicListQuery, c.req.url);
  await requireVisibleForum(c, forumId);
  return cachedJson(
    c,
    { route: "topics", params: { forumId, ...query }, scope: `forum:${forumId}` },
    async () => {
      const upstream = await readerClient(c);
      const upstreamQuery = {
        page: query.page,
        limit: query.limit,
        order_by: TOPIC_ORDER_BY[query.sort],
        ...topicFilterParams(query),
      };
      const page =
        query.q === undefined
          ? await upstream.listTopics(forumId, upstreamQuery)
          : await upstream.searchTopics(forumId, { ...upstreamQuery, query: query.q });
      const origin = c.get("config").communityOrigin;
      const body: TopicPage = {
        items: page.items.map((topic) => toTopic(topic, forumId, origin, upstream.isUser)),
        page: pageInfo(query.page, query.limit, page.details.count),
      };
      const links = pageLinks(
        `/v1/forums/${forumId}/topics`,
        query,
        query.page,
        body.page.totalPages,
      );
      return { body: TopicPage.parse(body), headers: { Link: links } };
    },
  );
});

topics.get("/topics/:topicId", async (c) => {
  const topicId = parsePath(IdPath, "topicId", c.req.param("topicId"));
  return cachedJson(c, topicOptions(topicId), () => produceTopic(c, topicId));
});

topics.get("/topics/:topicId/comments", async (c) => {
  const topicId = parsePath(IdPath, "topicId", c.req.param("topicId"));
  const query = parseQuery(PageQuery, c.req.url);
  // The topic read proves it belongs to a visible forum; it is usually a cache hit.
  await cachedEntry(c, topicOptions(topicId), () => produceTopic(c, topicId));
  return cachedJson(
    c,
    { route: "comments", params: { topicId, ...query }, scope: `topic:${topicId}` },
    async () => {
      const page = await c.get("upstream").listComments(topicId, {
        page: query.page,
        limit: query.limit,
        order_by: "created",
      });
      const body: CommentPage = {
        items: page.items.map((comment) => toComment(comment, topicId)),
        page: pageInfo(query.page, query.limit, page.details.count),
      };
      const links = pageLinks(
        `/v1/topics/${topicId}/comments`,
        query,
        query.page,
        body.page.totalPages,
      );
      return { body: CommentPage.parse(body), headers: { Link: links } };
    },
  );
});

function topicOptions(topicId: number) {
  return { route: "topic", params: { topicId }, scope: `topic:${topicId}` } as const;
}

async function produceTopic(c: Parameters<typeof visibleForums>[0], topicId: number) {
  const upstream = await readerClient(c);
  const topic = await upstream.getTopic(topicId);
  const { items } = await visibleForums(c);
  if (typeof topic.forum_id !== "number" || !items.some((forum) => forum.id === topic.forum_id)) {
    throw new NotFoundError("No such topic.");
  }
  const detail = toTopicDetail(
    topic,
    topic.forum_id,
    c.get("config").communityOrigin,
    upstream.isUser,
  );
  return { body: TopicDetail.parse(detail) };
}
