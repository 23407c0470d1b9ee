import "../../i18n/english-more.ts";
import { html } from "lit";
import type { Topic, VoteValue } from "@userecho-edge/shared";
import { ApiRequestError } from "../../api/client.ts";
import type { EdgeApi } from "../../api/client.ts";
import { vote as postVote } from "../../api/writes.ts";
import { followSignedIn } from "../../forum-link/signed-in.ts";
import type { Translator } from "../../i18n/index.ts";
import { authorised } from "../../internal/auth.ts";
import type { TokenProvider } from "../../internal/config.ts";
import { errorEvent, userEchoEvent, type UserAction } from "../../internal/events.ts";
import { idempotencyKey } from "../../internal/idempotency.ts";
import { explainLater } from "../../internal/render.ts";
import { shown, type Overlay, type Step, type TopicPatch } from "./overlay.ts";
import { deleteIn, optimisticVote, setIn, withoutVote } from "./votes.ts";

/**
 * What the visitor does on the board that the board runs itself: the vote and the signed-in
 * forum link. Loaded on the visitor's first action, so the first render does not carry them.
 * Each reports what happened as `Step`s (overlay.ts), which the board applies; none holds
 * anything of the board's.
 */

/**
 * Presses (or releases) the visitor's vote on `topic` at once, then casts it and keeps what the
 * worker says, or takes it back and says why, under the topic. Nothing when a vote on the topic
 * is already on its way. When the worker hands votes off to the community (`voting-handoff`),
 * the note links to the topic there (`onForum` follows it, signed in) and later votes go there
 * at once.
 */
export async function* vote(
  api: EdgeApi,
  provider: TokenProvider,
  t: Translator,
  topic: Topic,
  onForum: (event: Event) => void,
): AsyncGenerator<Step> {
  const id = topic.id;
  let value: VoteValue | undefined;
  let before: TopicPatch | undefined;
  yield {
    change: (overlay) => {
      if (overlay.pending.has(id)) return overlay;
      before = overlay.patches.get(id);
      const optimistic = optimisticVote(shown(overlay, topic));
      value = optimistic.myVote;
      return {
        ...overlay,
        pending: new Set(overlay.pending).add(id),
        notes: deleteIn(overlay.notes, id),
        patches: setIn(overlay.patches, id, { ...before, ...optimistic }),
      };
    },
  };
  if (value === undefined) return;
  const done = (overlay: Overlay, patch: TopicPatch, note?: unknown): Overlay => {
    const pending = new Set(overlay.pending);
    pending.delete(id);
    const notes = note ? setIn(overlay.notes, id, note) : overlay.notes;
    return { ...overlay, pending, notes, patches: setIn(overlay.patches, id, patch) };
  };
  const key = idempotencyKey(); // one per action, reused by the retry after a 401
  try {
    const outcome = await authorised(provider, (token) =>
      postVote(api, id, value!, { token, idempotencyKey: key }),
    );
    if (!outcome.signedIn) {
      // Nobody signed in: nothing was cast.
      yield {
        change: (overlay) => done(overlay, withoutVote(overlay.patches.get(id), before)),
        signIn: { action: "vote", topicId: id },
      };
      return;
    }
    const { votes, myVote } = outcome.value;
    yield {
      change: (overlay) => done(overlay, { ...overlay.patches.get(id), votes, myVote }),
      fire: userEchoEvent("userecho-vote", { topicId: id, value: myVote, votes }),
      say: t.t("voteSaved"),
      signedIn: true,
    };
  } catch (error) {
    const message = `${t.t("voteFailed")} ${await explainLater(t, error)}`.trim();
    // By the problem type's last segment, as errors/ reads it: the whole table of types is
    // more than this chunk needs.
    const handedOff =
      error instanceof ApiRequestError && /\/voting-handoff$/.test(String(error.problem?.type));
    const onTheForum = handedOff
      ? html` <a href=${topic.url} target="_blank" rel="noopener" @click=${onForum}
          >${t.t("voteOnForum")}</a
        >`
      : "";
    yield {
      change: (overlay) => ({
        ...done(
          overlay,
          withoutVote(overlay.patches.get(id), before),
          html`<p class="error" role="alert">${message}${onTheForum}</p>`,
        ),
        ...(handedOff ? { handedOff } : {}),
      }),
      fire: errorEvent("vote", error),
      say: message,
      signedIn: true,
    };
  }
}

/**
 * "Continue on the forum", signed in (see `followSignedIn`): reports a failure to make the
 * signed-in link, and asks the page to sign the visitor in when the link needs it (`action`,
 * on topic `topicId`). Without `action`, a plain link will do for a visitor who is not signed in.
 */
export async function* follow(
  tab: Window | null,
  api: EdgeApi,
  provider: TokenProvider,
  url: string,
  action?: UserAction,
  topicId?: number,
): AsyncGenerator<Step> {
  const { followed, error } = await followSignedIn(tab, api, provider, url, !action);
  if (error) yield { fire: errorEvent("continue", error) };
  if (!followed)
    yield { signIn: { action: action ?? "continue", ...(topicId ? { topicId } : {}) } };
}
