import { html, nothing, type TemplateResult } from "lit";
import type { Topic } from "@userecho-edge/shared";
import type { Translator } from "../i18n/index.ts";
import { avatar } from "./avatar.ts";
import { statusPill } from "./status.ts";

/**
 * The line under a topic's title, wherever a topic is shown (a board's row, a topic on its own):
 * status, type, category, the score (`votes`, where no vote button shows it), comments, author
 * and date. `comments` counts those the visitor posted here too.
 */
export function metaLine(
  t: Translator,
  topic: Topic,
  comments: number,
  votes = false,
): TemplateResult {
  return html`<div class="meta" part="meta">
    ${statusPill(topic.status)}
    <span part="type">${topic.type.name}</span>
    ${topic.category ? html`<span part="category">${topic.category.name}</span>` : nothing}
    ${
      votes
        ? html`<span class="votes" part="vote-count"
            >${t.plural("voteCount", topic.votes.score)}</span
          >`
        : nothing
    }
    <span part="comment-count">${t.plural("comments", comments)}</span>
    <span class="author" part="author"
      >${avatar(topic.author.avatarUrl, topic.author.name)}${topic.author.name}</span
    >
    ${when(t, topic.createdAt)}
  </div>`;
}

/** A relative date with the absolute one in `datetime` and a tooltip. */
export function when(t: Translator, iso: string): TemplateResult {
  return html`<time part="date" datetime=${iso} title=${t.date(iso)}>${t.relative(iso)}</time>`;
}
