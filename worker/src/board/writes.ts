import type { Context } from "hono";
import type { CreateTopicRequest, TextFormat } from "@userecho-edge/shared";
import type { AppEnv } from "../env.ts";
import { InvalidBodyError } from "../errors/index.ts";
import type { Identity } from "../identity/index.ts";
import { loadSanitizer } from "../sanitize/lazy.ts";
import { plainTextToHtml } from "../sanitize/plain-text.ts";
import type { UpstreamTopic } from "../upstream/model.ts";
import type { ForumNames } from "./forum-names.ts";
import { visibility } from "./visibility.ts";

/** How a topic written by the signed-in user is drawn. */
export function topicContext(c: Context<AppEnv>, forumId: number | null) {
  return { forumId, communityOrigin: c.get("config").communityOrigin, personal: true };
}

/** The generation scopes of a topic's forum: every visible forum when it is not named. */
export async function forumScopes(c: Context<AppEnv>, forumId: number | null): Promise<string[]> {
  if (forumId !== null) return [`forum:${forumId}`];
  return (await visibility(c)).items.map((forum) => `forum:${forum.id}`);
}

/** The signed-in user as UserEcho would show them on what they wrote. */
export function authorOf(identity: Identity) {
  return { id: undefined, name: identity.name, avatar_url: identity.picture };
}

/** A new topic described from what was sent, when UserEcho's answer and a re-read both fail. */
export function sentTopic(
  id: number,
  input: CreateTopicRequest,
  description: string | undefined,
  meta: ForumNames,
  identity: Identity,
): UpstreamTopic {
  const now = new Date().toISOString();
  // A new topic has the first status of its type: the "no status yet" one.
  const status = meta.types.find((type) => type.id === input.type)?.statuses[0];
  return {
    id,
    header: input.title,
    description: description ?? "",
    created: now,
    updated: now,
    status: status && { id: status.id, name: status.name, color: status.color },
    type: { id: input.type, name: undefined },
    category: input.category === undefined ? null : { id: input.category, name: undefined },
    tags: (input.tags ?? []).map((tag) => ({ id: tag, name: undefined })),
    comment_count: 0,
    author: authorOf(identity),
    vote: { diff: 0, positive: 0, negative: 0, current_user: 0 },
    url: undefined,
    forum_id: undefined,
  };
}

/** Type, category and tags must be the forum's own; saying so here beats UserEcho's 400. */
export function checkAgainstMeta(meta: ForumNames, input: CreateTopicRequest): void {
  if (!meta.types.some((t) => t.id === input.type)) {
    throw new InvalidBodyError("type: is not a topic type of this forum", "type");
  }
  if (input.category !== undefined && !meta.categories.some((x) => x.id === input.category)) {
    throw new InvalidBodyError("category: is not a category of this forum", "category");
  }
  const unknownTag = input.tags?.find((tag) => !meta.tags.some((t) => t.id === tag));
  if (unknownTag !== undefined) {
    throw new InvalidBodyError(`tags: ${unknownTag} is not a tag of this forum`, "tags");
  }
}

/**
 * What a visitor typed, as the HTML UserEcho stores: plain text shown exactly as typed unless
 * the caller asked for markup explicitly; markup goes through the sanitiser's write subset (no
 * images, tables or headings). Nothing is guessed from the text itself: "<video>" typed in a
 * text box is text.
 */
export async function userHtml(text: string, format: TextFormat = "text"): Promise<string> {
  if (format !== "html") return plainTextToHtml(text);
  return (await loadSanitizer())(text, { subset: "write" }).html;
}
