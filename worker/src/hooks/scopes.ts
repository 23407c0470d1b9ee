import { ALL_SCOPE } from "../cache/index.ts";
import type { HookEvent } from "./events.ts";

/**
 * What a UserEcho event changed, as cache scopes (which are also the Workers Cache tags): the one
 * place that decides it.
 *
 * - A topic created, accepted (out of moderation) or deleted: its page and comments
 *   (`topic:N`) and its forum's lists and meta (`forum:F`). A delivery that does not name the
 *   forum (the documented topic does not) moves every visible forum's.
 * - A comment created, accepted or deleted: its topic's page and comments. The comment count on
 *   the forum's lists catches up within the lists' TTL, as no delivered comment names a forum.
 * - Either, when the delivery does not say which topic (or the visible forums cannot be read
 *   just then): everything (`all`), since nothing else would be sure to cover it.
 * - Anything else: nothing.
 */
export function hookScopes(
  event: HookEvent,
  visibleForumIds: readonly number[] | undefined,
): string[] {
  switch (event.kind) {
    case "ignore":
      return [];
    case "topic": {
      const forums = event.forumId === undefined ? visibleForumIds : [event.forumId];
      if (event.topicId === undefined || forums === undefined) return [ALL_SCOPE];
      return [`topic:${event.topicId}`, ...forums.map((id) => `forum:${id}`)];
    }
    case "comment":
      return event.topicId === undefined ? [ALL_SCOPE] : [`topic:${event.topicId}`];
  }
}
