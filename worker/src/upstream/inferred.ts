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
import type { UpstreamQuery } from "./client.ts";
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

function positiveId(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === "string" && /^[1-9]\d{0,14}$/.test(value)) return Number(value);
  return undefined;
}

function field(data: unknown, name: string): unknown {
  return typeof data === "object" && data !== null
    ? (data as Record<string, unknown>)[name]
    : undefined;
}

/** The topic or comment a delivery is about: `data.id`, as the API shows objects. */
export function hookObjectId(data: unknown): number | undefined {
  return positiveId(field(data, "id"));
}

/**
 * The forum of a delivered topic: `forum_id`, which only UserEcho's data export is known to
 * carry. Without it the worker cannot tell which forum's lists changed.
 */
export function hookTopicForumId(data: unknown): number | undefined {
  return positiveId(field(data, "forum_id")) ?? positiveId(field(field(data, "forum"), "id"));
}

/**
 * The topic of a delivered comment. The documented comment names none (the API lists comments
 * under their topic); `topic_id`, or `topic` as an id or `{id}`, are guesses. Without one the
 * worker cannot tell which topic changed.
 */
export function hookCommentTopicId(data: unknown): number | undefined {
  const topic = field(data, "topic");
  return positiveId(field(data, "topic_id")) ?? positiveId(topic) ?? positiveId(field(topic, "id"));
}

/**
 * The event names in an answer of `GET hooks/events`, whose shape no source shows: a list of
 * names, a list of objects naming them (`name`, `event` or `id`), or a map keyed by name (as a
 * hook's `events` is). `undefined` when it is none of these.
 */
export function hookEventNames(data: unknown): string[] | undefined {
  const isName = (value: unknown): value is string =>
    typeof value === "string" && /^[a-z_]+\.[a-z_]+$/.test(value);
  if (Array.isArray(data)) {
    const names = data.map((item) =>
      isName(item)
        ? item
        : [field(item, "name"), field(item, "event"), field(item, "id")].find(isName),
    );
    return names.every(isName) ? names : undefined;
  }
  if (typeof data === "object" && data !== null) {
    const names = Object.keys(data);
    return names.length > 0 && names.every(isName) ? names : undefined;
  }
  return undefined;
}

/**
 * The events a registered hook is on: the keys set to `true` in its `events` map (the documented
 * answer of `POST hooks`), or its one `event`.
 */
export function hookEventsOf(hook: { events?: unknown; event?: unknown }): string[] {
  if (typeof hook.events === "object" && hook.events !== null && !Array.isArray(hook.events)) {
    return Object.entries(hook.events)
      .filter(([, on]) => on === true)
      .map(([name]) => name);
  }
  if (Array.isArray(hook.events)) {
    return hook.events.filter((name): name is string => typeof name === "string");
  }
  return typeof hook.event === "string" ? [hook.event] : [];
}
