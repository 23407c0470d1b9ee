/**
 * Our guesses about UserEcho API v2, in one place.
 *
 * The official reference is silent on these points (../shared/userecho-api/README.md §4, §8);
 * each constant says what we assume. The emulator implements the same guesses
 * (test/emulator/INFERRED.md). If production disagrees, this file is what changes.
 */
import type { TopicListQuery, TopicSort } from "@userecho-edge/shared";

/**
 * `order_by` values per board sort. Only `-created`/`created` is seen in client code; the
 * Django-style nested paths (`vote__diff`) are inferred from the `filter__status__in` syntax.
 */
export const TOPIC_ORDER_BY: Readonly<Record<TopicSort, string>> = {
  top: "-vote__diff",
  new: "-created",
  updated: "-updated",
  discussed: "-comment_count",
};

/**
 * Filters, Django-style. `filter__status__in` is seen in client code; the others follow the same
 * pattern (inferred).
 */
export function topicFilterParams(
  query: Pick<TopicListQuery, "type" | "status" | "category" | "tag">,
): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.status !== undefined) params["filter__status__in"] = String(query.status);
  if (query.type !== undefined) params["filter__type"] = String(query.type);
  if (query.category !== undefined) params["filter__category"] = String(query.category);
  if (query.tag !== undefined) params["filter__tags"] = String(query.tag);
  return params;
}

/** UserEcho's HTTP status codes for errors are unknown: the envelope decides, the status helps. */
export const UPSTREAM_NOT_FOUND_MESSAGE = /not\s*found|does not exist|no such/i;

/**
 * Forum types that a public board may show. `type.name` values come from the forum-create page;
 * knowledge bases and help desks are not feedback boards.
 */
export const PUBLIC_FORUM_TYPES: ReadonlySet<string> = new Set(["PUBLIC"]);

/** Leaderboard order: `order_by` on `users` is not documented; the filter syntax suggests it. */
export const USERS_BY_RATING = "-rating";

/**
 * A topic's forum. Single-topic reads are checked against the visible forums, and the docs do not
 * show a forum id on topics (the JSON export has `forum_id`); the emulator sends `forum_id`.
 * Without it we cannot prove the topic is public, so it is treated as not found.
 */
export const TOPIC_FORUM_FIELD = "forum_id";

/**
 * The vote endpoint. No stored source names one for v2; API v1 had `POST feedback/[id]/votes`
 * with `{"value": 1|0|-1}`, so we assume `POST topics/[id]/votes` with the same body, answered
 * with the updated topic. Used only when `VOTING=inline`; by default votes hand off to the
 * community page.
 */
export function voteCommand(topicId: number): string {
  return `topics/${topicId}/votes`;
}
