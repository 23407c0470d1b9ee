import { FORUM_MY_VOTES } from "@userecho-edge/shared/paths";
import type { EdgeApi } from "../../api/client.ts";
import { authorised } from "../../internal/auth.ts";
import type { TokenProvider } from "../../internal/config.ts";
import { errorEvent } from "../../internal/events.ts";
import type { ListingRequest } from "../listing/listing.ts";
import type { Step } from "./overlay.ts";

/**
 * The signed-in visitor's own votes on the page of topics `request` gives, to lay over the
 * shared (cached) listing, which never carries them: `GET /v1/forums/{forumId}/my-votes` with
 * the same query. A chunk of its own, loaded once rows are listed on a page with a token
 * callback; the vote's code (actions.ts) waits for the visitor's first vote. Nothing when nobody
 * is signed in; a failure is reported, and the rows stay unpressed.
 */
export async function* ownVotes(
  api: EdgeApi,
  provider: TokenProvider,
  request: ListingRequest,
): AsyncGenerator<Step> {
  try {
    const outcome = await authorised(provider, (token) =>
      api.get(FORUM_MY_VOTES, request, { token }),
    );
    if (!outcome.signedIn) return;
    const votes = outcome.value.items;
    yield {
      change: (overlay) => {
        const mine = new Map(overlay.mine);
        for (const { topicId, myVote } of votes) mine.set(topicId, myVote);
        return { ...overlay, mine };
      },
    };
  } catch (error) {
    yield { fire: errorEvent("load", error) };
  }
}
