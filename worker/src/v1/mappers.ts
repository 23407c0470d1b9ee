import type {
  Author,
  Comment,
  Forum,
  Status,
  Topic,
  TopicDetail,
  TopUser,
} from "@userecho-edge/shared";
import { UpstreamError } from "../errors/index.ts";
import { sanitizeHtml } from "../sanitize/index.ts";
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
/**
 * @param personal The read was made as the signed-in user: include their own vote.
 */
export function toTopic(
  topic: UpstreamTopic,
  forumId: number,
  communityOrigin: string,
  personal = false,
): Topic {
  const up = nonNegative(topic.vote?.positive);
  const down = nonNegative(topic.vote?.negative);
  return {
    id: topic.id,
    forumId: topic.forum_id ?? forumId,
    title: topic.header,
    url: httpUrl(topic.url) ?? `${communityOrigin}/topics/${topic.id}/`,
    createdAt: isoDate(topic.created),
    updatedAt: isoDate(topic.updated ?? topic.created),
    type: named(topic.type),
    status: toStatus(topic.status),
    category: topic.category ? named(topic.category) : null,
    tags: (topic.tags ?? []).map(named),
    votes: { score: topic.vote?.diff ?? up - down, up, down },
    commentCount: nonNegative(topic.comment_count),
    author: toAuthor(topic.author),
    ...(personal ? { myVote: voteValue(topic.vote?.current_user) } : {}),
  };
}

function voteValue(value: number | null | undefined): -1 | 0 | 1 {
  return value === 1 ? 1 : value === -1 ? -1 : 0;
}

export function toTopicDetail(
  topic: UpstreamTopic,
  forumId: number,
  communityOrigin: string,
  personal = false,
): TopicDetail {
  return {
    ...toTopic(topic, forumId, communityOrigin, personal),
    descriptionHtml: sanitizeHtml(topic.description ?? ""),
  };
}

export function toComment(comment: UpstreamComment, topicId: number): Comment {
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

export function toStatus(status: UpstreamStatus): Status {
  const color = status.color?.trim().toLowerCase().replace(/^#/, "") ?? "";
  return {
    id: status.id,
    name: status.name ?? "",
    color: /^[0-9a-f]{6}$/.test(color) ? `#${color}` : "#999999",
  };
}

export function toAuthor(author: UpstreamAuthor): Author {
  return {
    id: author.id,
    name: author.name ?? author.display_name ?? "",
    avatarUrl: httpUrl(author.avatar_url),
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
