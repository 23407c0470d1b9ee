import { ForumList } from "@userecho-edge/shared";
import { forumMetaOptions, produceMeta } from "../board/forum-meta.ts";
import {
  planTopicList,
  produceMyVotes,
  produceTopicPage,
  topicPageOptions,
} from "../board/topics.ts";
import { allowedForumsKey, requireVisibleForum, visibleForums } from "../board/visibility.ts";
import type { RouteHandlers } from "./mount.ts";

/**
 * Handlers of the forum routes (shared/src/routes.ts). A `cached` one says how to key and produce
 * its representation, and mountRoutes serves it through the edge cache.
 */
export const forumHandlers = {
  listForums: (c) => {
    const params = { list: "visible", allowed: allowedForumsKey(c) };
    return {
      cache: { route: "forums", params },
      produce: async () => ({ body: ForumList.parse(await visibleForums(c)) }),
    };
  },

  getForumMeta: async (c, { params: { forumId } }) => {
    await requireVisibleForum(c, forumId);
    return { cache: forumMetaOptions(c, forumId), produce: () => produceMeta(c, forumId) };
  },

  listTopics: async (c, { params: { forumId }, query }) => {
    await requireVisibleForum(c, forumId);
    // Keyed by what will be applied, not by what was asked (board/topics.ts).
    const plan = await planTopicList(c, forumId, query);
    return { cache: topicPageOptions(plan), produce: () => produceTopicPage(c, plan) };
  },

  getMyVotes: async (c, { params: { forumId }, query }) => {
    await requireVisibleForum(c, forumId);
    const body = await produceMyVotes(c, await planTopicList(c, forumId, query));
    return c.json(body, 200, { "Cache-Control": "private, no-store" });
  },
} satisfies Partial<RouteHandlers>;
