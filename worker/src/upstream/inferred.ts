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
import type { UpstreamForum, UpstreamTopic } from "./model.ts";
import type { UpstreamQuery } from "./query.ts";

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
 * topic to the next. A page that breaks this was not sorted as asked. A topic that does not say
 * (no date) cannot break the order, so it is left out of the check (`undefined`).
 */
export const SORT_KEYS: Readonly<Record<TopicSort, (topic: UpstreamTopic) => number | undefined>> =
  {
    top: (topic) => topic.vote?.diff ?? (topic.vote?.positive ?? 0) - (topic.vote?.negative ?? 0),
    new: (topic) => timeOf(topic.created),
    updated: (topic) => timeOf(topic.updated),
    discussed: (topic) => topic.comment_count ?? 0,
  };

function timeOf(timestamp: string | undefined): number | undefined {
  return timestamp === undefined ? undefined : Date.parse(timestamp);
}

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
 * category, and its tags may be `[]`): `undefined` means the topic cannot tell.
 */
export function topicFilterValues(topic: UpstreamTopic, filter: TopicFilter): number[] | undefined {
  switch (filter) {
    case "status":
      return topic.status ? [topic.status.id] : undefined;
    case "type":
      return topic.type ? [topic.type.id] : undefined;
    case "category":
      return topic.category ? [topic.category.id] : undefined;
    case "tag":
      return topic.tags && topic.tags.length > 0 ? topic.tags.map((tag) => tag.id) : undefined;
  }
}

/** Forum types a public board may show; knowledge bases and help desks are not boards. */
export const PUBLIC_FORUM_TYPES: ReadonlySet<string> = new Set(["PUBLIC"]);

/**
 * Whether a board may show this forum at all (`ALLOWED_FORUMS` can only narrow this down). A
 * forum whose type UserEcho did not say, or said in no form the boundary reads, is not shown.
 */
export function isPublicForum(forum: UpstreamForum): boolean {
  return forum.type !== undefined && PUBLIC_FORUM_TYPES.has(forum.type);
}

/** Leaderboard order: `order_by` on `users` is shown nowhere; the filter syntax suggests it. */
export const USERS_BY_RATING = "-rating";

/**
 * The question that proves a topic's forum when the topic does not say (`forum_id` is absent
 * from the documented topic): does forum `f` hold a topic with this id? Both parameters are
 * attested (`filter__id__gt`, used by a real client to poll for new topics, and
 * `order_by=created`). A few items come back, not one, in case ids and creation dates disagree.
 */
export function topicInForumQuery(topicId: number): UpstreamQuery {
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

// Webhooks (docs/USERECHO.md §13). The event names, `POST hooks` with `{event, target_url}` and a
// delivery's `{hook, created, data}` are documented; where a delivery names a topic's forum or a
// comment's topic, how registered hooks are listed, and which event changes what, are ours.

/** The events that change what the board shows: the ones the worker acts on and registers. */
export const HOOK_EVENTS = [
  "topic.created",
  "topic.accepted",
  "topic.deleted",
  "comment.created",
  "comment.accepted",
  "comment.deleted",
] as const;
export type HookEventName = (typeof HOOK_EVENTS)[number];

/** Documented events about nothing the board shows (a topic's satisfaction rating). */
export const UNSHOWN_HOOK_EVENTS: ReadonlySet<string> = new Set([
  "topic.satisfaction_received",
  "topic.satisfaction_changed",
]);

/** What `X-UE-Signature` signs under the literal reading of UserEcho's text ("the POST string"). */
export const HOOK_SIGNED_LITERAL = "POST";

/**
 * The documented call that registers a hook (`POST hooks`), which is also guessed to list them
 * (`GET hooks`: no source names a list; `{event, target_url}` is the shape of Zapier's REST hooks,
 * whose subscribe and unsubscribe calls UserEcho's look made for), and the documented call that
 * names the events.
 */
export const HOOKS_COMMAND = "hooks";
export const HOOK_EVENTS_COMMAND = "hooks/events";

/**
 * Where a delivery names what it is about, beyond the documented `data.id` (read by
 * normalise/hooks.ts): a topic's forum is `forum_id` (only UserEcho's data export is known to
 * carry it) or `forum.id`; a comment's topic, which the documented comment never names, is
 * `topic_id`, or `topic` as an id or `{id}`.
 */
export const HOOK_TOPIC_FORUM_FIELDS = ["forum_id", "forum"] as const;
export const HOOK_COMMENT_TOPIC_FIELDS = ["topic_id", "topic"] as const;

/**
 * The shape of `GET hooks/events`, which no source shows: a list of names, a list of objects
 * naming them in one of these fields, or a map keyed by name (as a hook's `events` is).
 */
export const HOOK_EVENT_NAME_FIELDS = ["name", "event", "id"] as const;
