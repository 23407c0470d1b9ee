import { Hono, type Context, type MiddlewareHandler } from "hono";
import {
  Comment,
  CreateCommentRequest,
  CreateTopicRequest,
  IdPath,
  type TextFormat,
  TopicDetail,
  VoteRequest,
  VoteResult,
} from "@userecho-edge/shared";
import { generations } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import {
  ForbiddenOriginError,
  InvalidBodyError,
  RateLimitedError,
  VotingHandoffError,
} from "../errors/index.ts";
import type { Identity } from "../identity/index.ts";
import { idempotent, type RecordedResponse } from "../idempotency/index.ts";
import { sha256Hex } from "../partners/index.ts";
import { plainTextToHtml, sanitizeHtml } from "../sanitize/index.ts";
import { readJsonBody } from "./body.ts";
import { type ForumNames, loadForumNames } from "./forums.ts";
import type { UpstreamTopic } from "../upstream/schemas.ts";
import { toComment, toTopicDetail } from "./mappers.ts";
import { learnTopicForum } from "./topic-forum.ts";
import { loadVisibleTopic } from "./topics.ts";
import { requireIdentity, userClient } from "./user-client.ts";
import { parsePath } from "./validation.ts";
import { requireVisibleForum, visibility } from "./visibility.ts";

/** Period of WRITE_RATE_LIMITER in wrangler.toml. */
const WRITE_LIMIT_PERIOD_SECONDS = 60;

export const actions = new Hono<AppEnv>();

/**
 * Every write: from an allowed origin (a CSRF defence on top of the bearer token), by a
 * signed-in user, within the user's rate limit.
 */
export const guardWrites: MiddlewareHandler<AppEnv> = async function guardWrites(c, next) {
  const origin = c.req.header("Origin");
  const sameOrigin = origin !== undefined && origin === new URL(c.req.url).origin;
  if (!origin || !(sameOrigin || c.get("config").allowedOrigins(origin))) {
    throw new ForbiddenOriginError();
  }
  const identity = requireIdentity(c);
  const { success } = await c.env.WRITE_RATE_LIMITER.limit({ key: `user:${identity.subject}` });
  if (!success) throw new RateLimitedError(WRITE_LIMIT_PERIOD_SECONDS);
  await next();
};

actions.post("/forums/:forumId/topics", guardWrites, async (c) => {
  const forumId = parsePath(IdPath, "forumId", c.req.param("forumId"));
  const { value: input, raw } = await readJsonBody(c, CreateTopicRequest);
  await requireVisibleForum(c, forumId);
  const meta = await loadForumNames(c, forumId);
  checkAgainstMeta(meta, input);
  return write(c, `topics:${forumId}`, raw, async () => {
    const user = await userClient(c);
    const description = input.description ? userHtml(input.description, input.format) : undefined;
    const written = await user.createTopic(forumId, {
      header: input.title,
      type: input.type,
      ...(description === undefined ? {} : { description }),
      ...(input.category === undefined ? {} : { category: input.category }),
      ...(input.tags === undefined ? {} : { tags: input.tags }),
    });
    await bump(c, [`forum:${forumId}`, `topic:${written.id}`]);
    // Only the new id is certain in UserEcho's answer: read the topic back when the answer is
    // not all of it, and describe it from what was sent when even that fails.
    const topic =
      written.object ??
      (await user.getTopic(written.id).catch(() => undefined)) ??
      sentTopic(written.id, input, description, meta, requireIdentity(c));
    learnTopicForum(forumId, [topic]);
    const body = TopicDetail.parse(
      toTopicDetail(topic, { ...topicContext(c, forumId), names: [meta] }),
    );
    return created(body, `/v1/topics/${topic.id}`);
  });
});

actions.post("/topics/:topicId/comments", guardWrites, async (c) => {
  const topicId = parsePath(IdPath, "topicId", c.req.param("topicId"));
  const { value: input, raw } = await readJsonBody(c, CreateCommentRequest);
  const { forumId } = await loadVisibleTopic(c, topicId);
  return write(c, `comments:${topicId}`, raw, async () => {
    const user = await userClient(c);
    const text = userHtml(input.text, input.format);
    const written = await user.createComment(topicId, text);
    await bump(c, [...(await forumScopes(c, forumId)), `topic:${topicId}`]);
    // UserEcho's answer may be just the id: the rest is what was sent, by whom, now.
    const comment = written.object ?? {
      id: written.id,
      text,
      created: new Date().toISOString(),
      author: authorOf(requireIdentity(c)),
    };
    return created(Comment.parse(toComment(comment, topicId)), `/v1/topics/${topicId}/comments`);
  });
});

