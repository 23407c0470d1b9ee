import {
  commentPageOptions,
  loadVisibleTopic,
  produceCommentPage,
  produceTopic,
  topicOptions,
} from "../board/topics.ts";
import type { RouteHandlers } from "./mount.ts";

/**
 * Handlers of the topic reads (shared/src/routes.ts). Both are `cached`: they say how to key and
 * produce the representation, and mountRoutes serves it through the edge cache.
 */
export const topicHandlers = {
  getTopic: (c, { params: { topicId } }) => ({
    cache: topicOptions(c, topicId),
    produce: () => produceTopic(c, topicId),
  }),

  listComments: async (c, { params: { topicId }, query }) => {
    // The topic proves it belongs to a visible forum; it is usually a cache hit.
    await loadVisibleTopic(c, topicId);
    return {
      cache: commentPageOptions(topicId, query),
      produce: () => produceCommentPage(c, topicId, query),
    };
  },
} satisfies Partial<RouteHandlers>;
