import type {
  Author,
  Comment,
  Forum,
  ForumMeta,
  OwnVote,
  Status,
  Topic,
  TopicDetail,
  TopUser,
} from "@userecho-edge/shared";
import type { SanitizeHtml } from "../sanitize/lazy.ts";
import type {
  UpstreamAuthor,
  UpstreamComment,
  UpstreamForum,
  UpstreamNamed,
  UpstreamStatus,
  UpstreamTopic,
  UpstreamUser,
} from "../upstream/model.ts";

/** A forum's types with their statuses, its categories and its tags (board/forum-meta.ts). */
type ForumNames = Pick<ForumMeta, "types" | "categories" | "tags">;

/**
 * Upstream entities → our DTOs. Only what an end user may see is copied; everything else
 * (e-mails, staff flags, custom fields) stays behind. What UserEcho did not say stays unsaid
 * (`null`), never made up.
 */

/** How a topic is drawn: its forum, the community's origin, and whose read it was. */
export interface TopicContext {
  /** The topic's forum; `null` when it is visible but not named (board/forum-proof.ts). */
  forumId: number | null;
  /** The community's origin: topic links, avatars and rich text may be relative to it. */
  communityOrigin: string;
  /** The read was made as the signed-in user: include their own vote. */
  personal?: boolean;
  /** Forum names, to name what UserEcho sent as bare ids (see {@link needsNames}). */
  names?: readonly ForumNames[];
}

export function toTopic(topic: UpstreamTopic, context: TopicContext): Topic {
  const up = topic.vote?.positive ?? 0;
  const down = topic.vote?.negative ?? 0;
  const metas = context.names ?? [];
  const type = topic.type ? resolveNamed(topic.type, metas, (meta) => meta.types) : null;
  return {
    id: topic.id,
    forumId: topic.forum_id ?? context.forumId,
    title: topic.header,
    url:
      httpUrl(topic.url, context.communityOrigin) ??
      `${context.communityOrigin}/topics/${topic.id}/`,
    createdAt: topic.created ?? null,
    updatedAt: topic.updated ?? null,
    type,
    status: topic.status ? resolveStatus(topic.status, type?.id, metas) : null,
    category: topic.category
      ? resolveNamed(topic.category, metas, (meta) => meta.categories)
      : null,
    tags: (topic.tags ?? []).map((tag) => resolveNamed(tag, metas, (meta) => meta.tags)),
    votes: { score: topic.vote?.diff ?? up - down, up, down },
    commentCount: topic.comment_count ?? 0,
    author: toAuthor(topic.author, context.communityOrigin),
    ...(context.personal ? { myVote: ownVote(topic.vote?.current_user) } : {}),
  };
}

/** Whether drawing these topics needs their forum's names: some carry bare ids. */
export function needsNames(topics: readonly UpstreamTopic[]): boolean {
  return topics.some(
    (topic) =>
      (topic.status !== undefined && topic.status.name === undefined) ||
      (topic.type !== undefined && topic.type.name === undefined) ||
      (topic.category != null && topic.category.name === undefined) ||
      (topic.tags ?? []).some((tag) => tag.name === undefined),
  );
}

/**
 * A reader's own vote as UserEcho says it (`vote.current_user`): the votes they gave (a user
 * group may give up to 5 a topic), negative for a vote down, 0 for none.
 */
export function ownVote(value: number | undefined): OwnVote {
  if (value === undefined || !Number.isInteger(value)) return 0;
  return Math.max(-5, Math.min(5, value));
}

/** `sanitizeHtml` comes from `loadSanitizer()` (sanitize/lazy.ts), which the caller awaits. */
export function toTopicDetail(
  topic: UpstreamTopic,
  context: TopicContext,
  sanitizeHtml: SanitizeHtml,
): TopicDetail {
  const description = sanitizeHtml(topic.description ?? "", { base: context.communityOrigin });
  return {
    ...toTopic(topic, context),
    descriptionHtml: description.html,
    truncated: description.truncated,
  };
}

export function toComment(
  comment: UpstreamComment,
  topicId: number,
  communityOrigin: string,
  sanitizeHtml: SanitizeHtml,
): Comment {
  const text = sanitizeHtml(comment.text ?? "", { base: communityOrigin });
  return {
    id: comment.id,
    topicId,
    html: text.html,
    truncated: text.truncated,
    isOfficial: comment.is_official === true,
    createdAt: comment.created ?? null,
    author: toAuthor(comment.author, communityOrigin),
  };
}

export function toForum(forum: UpstreamForum): Forum {
  return {
    id: forum.id,
    name: forum.name,
    description: forum.description?.trim() ? forum.description.trim() : null,
    isDefault: forum.is_default === true,
    topicCount: forum.topic_count ?? 0,
  };
}

export function toTopUser(user: UpstreamUser, rank: number, communityOrigin: string): TopUser {
  return {
    rank,
    id: user.id,
    name: user.name ?? "",
    avatarUrl: httpUrl(user.avatar_url, communityOrigin),
    rating: user.rating ?? 0,
  };
}

/** A name UserEcho sent, or one looked up in the forum's meta for a bare id ("" when unknown). */
function resolveNamed(
  value: UpstreamNamed,
  metas: readonly ForumNames[],
  list: (meta: ForumNames) => readonly { id: number; name: string }[],
): { id: number; name: string } {
  if (value.name !== undefined) return { id: value.id, name: value.name };
  const found = metas.flatMap(list).find((candidate) => candidate.id === value.id);
  return { id: value.id, name: found?.name ?? "" };
}

/** A status with its name and colour, or a bare status id: looked up in its type's first. */
function resolveStatus(
  value: UpstreamStatus,
  typeId: number | undefined,
  metas: readonly ForumNames[],
): Status {
  if (value.name !== undefined) return toStatus(value);
  const types = metas.flatMap((meta) => meta.types);
  const ofType = types.find((type) => type.id === typeId)?.statuses ?? [];
  const found = [...ofType, ...types.flatMap((type) => type.statuses)].find(
    (status) => status.id === value.id,
  );
  return found ?? toStatus(value);
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

export function toAuthor(author: UpstreamAuthor | undefined, communityOrigin: string): Author {
  return {
    id: author?.id ?? null,
    name: author?.name ?? "",
    avatarUrl: httpUrl(author?.avatar_url, communityOrigin),
  };
}

/**
 * An http(s) URL, a relative one resolved against the community first; anything else is null:
 * a `javascript:` avatar must never reach an `<img src>`.
 */
export function httpUrl(value: string | undefined, base: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