actions.post("/topics/:topicId/votes", guardWrites, async (c) => {
  const topicId = parsePath(IdPath, "topicId", c.req.param("topicId"));
  const { value: input, raw } = await readJsonBody(c, VoteRequest);
  if (c.get("config").voting !== "inline") throw new VotingHandoffError();
  const { forumId } = await loadVisibleTopic(c, topicId);
  return write(c, `votes:${topicId}`, raw, async () => {
    const user = await userClient(c);
    const written = await user.vote(topicId, input.value);
    await bump(c, [...(await forumScopes(c, forumId)), `topic:${topicId}`]);
    const topic = written.object ?? (await user.getTopic(topicId));
    const detail = toTopicDetail(topic, { ...topicContext(c, forumId), personal: true });
    const body = VoteResult.parse({ topicId, votes: detail.votes, myVote: detail.myVote ?? 0 });
    return { status: 200, body: JSON.stringify(body), headers: {} };
  });
});

function topicContext(c: Context<AppEnv>, forumId: number | null) {
  return { forumId, communityOrigin: c.get("config").communityOrigin, personal: true };
}

/** The generation scopes of a topic's forum: every visible forum when it is not named. */
async function forumScopes(c: Context<AppEnv>, forumId: number | null): Promise<string[]> {
  if (forumId !== null) return [`forum:${forumId}`];
  return (await visibility(c)).items.map((forum) => `forum:${forum.id}`);
}

/** The signed-in user as UserEcho would show them on what they wrote. */
function authorOf(identity: Identity) {
  return { name: identity.name, avatar_url: identity.picture ?? null };
}

/** A new topic described from what was sent, when UserEcho's answer and a re-read both fail. */
function sentTopic(
  id: number,
  input: CreateTopicRequest,
  description: string | undefined,
  meta: ForumNames,
  identity: Identity,
): UpstreamTopic {
  const now = new Date().toISOString();
  // A new topic has the first status of its type: the "no status yet" one.
  const status = meta.types.find((type) => type.id === input.type)?.statuses[0]?.id ?? 1;
  return {
    id,
    header: input.title,
    description: description ?? "",
    created: now,
    updated: now,
    status,
    type: input.type,
    category: input.category ?? null,
    tags: input.tags ?? [],
    comment_count: 0,
    author: authorOf(identity),
    vote: { diff: 0, positive: 0, negative: 0, current_user: 0 },
  };
}

/** Runs a write once per Idempotency-Key and answers with its (possibly replayed) result. */
async function write(
  c: Context<AppEnv>,
  action: string,
  rawBody: string,
  perform: () => Promise<RecordedResponse>,
): Promise<Response> {
  const identity = requireIdentity(c);
  const { response, replayed } = await idempotent(
    c.env.IDEMPOTENCY,
    {
      scope: `${identity.subject}\n${action}`,
      key: c.req.header("Idempotency-Key"),
      fingerprint: await sha256Hex(`${action}\n${rawBody}`),
    },
    perform,
  );
  return new Response(response.body, {
    status: response.status,
    headers: {
      ...response.headers,
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "private, no-store",
      ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
}

function created(body: unknown, location: string): RecordedResponse {
  return { status: 201, body: JSON.stringify(body), headers: { Location: location } };
}

/** New generations for the written scopes: the next read of them misses and shows the write. */
async function bump(c: Context<AppEnv>, scopes: string[]): Promise<void> {
  const registry = generations(c.env);
  await Promise.all(scopes.map((scope) => registry.bump(scope)));
}

/** Type, category and tags must be the forum's own; saying so here beats UserEcho's 400. */
function checkAgainstMeta(meta: ForumNames, input: CreateTopicRequest): void {
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
function userHtml(text: string, format: TextFormat = "text"): string {
  return format === "html" ? sanitizeHtml(text, { subset: "write" }) : plainTextToHtml(text);
}
