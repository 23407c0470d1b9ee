import type {
  Comment,
  CreateCommentRequest,
  CreateTopicRequest,
  SsoLink,
  SsoLinkRequest,
  TopicDetail,
  VoteResult,
  VoteValue,
} from "@userecho-edge/shared";
import { FORUM_TOPICS, SSO_LINK, TOPIC_COMMENTS, TOPIC_VOTES } from "@userecho-edge/shared/paths";
import { idempotencyKey } from "../internal/idempotency.ts";
import type { EdgeApi } from "./client.ts";

/**
 * The writes of the `/v1` API, made as the signed-in visitor, by name: each is `EdgeApi.post`
 * on its route, with a fresh `Idempotency-Key` unless one is given. Apart from `EdgeApi` so the
 * first render does not carry them: only actions (loaded lazily) import this module.
 */
export interface WriteOptions {
  /** The visitor's site JWT. */
  token: string;
  /** One per user action; a fresh random UUID by default. Reuse it to retry that action. */
  idempotencyKey?: string;
}

const once = (options: WriteOptions) => ({ idempotencyKey: idempotencyKey(), ...options });

/** `POST /v1/forums/{forumId}/topics` → the new topic. */
export function createTopic(
  api: EdgeApi,
  forum: number,
  body: CreateTopicRequest,
  options: WriteOptions,
): Promise<TopicDetail> {
  return api.post(FORUM_TOPICS, { params: { forumId: forum }, body }, once(options));
}

/** `POST /v1/topics/{topicId}/comments` → the new comment. */
export function createComment(
  api: EdgeApi,
  topic: number,
  body: CreateCommentRequest,
  options: WriteOptions,
): Promise<Comment> {
  return api.post(TOPIC_COMMENTS, { params: { topicId: topic }, body }, once(options));
}

/** `POST /v1/topics/{topicId}/votes` (forums whose meta says `voting: "inline"`). */
export function vote(
  api: EdgeApi,
  topic: number,
  value: VoteValue,
  options: WriteOptions,
): Promise<VoteResult> {
  return api.post(TOPIC_VOTES, { params: { topicId: topic }, body: { value } }, once(options));
}

/** `POST /v1/sso/link` → a community URL that lands the visitor signed in. */
export function ssoLink(
  api: EdgeApi,
  body: SsoLinkRequest,
  options: WriteOptions,
): Promise<SsoLink> {
  return api.post(SSO_LINK, { body }, once(options));
}
