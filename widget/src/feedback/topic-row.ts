import { html, nothing } from "lit";
import type { Topic } from "@userecho-edge/shared";
import type { Translator } from "../i18n/index.ts";
import { textOn } from "../internal/color.ts";
import { avatar, when } from "../internal/render.ts";

/** The parts of an expanded topic's detail that the board passes on to the page. */
const DETAIL_PARTS =
  "description, comments, comment, comment-form, forum-link, avatar, date, pagination, page-button, error, retry-button, skeleton";

/** How one row stands: expanded or not, and the message of a refused vote. */
export interface RowState {
  readonly expanded: boolean;
  readonly voteError: string | undefined;
}

/** What a row can ask of the board. */
export interface RowActions {
  vote(topic: Topic): void;
  toggle(id: number): void;
  /** Escape was pressed in the expanded topic. */
  fold(id: number): void;
}

/**
 * One topic: the vote button and score, the title as a disclosure button, the meta line
 * (status, type, category, comments, author, date), a refused vote's message and, expanded,
 * the topic's detail.
 */
export function renderTopicRow(t: Translator, topic: Topic, state: RowState, actions: RowActions) {
  const { expanded, voteError } = state;
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
      <div class="meta" part="meta">
        ${
          topic.status?.name
            ? html`<span class="status" part="status" data-color=${topic.status.color}
                >${topic.status.name}</span
              >`
            : nothing
        }
        <span part="type">${topic.type?.name}</span>
        ${topic.category ? html`<span part="category">${topic.category.name}</span>` : nothing}
        <span part="comment-count">${t.plural("comments", topic.commentCount)}</span>
        <span class="author" part="author"
          >${avatar(topic.author.avatarUrl, topic.author.name)}${topic.author.name}</span
        >
        ${when(t, topic.createdAt)}
      </div>
      ${voteError ? html`<p class="error" role="alert">${voteError}</p>` : nothing}
      ${
        expanded
          ? html`<userecho-topic-detail
              id=${`topic-${topic.id}`}
              part="detail"
              exportparts=${DETAIL_PARTS}
              .topic=${topic}
              @close=${() => actions.fold(topic.id)}
            ></userecho-topic-detail>`
          : nothing
      }
    </div>
  </li>`;
}

/**
 * Paints the status badges drawn since the last call in their status's colour, with black or
 * white text. Through the CSSOM (`style.setProperty`), which a strict CSP (`style-src 'self'`)
 * allows, unlike a `style` attribute; `data-color` marks a badge still to paint.
 */
export function paintStatuses(root: ParentNode): void {
  for (const badge of root.querySelectorAll<HTMLElement>(".status[data-color]")) {
    const color = badge.dataset["color"]!;
    badge.style.setProperty("--status-bg", color);
    badge.style.setProperty("--status-fg", textOn(color));
    delete badge.dataset["color"]; // Lit sets it again when the row shows another status
  }
}
