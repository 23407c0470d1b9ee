import type {
  Author,
  Comment,
  Forum,
  ForumMeta,
  Status,
  Topic,
  TopicDetail,
  TopUser,
} from "@userecho-edge/shared";
import { UpstreamError } from "../errors/index.ts";

/** A forum's types with their statuses, its categories and its tags (v1/forums.ts). */
type ForumNames = Pick<ForumMeta, "types" | "categories" | "tags">;
import type { SanitizeHtml } from "../sanitize/lazy.ts";
import type {
  UpstreamAuthor,
  UpstreamComment,
  UpstreamForum,
  UpstreamNamed,
  UpstreamStatus,
  UpstreamTopic,
  UpstreamUser,
} from "../upstream/schemas.ts";

/**
 * Upstream entities → our DTOs. Only what an end user may see is copied; everything else
 * (e-mails, staff flags, custom fields) stays behind.
 */

/** How a topic is drawn: its forum, the community's origin, and whose read it was. */
export interface TopicContext {
  /** The topic's forum; `null` when it is visible but not named (v1/topic-forum.ts). */
  forumId: number | null;
  communityOrigin: string;
  /** The read was made as the signed-in user: include their own vote. */
  personal?: boolean;
  /** Forum names, to name the bare ids of the older topic format (see {@link needsNames}). */
  names?: readonly ForumNames[];
}

export function toTopic(topic: UpstreamTopic, context: TopicContext): Topic {
  const up = nonNegative(topic.vote?.positive);
  const down = nonNegative(topic.vote?.negative);
  const metas = context.names ?? [];
  const type = resolveType(topic.type, metas);
  return {
    id: topic.id,
    forumId: topic.forum_id ?? context.forumId,
    title: topic.header,
    url: httpUrl(topic.url) ?? `${context.communityOrigin}/topics/${topic.id}/`,
    createdAt: isoDate(topic.created),
    updatedAt: isoDate(topic.updated ?? topic.created),
    type,
    status: resolveStatus(topic.status, type.id, metas),
    category:
      topic.category === undefined || topic.category === null
        ? null
        : resolveNamed(topic.category, metas, (meta) => meta.categories),
    tags: topic.tags.map((tag) => resolveNamed(tag, metas, (meta) => meta.tags)),
    votes: { score: topic.vote?.diff ?? up - down, up, down },
    commentCount: nonNegative(topic.comment_count),
    author: toAuthor(topic.author),
    ...(context.personal ? { myVote: ownVote(topic.vote?.current_user) } : {}),
  };
}

/** Whether drawing these topics needs their forum's names: some carry bare ids. */
export function needsNames(topics: readonly UpstreamTopic[]): boolean {
  return topics.some(
    (topic) =>
      typeof topic.status === "number" ||
      typeof topic.type === "number" ||
      typeof topic.category === "number" ||
      topic.tags.some((tag) => typeof tag === "number"),
  );
}

/** A reader's own vote as UserEcho says it (`vote.current_user`): 1, -1, or 0 for none. */
export function ownVote(value: number | null | undefined): -1 | 0 | 1 {
  return value === 1 ? 1 : value === -1 ? -1 : 0;
}

/** `sanitizeHtml` comes from `loadSanitizer()` (sanitize/lazy.ts), which the caller awaits. */
export function toTopicDetail(
  topic: UpstreamTopic,
  context: TopicContext,
  sanitizeHtml: SanitizeHtml,
): TopicDetail {
  return {
    ...toTopic(topic, context),
    descriptionHtml: sanitizeHtml(topic.description ?? ""),
  };
}

export function toComment(
  comment: UpstreamComment,
  topicId: number,
  sanitizeHtml: SanitizeHtml,
): Comment {
  return {
    id: comment.id,
    topicId,
    html: sanitizeHtml(comment.text ?? comment.comment ?? ""),
    isOfficial: comment.is_official === true,
    createdAt: isoDate(comment.created),
    author: toAuthor(comment.author),
  };
}

export function toForum(forum: UpstreamForum): Forum {
  return {
    id: forum.id,
    name: forum.name,
    description: forum.description?.trim() ? forum.description.trim() : null,
    isDefault: forum.is_default === true,
    topicCount: nonNegative(forum.topic_count),
  };
}

export function toTopUser(user: UpstreamUser, rank: number): TopUser {
  return {
    rank,
    id: user.id,
    name: user.display_name ?? user.name ?? "",
    avatarUrl: httpUrl(user.avatar_url),
    rating: typeof user.rating === "number" && Number.isFinite(user.rating) ? user.rating : 0,
  };
}

/** A type object, or a bare type id named from the forum's meta ("" when it is not there). */
function resolveType(value: UpstreamNamed | number, metas: readonly ForumNames[]) {
  if (typeof value !== "number") return named(value);
  const type = metas.flatMap((meta) => meta.types).find((candidate) => candidate.id === value);
  return { id: value, name: type?.name ?? "" };
}

/** A status object, or a bare status id: looked up in its type's statuses first. */
function resolveStatus(
  value: UpstreamStatus | number,
  typeId: number,
  metas: readonly ForumNames[],
) {
  if (typeof value !== "number") return toStatus(value);
  const types = metas.flatMap((meta) => meta.types);
  const ofType = types.find((type) => type.id === typeId)?.statuses ?? [];
  const found = [...ofType, ...types.flatMap((type) => type.statuses)].find(
    (status) => status.id === value,
  );
  return found ?? { id: value, name: "", color: DEFAULT_STATUS_COLOR };
}

function resolveNamed(
  value: UpstreamNamed | number,
  metas: readonly ForumNames[],
  list: (meta: ForumNames) => readonly { id: number; name: string }[],
) {
  if (typeof value !== "number") return named(value);
  const found = metas.flatMap(list).find((candidate) => candidate.id === value);
  return { id: value, name: found?.name ?? "" };
}

const DEFAULT_STATUS_COLOR = "#999999";

export function toStatus(status: UpstreamStatus): Status {
  const color = status.color?.trim().toLowerCase().replace(/^#/, "") ?? "";
  return {
    id: status.id,
    name: status.name ?? "",
    color: /^[0-9a-f]{6}$/.test(color) ? `#${color}` : DEFAULT_STATUS_COLOR,
  };
}

export function toAuthor(author: UpstreamAuthor | null | undefined): Author {
  return {
    id: typeof author?.id === "number" && author.id > 0 ? author.id : null,
    name: author?.name ?? author?.display_name ?? "",
    avatarUrl: httpUrl(author?.avatar_url),
  };
}

function named(value: UpstreamNamed): { id: number; name: string } {
  return { id: value.id, name: value.name ?? "" };
}

function nonNegative(value: number | null | undefined): number {
  return typeof value === "number" && value > 0 ? value : 0;
}

/** Only absolute http(s) URLs pass: a `javascript:` avatar must never reach an `<img src>`. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function isoDate(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UpstreamError("UserEcho sent an invalid timestamp.");
  return new Date(time).toISOString();
}
