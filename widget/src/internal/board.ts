import type { Comment, ForumMeta, Topic, TopicDetail } from "@userecho-edge/shared";
import type { EdgeApi } from "../api/client.ts";
import type { Translator } from "../i18n/index.ts";
import type { TokenProvider } from "./config.ts";
import type { UserAction, UserEchoEventDetail, UserEchoEventName } from "./events.ts";

/** Local changes laid over what the worker sent: the visitor's votes and comments. */
export type TopicPatch = Partial<Pick<Topic, "votes" | "myVote" | "commentCount">>;

/**
 * What `<userecho-feedback>` hands to the code it loads lazily (signed-in actions, topic detail,
 * submit form): its API client, translator, forum and token callback, the state actions change,
 * and the things that must go through the element, so every public event still comes from it.
 */
export interface Board {
  readonly api: EdgeApi;
  readonly t: Translator;
  readonly forum: number;
  readonly meta: ForumMeta | undefined;
  /** Heading level of the board; sub-headings use the next one. */
  readonly level: number;
  readonly provider: TokenProvider | undefined;
  readonly patches: Map<number, TopicPatch>;
  readonly voteErrors: Map<number, string>;
  /** Shows the sign-in notice and fires `userecho-sign-in-request`. */
  requestSignIn(action: UserAction, topicId?: number): void;
  clearNotice(): void;
  /** Fires `userecho-error`; returns the worker's explanation, if any. */
  report(action: UserAction | "load", error: unknown): string;
  announce(message: string): void;
  emit<K extends UserEchoEventName>(name: K, detail: UserEchoEventDetail<K>): boolean;
  requestUpdate(): void;
  /** Follows a "continue on the forum" link, signed in when the page provides a token. */
  follow(event: Event, url: string): void;
  topicCreated(topic: TopicDetail): void;
  commentCreated(topicId: number, comment: Comment): void;
  closeSubmit(): void;
}
