import { cachedJson } from "../cache/index.ts";
import {
  commentPageOptions,
  loadVisibleTopic,
  produceCommentPage,
  produceTopic,
  topicOptions,
} from "../board/topics.ts";
import type { RouteHandlers } from "./mount.ts";

/** Handlers of the topic reads (shared/src/routes.ts). */
export const topicHandlers = {
  getTopic: (c, { params: { topicId } }) =>
    cachedJson(c, topicOptions(c, topicId), () => produceTopic(c, topicId)),

  listComments: async (c, { params: { topicId }, query }) => {
    // The topic proves it belongs to a visible forum; it is usually a cache hit.
    await loadVisibleTopic(c, topicId);
    return cachedJson(c, commentPageOptions(topicId, query), () =>
      produceCommentPage(c, topicId, query),
    );
  },
} satisfies Partial<RouteHandlers>;
