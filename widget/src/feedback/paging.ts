import { html, nothing } from "lit";
import type { PageInfo } from "@userecho-edge/shared";
import type { Translator } from "../i18n/index.ts";
import { pager } from "../internal/pager.ts";

/** `numbered`: page buttons; `more`: a "Show more" button that appends the next page. */
export type PagingMode = "numbered" | "more";

/** What the paging can ask of the board. */
export interface PagingActions {
  goTo(page: number): void;
  more(): void;
  follow(event: Event, url: string): void;
}

/**
 * Below the list: numbered paging or "Show more", then "Continue on the forum". Drawn once every
 * row is in, so the keyboard never reaches them before the topics they follow.
 */
export function renderPaging(
  t: Translator,
  page: PageInfo,
  mode: PagingMode,
  forumHome: string,
  pending: boolean,
  actions: PagingActions,
) {
  return html` ${
    mode === "more"
      ? page.hasNext
        ? html`<div class="row">
            <button
              class="btn"
              part="more-button"
              ?disabled=${pending}
              @click=${() => actions.more()}
            >
              ${pending ? t.t("loading") : t.t("more")}
            </button>
          </div>`
        : nothing
      : pager(t, page, t.t("pages"), (n) => actions.goTo(n))
  }
  ${renderForumLink(t, forumHome, actions)}`;
}

/** "Continue on the forum": below the list, or alone under an empty forum. */
export function renderForumLink(
  t: Translator,
  url: string,
  actions: Pick<PagingActions, "follow">,
) {
  return html`<div class="row">
    <a
      part="forum-link"
      href=${url}
      target="_blank"
      rel="noopener"
      @click=${(event: Event) => actions.follow(event, url)}
      >${t.t("continueOnForum")}</a
    >
  </div>`;
}

/** What to announce about a listing: its number of topics, or its page when there is no total. */
export function listingSummary(t: Translator, page: PageInfo): string {
  return page.total === null
    ? t.t("pageN", { page: page.number })
    : t.plural("topicCount", page.total);
}

/** What to announce after going to a page: "page 2 of 9", or "page 2" without a total. */
export function pageAnnouncement(t: Translator, page: PageInfo): string {
  return page.totalPages === null
    ? t.t("pageN", { page: page.number })
    : t.t("pageOf", { page: page.number, total: page.totalPages });
}
