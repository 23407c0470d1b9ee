import { ApiRequestError } from "../api/client.ts";
import type {
  Comment,
  PageInfo,
  Problem,
  TopicDetail,
  OwnVote,
  Votes,
} from "@userecho-edge/shared";

/** What the visitor tried to do when something needed a sign-in or failed. */
export type UserAction = "vote" | "submit" | "comment" | "continue";

/** `userecho-sign-in-request`: an action needs a signed-in visitor and there is no token. */
export interface SignInRequestDetail {
  action: UserAction;
  /** The topic acted on, if any. */
  topicId?: number;
}

/** `userecho-vote`: the worker accepted a vote. */
export interface VoteDetail {
  topicId: number;
  /** The votes the visitor now gives the topic (their group's weight, or 0). */
  value: OwnVote;
  votes: Votes;
}

/** `userecho-topic-created`: the visitor posted a topic. */
export interface TopicCreatedDetail {
  topic: TopicDetail;
}

/** `userecho-comment-created`: the visitor posted a comment. */
export interface CommentCreatedDetail {
  topicId: number;
  comment: Comment;
}

/** `userecho-load`: a page of data was drawn. */
export interface LoadDetail {
  page: PageInfo;
}

/** `userecho-error`: a load or an action failed; the element shows it too. */
export interface ErrorDetail {
  action: UserAction | "load";
  /** HTTP status; 0 when there was no answer. */
  status: number;
  /** The worker's RFC 9457 problem, when it sent one. */
  problem?: Problem;
  message: string;
}

/** Every event the elements fire. All bubble and are composed (they leave the shadow root). */
export interface UserEchoEventMap {
  "userecho-sign-in-request": CustomEvent<SignInRequestDetail>;
  "userecho-vote": CustomEvent<VoteDetail>;
  "userecho-topic-created": CustomEvent<TopicCreatedDetail>;
  "userecho-comment-created": CustomEvent<CommentCreatedDetail>;
  "userecho-load": CustomEvent<LoadDetail>;
  "userecho-error": CustomEvent<ErrorDetail>;
}

export type UserEchoEventName = keyof UserEchoEventMap;
export type UserEchoEventDetail<K extends UserEchoEventName> =
  UserEchoEventMap[K] extends CustomEvent<infer D> ? D : never;

/** A typed event, bubbling and composed, for an element to dispatch as its own. */
export function userEchoEvent<K extends UserEchoEventName>(
  name: K,
  detail: UserEchoEventDetail<K>,
): CustomEvent<UserEchoEventDetail<K>> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

/** Dispatches a typed event from `target`; bubbles and composed. */
export function emit<K extends UserEchoEventName>(
  target: EventTarget,
  name: K,
  detail: UserEchoEventDetail<K>,
): boolean {
  return target.dispatchEvent(userEchoEvent(name, detail));
}

/**
 * `userecho-error` for a failure, with the worker's problem when there is one; whoever
 * dispatches it shows the failure too.
 */
export function errorEvent(
  action: ErrorDetail["action"],
  error: unknown,
): CustomEvent<ErrorDetail> {
  const status = error instanceof ApiRequestError ? error.status : 0;
  const problem = error instanceof ApiRequestError ? error.problem : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return userEchoEvent("userecho-error", {
    action,
    status,
    message,
    ...(problem ? { problem } : {}),
  });
}

/** Fires `userecho-error` from `target` for a failure (see {@link errorEvent}). */
export function reportError(
  target: EventTarget,
  action: ErrorDetail["action"],
  error: unknown,
): void {
  target.dispatchEvent(errorEvent(action, error));
}

declare global {
  interface GlobalEventHandlersEventMap {
    "userecho-sign-in-request": CustomEvent<SignInRequestDetail>;
    "userecho-vote": CustomEvent<VoteDetail>;
    "userecho-topic-created": CustomEvent<TopicCreatedDetail>;
    "userecho-comment-created": CustomEvent<CommentCreatedDetail>;
    "userecho-load": CustomEvent<LoadDetail>;
    "userecho-error": CustomEvent<ErrorDetail>;
  }
}
