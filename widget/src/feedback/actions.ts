import type { Topic, VoteValue, Votes } from "@userecho-edge/shared";
import { ApiRequestError } from "../api/client.ts";
import { ssoLink, vote as postVote } from "../api/writes.ts";
import { forgetToken, tokenFrom } from "../internal/auth.ts";
import type { Board } from "../internal/board.ts";
import type { UserAction } from "../internal/events.ts";
import { idempotencyKey } from "../internal/idempotency.ts";

/**
 * The signed-in actions of `<userecho-feedback>`: token handling, the optimistic vote and the
 * signed-in forum link. Loaded on the visitor's first action, so the first render does not pay
 * for them. The topic detail and the submit form import `authorised` from here too.
 */

/**
 * Runs a write with the visitor's token. Resolves `undefined`, having fired
 * `userecho-sign-in-request`, when nobody is signed in; on 401 asks the page for a fresh token
 * once and retries.
 */
export async function authorised<T>(
  board: Board,
  action: UserAction,
  topicId: number | undefined,
  call: (token: string) => Promise<T>,
): Promise<T | undefined> {
  const provider = board.provider;
  const token = provider ? await tokenFrom(provider) : undefined;
  if (!provider || !token) {
    board.requestSignIn(action, topicId);
    return undefined;
  }
  board.clearNotice();
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof ApiRequestError && error.status === 401)) throw error;
    forgetToken(provider); // expired or revoked
    const fresh = await tokenFrom(provider);
    if (!fresh) {
      board.requestSignIn(action, topicId);
      return undefined;
    }
    if (fresh === token) throw error;
    return await call(fresh);
  }
}

/**
 * Votes for a topic, or withdraws the vote: the count changes at once, and goes back, with a
 * visible message, if the worker refuses.
 */
export async function vote(board: Board, topic: Topic): Promise<void> {
  const { t, patches } = board;
  const before = patches.get(topic.id);
  const value: VoteValue = topic.myVote === 1 ? 0 : 1;
  const key = idempotencyKey();
  board.voteErrors.delete(topic.id);
  patches.set(topic.id, {
    ...before,
    votes: revote(topic.votes, topic.myVote ?? 0, value),
    myVote: value,
  });
  board.requestUpdate();
  try {
    const result = await authorised(board, "vote", topic.id, (token) =>
      postVote(board.api, topic.id, value, { token, idempotencyKey: key }),
    );
    if (!result) throw undefined; // nobody signed in: roll back quietly
    patches.set(topic.id, { ...before, votes: result.votes, myVote: result.myVote });
    board.announce(t.t("voteSaved"));
    board.emit("userecho-vote", { topicId: topic.id, value: result.myVote, votes: result.votes });
  } catch (error) {
    if (before) patches.set(topic.id, before);
    else patches.delete(topic.id);
    if (error !== undefined) {
      board.report("vote", error);
      board.voteErrors.set(topic.id, t.t("voteFailed"));
      board.announce(t.t("voteFailed"));
    }
  }
  board.requestUpdate();
}

/**
 * A signed-in URL for `url` from `/v1/sso/link`. Without a token: the plain URL when
 * `anonymous` is allowed (a link anyone may follow), else `undefined`. The plain URL, too, when
 * the worker cannot make the link.
 */
export async function signedInUrl(
  board: Board,
  url: string,
  anonymous: boolean,
): Promise<string | undefined> {
  try {
    const token = board.provider ? await tokenFrom(board.provider) : undefined;
    if (!token) return anonymous ? url : undefined;
    return (await ssoLink(board.api, { returnTo: url }, { token })).url;
  } catch (error) {
    board.report("continue", error);
    return url;
  }
}

/** Votes after changing the visitor's vote from `from` to `to`. */
export function revote(votes: Votes, from: VoteValue, to: VoteValue): Votes {
  const up = votes.up - (from === 1 ? 1 : 0) + (to === 1 ? 1 : 0);
  const down = votes.down - (from === -1 ? 1 : 0) + (to === -1 ? 1 : 0);
  return { up, down, score: votes.score + (to - from) };
}
