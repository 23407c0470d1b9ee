import type { Topic, VoteResult } from "@userecho-edge/shared";
import type { EdgeApi } from "../api/client.ts";
import { ssoLink, vote as postVote } from "../api/writes.ts";
import { authorised, tokenFrom, type Authorised } from "../internal/auth.ts";
import type { TokenProvider } from "../internal/config.ts";
import { idempotencyKey } from "../internal/idempotency.ts";

/**
 * The signed-in actions of `<userecho-feedback>` that the board runs itself: the vote and the
 * signed-in forum link. Loaded on the visitor's first action, so the first render does not pay
 * for them. They change no state: they return what happened and the board applies it.
 */

/** Sets the visitor's vote on a topic to `value`; rejects when the worker refuses. */
export function vote(
  api: EdgeApi,
  provider: TokenProvider | undefined,
  topic: Topic,
  value: VoteResult["myVote"],
): Promise<Authorised<VoteResult>> {
  const key = idempotencyKey(); // one per action, reused by the retry after a 401
  return authorised(provider, (token) =>
    postVote(api, topic.id, value, { token, idempotencyKey: key }),
  );
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
