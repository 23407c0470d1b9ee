import type {
  Comment,
  MyVotes,
  CreateCommentRequest,
  CreateTopicRequest,
  SsoLink,
  SsoLinkRequest,
  TopicDetail,
  VoteResult,
  VoteValue,
} from "@userecho-edge/shared";
import { idempotencyKey } from "../internal/idempotency.ts";
import { query, type EdgeApi, type TopicListRequest } from "./client.ts";

/**
 * The calls of the `/v1` API made as the signed-in visitor: the writes, and the visitor's own
 * votes. Apart from `EdgeApi` so the first render does not carry them: only actions (lazily
 * loaded) import this module.
 */
export interface WriteOptions {
  /** The visitor's site JWT. */
  token: string;
  /** One per user action; a fresh random UUID by default. Reuse it to retry that action. */
  idempotencyKey?: string;
}

/** `POST /v1/forums/:id/topics` → the new topic. */
export function createTopic(
  api: EdgeApi,
  forum: number,
  body: CreateTopicRequest,
  options: WriteOptions,
): Promise<TopicDetail> {
  return api.request("POST", `/v1/forums/${forum}/topics`, {
    idempotencyKey: idempotencyKey(),
    ...options,
    body,
  });
}

/** `POST /v1/topics/:id/comments` → the new comment. */
export function createComment(
  api: EdgeApi,
  topic: number,
  body: CreateCommentRequest,
  options: WriteOptions,
): Promise<Comment> {
  return api.request("POST", `/v1/topics/${topic}/comments`, {
    idempotencyKey: idempotencyKey(),
    ...options,
    body,
  });
}

/** `POST /v1/topics/:id/votes` (forums whose meta says `voting: "inline"`). */
export function vote(
  api: EdgeApi,
  topic: number,
  value: VoteValue,
  options: WriteOptions,
): Promise<VoteResult> {
  return api.request("POST", `/v1/topics/${topic}/votes`, {
    idempotencyKey: idempotencyKey(),
    ...options,
    body: { value },
  });
}

/** `POST /v1/sso/link` → a community URL that lands the visitor signed in. */
export function ssoLink(
  api: EdgeApi,
  body: SsoLinkRequest,
  options: WriteOptions,
): Promise<SsoLink> {
  return api.request("POST", "/v1/sso/link", {
    idempotencyKey: idempotencyKey(),
    ...options,
    body,
  });
}

/**
 * `GET /v1/forums/:id/my-votes`: the visitor's own vote on each topic of the page `request`
 * gives, to lay over the shared (cached) list, which never carries it.
 */
export function myVotes(
  api: EdgeApi,
  request: TopicListRequest,
  options: Pick<WriteOptions, "token">,
): Promise<MyVotes> {
  const { forum, ...rest } = request;
  return api.request("GET", `/v1/forums/${forum}/my-votes${query(rest)}`, options);
}
