import type * as z from "zod/mini";
import {
  ADMIN_PURGE,
  FORUMS,
  FORUM_META,
  FORUM_MY_VOTES,
  FORUM_TOPICS,
  HOOK_USERECHO,
  HEALTH,
  OPENAPI_DOCUMENT,
  SSO_LINK,
  TOPIC,
  TOPIC_COMMENTS,
  TOPIC_VOTES,
  TOP_USERS,
} from "./paths.ts";
import { ForumPath, HookPath, PageQuery, TopicListQuery, TopicPath } from "./queries.ts";
import {
  Comment,
  CommentPage,
  CreateCommentRequest,
  CreateTopicRequest,
  ForumList,
  ForumMeta,
  Health,
  HookAck,
  HookDelivery,
  PurgeRequest,
  PurgeResult,
  MyVotes,
  SsoLink,
  SsoLinkRequest,
  TopicDetail,
  TopicPage,
  TopUserPage,
  VoteRequest,
  VoteResult,
} from "./schemas.ts";

/**
 * Every route of `/v1`, declared once: its path, parameters, body and answers. The worker
 * registers its handlers against these declarations (which also validate the input), and the
 * OpenAPI document is generated from them (openapi.ts), so the two cannot drift apart.
 */
export interface Route {
  /** Stable: partners generate clients from it. */
  readonly operationId: string;
  readonly method: "get" | "post";
  /** OpenAPI template, `{name}` for path parameters; one of paths.ts. */
  readonly path: `/v1/${string}`;
  readonly summary: string;
  /** What a caller needs to know beyond the summary. */
  readonly description: string;
  readonly tags: readonly RouteTag[];
  /**
   * Who may call it: `read` anyone (anonymously, with a partner key or as a signed-in user);
   * `user` a signed-in user only (a site JWT, `Authorization: Bearer`); `admin` an admin key;
   * `webhook` UserEcho, proven by the secret in the path and, when the worker has the webhook
   * key, by `X-UE-Signature` (any content type; the body is read raw for the signature).
   */
  readonly auth: "read" | "user" | "admin" | "webhook";
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  /** Honours `Idempotency-Key`: a retry with the same key replays the first result. */
  readonly idempotent?: true;
  /** The answer is cached at the edge: `ETag`, 304 and `Cache-Status` (and `Link` for lists). */
  readonly cached?: "item" | "list";
  readonly success: { readonly status: 200 | 201; readonly description: string } & (
    { readonly schema: z.ZodMiniType } | { readonly document: true }
  );
  /**
   * Failures particular to the route, on top of those its guards (guards.ts) and every route of
   * its kind have; a status given here replaces theirs.
   */
  readonly problems?: Readonly<Record<number, string>>;
}

/**
 * The `/v1` contract's version, in the OpenAPI document and `GET /v1/health`. A change a strict
 * client would refuse is a new major version; README, "API versions", says what each changed.
 */
export const API_VERSION = "2.0.0";

export const TAGS = {
  forums: "A forum's topics, its metadata, and the visitor's own votes",
  topics: "One topic, its comments, and what a signed-in user writes",
  users: "The leaderboard",
  sso: "Signing users in to the community",
  admin: "What the operator of the worker does: purging the cache",
  hooks: "What UserEcho tells the worker: webhooks",
  service: "The API itself",
} as const;
export type RouteTag = keyof typeof TAGS;

/** Declares a route, keeping its literal types for the handler's input. */
function route<const R extends Route>(declaration: R): R {
  return declaration;
}

