/**
 * Our guesses about UserEcho API v2, in one place.
 *
 * UserEcho's reference is silent on these points; docs/USERECHO.md says, point by point, what is
 * documented, what third-party clients attest and what is guessed. Every guess here is checked
 * at run time where it can be (upstream/capabilities.ts), falls back to an attested behaviour
 * when UserEcho refuses or ignores it, and is checked against a real community by
 * `pnpm check-userecho`. If production disagrees, this file is what changes.
 */
import type { TopicFilter, TopicSort } from "@userecho-edge/shared";
import type { UpstreamForum, UpstreamTopic } from "./schemas.ts";

/**
 * `order_by` per board sort. Only `-created` (topics) is seen in a real v2 client; the
 * Django-style nested path `vote__diff` is inferred from the `filter__status__in` syntax and the
 * v1 score field `vote_diff`.
 */
export const TOPIC_ORDER_BY: Readonly<Record<TopicSort, string>> = {
  top: "-vote__diff",
  new: "-created",
  updated: "-updated",
  discussed: "-comment_count",
};

/** The attested sort: every sort UserEcho refuses or ignores falls back to it. */
export const ATTESTED_SORT = "new" satisfies TopicSort;

/**
 * How a page in a given sort must look: the key of each topic, which must not increase from one
 * topic to the next. A page that breaks this was not sorted as asked.
 */
export const SORT_KEYS: Readonly<Record<TopicSort, (topic: UpstreamTopic) => number>> = {
  top: (topic) => topic.vote?.diff ?? (topic.vote?.positive ?? 0) - (topic.vote?.negative ?? 0),
  new: (topic) => Date.parse(topic.created),
  updated: (topic) => Date.parse(topic.updated ?? topic.created),
  discussed: (topic) => topic.comment_count ?? 0,
};

/**
 * Query parameter per filter, Django-style. `filter__status__in` is seen in a client that calls
 * it unreliable; the others only follow the same pattern.
 */
export const TOPIC_FILTER_PARAMS: Readonly<Record<TopicFilter, string>> = {
  status: "filter__status__in",
  type: "filter__type",
  category: "filter__category",
  tag: "filter__tags",
};

/**
 * The ids a topic holds for a filter, where the topic shows them (a documented topic shows no
 * category, and its tags are `[]`): `undefined` means the page cannot tell.
 */
export function topicFilterValues(topic: UpstreamTopic, filter: TopicFilter): number[] | undefined {
  const idOf = (value: number | { id: number }) => (typeof value === "number" ? value : value.id);
  switch (filter) {
    case "status":
      return [idOf(topic.status)];
    case "type":
      return [idOf(topic.type)];
    case "category":
      return topic.category ? [idOf(topic.category)] : undefined;
    case "tag":
      return topic.tags.length > 0 ? topic.tags.map(idOf) : undefined;
  }
}

/** Forum types a public board may show; knowledge bases and help desks are not boards. */
export const PUBLIC_FORUM_TYPES: ReadonlySet<string> = new Set(["PUBLIC"]);

/** Whether a board may show this forum at all (`ALLOWED_FORUMS` can only narrow this down). */
export function isPublicForum(forum: UpstreamForum): boolean {
  return PUBLIC_FORUM_TYPES.has(forum.type?.name?.toUpperCase() ?? "");
}

/** Leaderboard order: `order_by` on `users` is shown nowhere; the filter syntax suggests it. */
export const USERS_BY_RATING = "-rating";

/**
 * The question that proves a topic's forum when the topic does not say (`forum_id` is absent
 * from the documented topic): does forum `f` hold a topic with this id? Both parameters are
 * attested (`filter__id__gt`, used by a real client to poll for new topics, and
 * `order_by=created`). A few items come back, not one, in case ids and creation dates disagree.
 */
export function topicInForumQuery(topicId: number) {
  return { filter__id__gt: topicId - 1, order_by: "created", limit: 10 };
}

/**
 * What one forum's answer to {@link topicInForumQuery} proves: the forum holds the topic
 * (`found`), does not (`absent`), or nothing, because an id at or below the one asked about came
 * back and UserEcho therefore ignored the filter (`ignored`).
 */
export function topicInForumAnswer(
  items: readonly { id: number }[],
  topicId: number,
): "found" | "absent" | "ignored" {
  if (items.some((item) => item.id < topicId)) return "ignored";
  return items.some((item) => item.id === topicId) ? "found" : "absent";
}

/**
 * The vote endpoint. No stored source names one for v2; API v1 had `POST feedback/[id]/votes`
 * with `{"value": 1|0|-1}`, so we assume `POST topics/[id]/votes` with the same body, answered
 * with the updated topic. Used only when `VOTING=inline`; by default votes hand off to the
 * community page.
 */
export function voteCommand(topicId: number): string {
  return `topics/${topicId}/votes`;
}
