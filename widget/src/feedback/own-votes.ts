import type { OwnVote } from "@userecho-edge/shared";
import type { EdgeApi, TopicListRequest } from "../api/client.ts";
import { myVotes } from "../api/writes.ts";
import { authorised } from "../internal/auth.ts";
import type { TokenProvider } from "../internal/config.ts";
import { reportError } from "../internal/events.ts";
import type { VoteBoard } from "./actions.ts";

/**
 * The signed-in visitor's own votes, laid over the shared topic list (which never carries
 * them). A chunk of its own, loaded once rows are listed on a page with a token callback: the
 * vote's code (actions.ts) waits for the visitor's first vote.
 */

/**
 * Lays the visitor's own votes on the page `request` gives over the board's list (see
 * `ownVotes`); reports a failure to fetch them (the list still shows, unpressed).
 */
export function fetchOwnVotes(
  board: VoteBoard,
  api: EdgeApi,
  provider: TokenProvider,
  request: TopicListRequest,
): void {
  void ownVotes(api, provider, request).then(({ votes, error }) => {
    if (error) reportError(board.host, "load", error);
    for (const [id, value] of votes ?? []) board.mine.set(id, value);
    board.update();
  });
}

/**
 * The visitor's own vote on each topic of the page `request` gives (the shared list never
 * carries it): `votes` by topic, none when nobody is signed in, or the error to report.
 */
export async function ownVotes(
  api: EdgeApi,
  provider: TokenProvider,
  request: TopicListRequest,
): Promise<{ votes?: Map<number, OwnVote>; error?: unknown }> {
  try {
    const outcome = await authorised(provider, (token) => myVotes(api, request, { token }));
    if (!outcome.signedIn) return {};
    return { votes: new Map(outcome.value.items.map((item) => [item.topicId, item.myVote])) };
  } catch (error) {
    return { error };
  }
}