export const routes = {
  listForums: route({
    operationId: "listForums",
    method: "get",
    path: FORUMS,
    summary: "Public forums",
    description:
      "The forums of the community a board may show: public ones, further restricted by the worker's ALLOWED_FORUMS. Cached at the edge.",
    tags: ["forums"],
    auth: "read",
    cached: "item",
    success: { status: 200, description: "The visible forums", schema: ForumList },
  }),
  getForumMeta: route({
    operationId: "getForumMeta",
    method: "get",
    path: FORUM_META,
    summary: "A forum's types with their statuses, categories and tags, and what UserEcho honours",
    description:
      "Types with their statuses, categories and tags in one response, plus the sorts and filters UserEcho honours for this worker (offer only those), the community's URL, and how votes are cast. Cached at the edge.",
    tags: ["forums"],
    auth: "read",
    params: ForumPath,
    cached: "item",
    success: { status: 200, description: "The forum's metadata", schema: ForumMeta },
  }),
  listTopics: route({
    operationId: "listTopics",
    method: "get",
    path: FORUM_TOPICS,
    summary: "A page of a forum's topics; `q` searches",
    description:
      "A page of topics, sorted and filtered. `applied` says what the page was built with: a sort or filter UserEcho refuses or ignores falls back instead of failing. With `q`, UserEcho's search, in its own order, never shared between visitors. Cached at the edge otherwise.",
    tags: ["forums"],
    auth: "read",
    params: ForumPath,
    query: TopicListQuery,
    cached: "list",
    success: { status: 200, description: "A page of topics", schema: TopicPage },
  }),
  getMyVotes: route({
    operationId: "getMyVotes",
    method: "get",
    path: FORUM_MY_VOTES,
    summary:
      "The signed-in visitor's own votes on the page of topics the same query gives (a personal overlay on the shared list)",
    description:
      "For each topic of the page the same query gives, the signed-in visitor's own vote (0 for none), read from UserEcho as the visitor. Lets a client keep showing the shared, cached page and lay the visitor's votes over it. Never cached.",
    tags: ["forums"],
    auth: "user",
    params: ForumPath,
    query: TopicListQuery,
    success: { status: 200, description: "The visitor's vote on each topic", schema: MyVotes },
  }),
  createTopic: route({
    operationId: "createTopic",
    method: "post",
    path: FORUM_TOPICS,
    summary: "Create a topic as the signed-in user",
    description:
      "Posts a topic in the forum as the signed-in user. The description is shown exactly as typed unless `format` is `html`. Type, category and tags must be the forum's own. Honours Idempotency-Key.",
    tags: ["topics"],
    auth: "user",
    idempotent: true,
    params: ForumPath,
    body: CreateTopicRequest,
    success: { status: 201, description: "The new topic", schema: TopicDetail },
  }),
  getTopic: route({
    operationId: "getTopic",
    method: "get",
    path: TOPIC,
    summary: "One topic with its sanitised description",
    description:
      "One topic, from a visible forum only (any other answers 404, whether hidden or missing), with its description sanitised against an allow-list. Cached at the edge.",
    tags: ["topics"],
    auth: "read",
    params: TopicPath,
    cached: "item",
    success: { status: 200, description: "The topic", schema: TopicDetail },
  }),
  listComments: route({
    operationId: "listComments",
    method: "get",
    path: TOPIC_COMMENTS,
    summary: "A page of a topic's comments, oldest first",
    description:
      "A page of a topic's comments, oldest first, sanitised. UserEcho gives no total for comments: `total` is null and `hasNext` says whether the page was full.",
    tags: ["topics"],
    auth: "read",
    params: TopicPath,
    query: PageQuery,
    cached: "list",
    success: { status: 200, description: "A page of comments", schema: CommentPage },
  }),
  createComment: route({
    operationId: "createComment",
    method: "post",
    path: TOPIC_COMMENTS,
    summary: "Comment as the signed-in user",
    description:
      "Comments on a topic as the signed-in user; the text is shown exactly as typed unless `format` is `html`. Honours Idempotency-Key.",
    tags: ["topics"],
    auth: "user",
    idempotent: true,
    params: TopicPath,
    body: CreateCommentRequest,
    success: { status: 201, description: "The new comment", schema: Comment },
  }),
  voteOnTopic: route({
    operationId: "voteOnTopic",
    method: "post",
    path: TOPIC_VOTES,
    summary: "Vote as the signed-in user (only when forum meta says voting: inline)",
    description:
      "Votes up (1), down (-1) or withdraws (0) as the signed-in user, when forum meta says `voting: inline`; otherwise answers 409 and the client hands the visitor to the topic's page on the community (POST /v1/sso/link). Honours Idempotency-Key.",
    tags: ["topics"],
    auth: "user",
    idempotent: true,
    params: TopicPath,
    body: VoteRequest,
    success: { status: 200, description: "The new vote totals", schema: VoteResult },
    problems: { 409: "Voting hands off to the community (forum meta says voting: community)" },
  }),
  listTopUsers: route({
    operationId: "listTopUsers",
    method: "get",
    path: TOP_USERS,
    summary: "Leaderboard by rating",
    description:
      "Users by rating. When UserEcho cannot sort them, the worker ranks up to 1,000 users itself; `exact` says whether that covered everyone.",
    tags: ["users"],
    auth: "read",
    query: PageQuery,
    cached: "list",
    success: { status: 200, description: "A page of the leaderboard", schema: TopUserPage },
  }),
  createSsoLink: route({
    operationId: "createSsoLink",
    method: "post",
    path: SSO_LINK,
    summary:
      "A community URL that lands the signed-in user signed in (returnTo on the community host only)",
    description:
      "A URL on the community that signs the user in there with a fresh sso_token, expiring no later than the site's token. `returnTo` must be on the community host.",
    tags: ["sso"],
    auth: "user",
    body: SsoLinkRequest,
    success: { status: 200, description: "The signed-in link", schema: SsoLink },
  }),
  purgeCache: route({
    operationId: "purgeCache",
    method: "post",
    path: ADMIN_PURGE,
    summary: "Purge cached answers, after a change made in UserEcho's admin",
    description:
      "Moves the cache generations of a forum, a topic or everything forward, so the next read of them asks UserEcho again. For an admin key (`X-Api-Key`, one of ADMIN_KEYS) only: no key answers 401, a partner key or a site user 403. Reaches every location when CACHE_KV is bound, else only the location that ran it.",
    tags: ["admin"],
    auth: "admin",
    body: PurgeRequest,
    success: { status: 200, description: "What was purged", schema: PurgeResult },
  }),
  receiveUserEchoHook: route({
    operationId: "receiveUserEchoHook",
    method: "post",
    path: HOOK_USERECHO,
    summary: "A webhook delivery from UserEcho: purges what the event changed",
    description:
      "UserEcho POSTs here when a topic or comment is created, accepted or deleted. The path carries the worker's USERECHO_WEBHOOK_TOKEN; when USERECHO_WEBHOOK_KEY is set, X-UE-Signature (HMAC-SHA1, hex) must match too, over the body or over the word POST (UserEcho's text allows both readings). Answers 200 at once and purges in the background; an event the board does not show answers 200 and is ignored. A wrong token or signature answers 401 and counts against the caller's rate limit. Never calls UserEcho while answering.",
    tags: ["hooks"],
    auth: "webhook",
    params: HookPath,
    body: HookDelivery,
    success: { status: 200, description: "Accepted", schema: HookAck },
  }),
  getHealth: route({
    operationId: "getHealth",
    method: "get",
    path: HEALTH,
    summary: "Liveness; does not call UserEcho",
    description: "Liveness and the contract's version. Never calls UserEcho.",
    tags: ["service"],
    auth: "read",
    success: { status: 200, description: "Up", schema: Health },
  }),
  getOpenApiDocument: route({
    operationId: "getOpenApiDocument",
    method: "get",
    path: OPENAPI_DOCUMENT,
    summary: "This document",
    description:
      "This OpenAPI 3.1 document, generated from the same declarations the worker validates with.",
    tags: ["service"],
    auth: "read",
    success: { status: 200, description: "OpenAPI 3.1", document: true },
  }),
} as const satisfies Readonly<Record<string, Route>>;

export type Routes = typeof routes;
