import { html, nothing } from "lit";
import type { PageInfo } from "@userecho-edge/shared";
import type { Translator } from "../../i18n/index.ts";
import { pager } from "../../internal/pager.ts";
import type { PagingMode } from "../listing/paging-mode.ts";
import type { Browsing } from "./browsing.ts";

/**
 * Below the list: numbered paging or "Show more", then "Continue on the forum". Drawn once every
 * row is in, so the keyboard never reaches them before the topics they follow. After paging,
 * focus moves to the heading; after "Show more", to the first new topic (the `shown` rows are
 * on screen).
 */
export function renderPaging(
  t: Translator,
  page: PageInfo,
  mode: PagingMode,
  forumHome: string,
  pending: boolean,
  shown: number,
  browsing: Browsing,
) {
  const more = () =>
    browsing.go(page.number + 1, `.topic:nth-child(${shown + 1}) .title`, (listing) =>
      t.plural("loaded", listing.items.length - shown),
    );
  const goTo = (n: number) =>
    browsing.go(n, "#heading", (listing) => pageAnnouncement(t, listing.page));
  return html` ${
    mode === "more"
      ? page.hasNext
        ? html`<div class="row">
            <button class="btn" part="more-button" ?disabled=${pending} @click=${more}>
              ${pending ? t.t("loading") : t.t("more")}
            </button>
          </div>`
        : nothing
      : pager(t, page, t.t("pages"), goTo)
  }
  ${renderForumLink(t, forumHome, browsing)}`;
}

/** "Continue on the forum": below the list, or alone under an empty forum. */
export function renderForumLink(t: Translator, url: string, browsing: Pick<Browsing, "follow">) {
  return html`<div class="row">
    <a
      part="forum-link"
      href=${url}
      target="_blank"
      rel="noopener"
      @click=${(event: Event) => browsing.follow(event, url)}
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
