import "../i18n/english-more.ts";
import type { Topic, VoteResult } from "@userecho-edge/shared";
import type { EdgeApi } from "../api/client.ts";
import { ssoLink, vote as postVote } from "../api/writes.ts";
import { authorised, tokenFrom, type Authorised } from "../internal/auth.ts";
import type { TokenProvider } from "../internal/config.ts";
import type { Translator } from "../i18n/index.ts";
import { idempotencyKey } from "../internal/idempotency.ts";
import { explainLater } from "../internal/render.ts";

/**
 * The signed-in actions of `<userecho-feedback>` that the board runs itself: the vote and the
 * signed-in forum link. Loaded on the visitor's first action, so the first render does not pay
 * for them. They change no state: they return what happened and the board applies it.
 */

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
  value: VoteResult["myVote"],
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
