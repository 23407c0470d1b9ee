import "../i18n/english-more.ts";
import type { OwnVote, Topic, VoteResult, VoteValue } from "@userecho-edge/shared";
import type { EdgeApi } from "../api/client.ts";
import { ssoLink, vote as postVote } from "../api/writes.ts";
import { authorised, tokenFrom, type Authorised } from "../internal/auth.ts";
import type { TokenProvider } from "../internal/config.ts";
import type { Translator } from "../i18n/index.ts";
import { emit, reportError, type UserAction } from "../internal/events.ts";
import { idempotencyKey } from "../internal/idempotency.ts";
import { explainLater } from "../internal/render.ts";
import { optimisticVote, type TopicPatch } from "./votes.ts";

/**
 * The signed-in actions of `<userecho-feedback>` that the board runs itself: the vote and the
 * signed-in forum link. Loaded on the visitor's first action, so the first render does not pay
 * for them. Apart from `castVote`, which drives the board's vote state through `VoteBoard`, they
 * change no state: they return what happened and the board applies it.
 */

/**
 * What `castVote` needs of the board: its vote state (which it changes) and what it tells it.
 * Its code lives here, not in the board, so the first render does not carry it.
 */
export interface VoteBoard {
  /** The visitor's votes and comment counts, laid over what the worker sent, by topic. */
  readonly patches: Map<number, TopicPatch>;
  /** Topics whose vote is on its way. */
  readonly voting: Set<number>;
  /** Why the last vote on a topic failed. */
  readonly errors: Map<number, string>;
  /** The signed-in visitor's own votes (`own-votes.ts`), by topic. */
  readonly mine: Map<number, OwnVote>;
  /** The board's language, now. */
  readonly locale: { readonly translator: Translator };
  /** The board, which fires `userecho-vote` and `userecho-error`. */
  readonly host: HTMLElement;
  /** Draws the board again. */
  update(): void;
  /** Nobody is signed in: asks the page to sign the visitor in, for `action` (on topic `id`). */
  signIn(action: UserAction, id?: number): void;
  /** A signed-in vote went through: any "sign in" notice is stale. */
  signedIn(): void;
  /** Announces the outcome to screen readers. */
  say(message: string): void;
}

/**
 * Presses (or releases) the visitor's vote on `topic` at once, then casts it and keeps what the
 * worker says, or rolls back and says why.
 */
export function castVote(
  board: VoteBoard,
  api: EdgeApi,
  provider: TokenProvider,
  topic: Topic,
): void {
  const id = topic.id;
  if (board.voting.has(id)) return;
  const { patches } = board;
  const before = patches.get(id);
  const optimistic = optimisticVote(topic);
  board.voting.add(id);
  board.errors.delete(id);
  patches.set(id, { ...before, ...optimistic });
  board.update();
  void vote(api, provider, topic, optimistic.myVote, board.locale.translator).then((outcome) => {
    board.voting.delete(id);
    if (outcome.status === "saved") {
      const { votes, myVote } = outcome.result;
      patches.set(id, { ...before, votes, myVote });
      board.signedIn();
      emit(board.host, "userecho-vote", { topicId: id, value: myVote, votes });
    } else {
      if (before) patches.set(id, before);
      else patches.delete(id);
      if (outcome.status === "signed-out") {
        board.signIn("vote", id); // nobody signed in: nothing was cast
        board.update();
        return;
      }
      board.signedIn();
      reportError(board.host, "vote", outcome.error);
      board.errors.set(id, outcome.message);
    }
    board.say(outcome.message);
    board.update();
  });
}

/** What came of a vote, and what to tell the visitor. Never a rejection. */
export type VoteOutcome =
  | { readonly status: "saved"; readonly result: VoteResult; readonly message: string }
  | { readonly status: "signed-out" }
  | { readonly status: "failed"; readonly error: unknown; readonly message: string };

/**
 * Sets the visitor's vote on a topic to `value`. A refusal comes back with the worker's reason
 * in the visitor's language ("slow down", "sign in again"…), after "could not be saved".
 */
export async function vote(
  api: EdgeApi,
  provider: TokenProvider | undefined,
  topic: Topic,
  value: VoteValue,
  t: Translator,
): Promise<VoteOutcome> {
  const key = idempotencyKey(); // one per action, reused by the retry after a 401
  try {
    const outcome: Authorised<VoteResult> = await authorised(provider, (token) =>
      postVote(api, topic.id, value, { token, idempotencyKey: key }),
    );
    if (!outcome.signedIn) return { status: "signed-out" };
    return { status: "saved", result: outcome.value, message: t.t("voteSaved") };
  } catch (error) {
    const message = `${t.t("voteFailed")} ${await explainLater(t, error)}`.trim();
    return { status: "failed", error, message };
  }
}

/** Where "continue on the forum" leads, and the failure to report if the link was not made. */
export interface SignedInUrl {
  /** `undefined`: the link needs a signed-in visitor and there is none. */
  url: string | undefined;
  error?: unknown;
}

/**
 * A signed-in URL for `url` from `/v1/sso/link`. Without a token: the plain URL when
 * `anonymous` is allowed (a link anyone may follow), else no URL. The plain URL, with the
 * error, when the worker cannot make the link.
 */
export async function signedInUrl(
  api: EdgeApi,
  provider: TokenProvider | undefined,
  url: string,
  anonymous: boolean,
): Promise<SignedInUrl> {
  try {
    const token = provider ? await tokenFrom(provider) : undefined;
    if (!token) return { url: anonymous ? url : undefined };
    return { url: (await ssoLink(api, { returnTo: url }, { token })).url };
  } catch (error) {
    return { url, error };
  }
}

/**
 * "Continue on the forum", signed in: points `tab` (opened inside the click, see `openTab`) at a
 * signed-in link to `url`, or at `url` itself when the worker cannot make one (with the error,
 * to report). `followed: false`, with the tab closed, when the link needs a signed-in visitor
 * (`anonymous: false`) and there is none.
 */
export async function follow(
  tab: Window | null,
  api: EdgeApi,
  provider: TokenProvider,
  url: string,
  anonymous: boolean,
): Promise<{ followed: boolean; error?: unknown }> {
  const { url: target, error } = await signedInUrl(api, provider, url, anonymous);
  if (!target) {
    tab?.close();
    return { followed: false, error };
  }
  if (tab) tab.location.href = target;
  else window.open(target, "_blank", "noopener");
  return { followed: true, error };
}

/**
 * `follow` for the board: reports a failure to make the signed-in link, and asks the page to
 * sign the visitor in when the link needs it (`action`, on topic `topicId`). Without `action`,
 * "continue on the forum": a plain link will do for a visitor who is not signed in.
 */
export function followFor(
  board: VoteBoard,
  tab: Window | null,
  api: EdgeApi,
  provider: TokenProvider,
  url: string,
  action?: UserAction,
  topicId?: number,
): void {
  void follow(tab, api, provider, url, !action).then(({ followed, error }) => {
    if (error) reportError(board.host, "continue", error);
    if (!followed) board.signIn(action ?? "continue", topicId);
  });
}
