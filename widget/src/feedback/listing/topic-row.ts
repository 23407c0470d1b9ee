import { html, nothing } from "lit";
import type { Topic } from "@userecho-edge/shared";
import type { Translator } from "../../i18n/index.ts";
import { metaLine } from "../../topic-meta/meta-line.ts";

/** What a row can ask of the board. */
export interface RowActions {
  vote(topic: Topic): void;
  toggle(id: number): void;
}

/**
 * One topic: the vote button and score, the title as a disclosure button, the meta line, then
 * what the board lays under it: a note (why a vote was refused…) and, expanded, the topic's
 * detail. Both come drawn by the parts that own them, loaded after the first rows.
 */
export function renderTopicRow(
  t: Translator,
  topic: Topic,
  expanded: boolean,
  below: unknown,
  actions: RowActions,
) {
  return html`<li class="topic" part="topic" data-topic-id=${topic.id}>
    <div class="vote">
      <button
        class="btn"
        part="vote-button"
        aria-pressed=${(topic.myVote ?? 0) > 0 ? "true" : "false"}
        aria-label=${t.t("voteFor", { title: topic.title })}
        @click=${() => actions.vote(topic)}
      >
        <svg viewBox="0 0 12 8" aria-hidden="true"><path d="M6 0l6 8H0z" /></svg>
      </button>
      <span class="votes" part="vote-count">${t.number(topic.votes.score)}</span>
      <span class="sr-only">${t.plural("votes", topic.votes.score)}</span>
    </div>
    <div>
      <button
        class="title"
        part="title"
        aria-expanded=${expanded ? "true" : "false"}
        aria-controls=${expanded ? `topic-${topic.id}` : nothing}
        @click=${() => actions.toggle(topic.id)}
      >
        ${topic.title}
      </button>
      ${metaLine(t, topic, topic.commentCount)} ${below}
    </div>
  </li>`;
}
