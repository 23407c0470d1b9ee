import { ForumList } from "@userecho-edge/shared";
import { cachedJson } from "../cache/index.ts";
import { forumMetaOptions, produceMeta } from "../board/forum-meta.ts";
import {
  planTopicList,
  produceMyVotes,
  produceTopicPage,
  topicPageOptions,
} from "../board/topics.ts";
import { allowedForumsKey, requireVisibleForum, visibleForums } from "../board/visibility.ts";
import type { RouteHandlers } from "./mount.ts";

/** Handlers of the forum routes (shared/src/routes.ts). */
export const forumHandlers = {
  listForums: (c) => {
    const params = { list: "visible", allowed: allowedForumsKey(c) };
    return cachedJson(c, { route: "forums", params }, async () => ({
      body: ForumList.parse(await visibleForums(c)),
    }));
  },

  getForumMeta: async (c, { params: { forumId } }) => {
    await requireVisibleForum(c, forumId);
    return cachedJson(c, forumMetaOptions(c, forumId), () => produceMeta(c, forumId));
  },

  listTopics: async (c, { params: { forumId }, query }) => {
    await requireVisibleForum(c, forumId);
    // Keyed by what will be applied, not by what was asked (board/topics.ts).
    const plan = await planTopicList(c, forumId, query);
    return cachedJson(c, topicPageOptions(plan), () => produceTopicPage(c, plan));
  },

  getMyVotes: async (c, { params: { forumId }, query }) => {
    await requireVisibleForum(c, forumId);
    const body = await produceMyVotes(c, await planTopicList(c, forumId, query));
    return c.json(body, 200, { "Cache-Control": "private, no-store" });
  },
} satisfies Partial<RouteHandlers>;
