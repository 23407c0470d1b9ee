import { html, nothing, type TemplateResult } from "lit";
import type { Topic } from "@userecho-edge/shared";
import type { Translator } from "../i18n/index.ts";
import { avatar } from "./avatar.ts";
import { statusPill } from "./status.ts";

/**
 * The line under a topic's title, wherever a topic is shown (a board's row, a topic on its own):
 * status, type, category, what the caller adds (a topic on its own adds its score, which no vote
 * button shows there), comments, author and date. `comments` counts those the visitor posted
 * here too.
 */
export function metaLine(
  t: Translator,
  topic: Topic,
  comments: number,
  extra: unknown = nothing,
): TemplateResult {
  return html`<div class="meta" part="meta">
    ${statusPill(topic.status)}
    ${topic.type ? html`<span part="type">${topic.type.name}</span>` : nothing}
    ${topic.category ? html`<span part="category">${topic.category.name}</span>` : nothing} ${extra}
    <span part="comment-count">${t.plural("comments", comments)}</span>
    <span class="author" part="author"
      >${avatar(topic.author.avatarUrl, topic.author.name)}${topic.author.name}</span
    >
    ${when(t, topic.createdAt)}
  </div>`;
}

/**
 * A relative date, with the absolute one in `datetime` and, once pointed at, as a tooltip: it
 * goes through Intl, which the first render does without (see `Translator`). Nothing when
 * UserEcho sent no date.
 */
export function when(t: Translator, iso: string | null): TemplateResult | typeof nothing {
  return iso
    ? html`<time part="date" datetime=${iso} @pointerenter=${t.dateTooltip}
        >${t.relative(iso)}</time
      >`
    : nothing;
}
