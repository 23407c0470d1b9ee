/**
 * What the board draws and does once its first rows are on screen: the sort, the filters, the
 * paging and the forum link, and the controllers of what the visitor does (expanding a topic,
 * the submit form, voting, searching). One chunk, fetched once the first rows are drawn (or on
 * the visitor's first action, if that comes first), so the JavaScript a page downloads before
 * its first row stays small; the board's first render only forwards to it.
 */
import "../../i18n/english-more.ts";
import { adoptStyles, nothing, type LitElement, type ReactiveController } from "lit";
import type { ForumMeta, Topic } from "@userecho-edge/shared";
import { FORUM_META } from "@userecho-edge/shared/paths";
import type { EdgeApi } from "../../api/client.ts";
import { FetchController, type FetchStatus } from "../../internal/fetch-controller.ts";
import { controlStyles } from "../../styles/control-styles.ts";
import type { BoardHost } from "../board-host.ts";
import type { Listing } from "../listing/topic-list.ts";
import { Visitor } from "../visitor/visitor.ts";
import type { Browsing } from "./browsing.ts";
import { BoardContextProvider } from "./context.ts";
import { Expansions } from "./expansions.ts";
import { renderFilters, renderSort } from "./filters.ts";
import { listingSummary, renderForumLink, renderPaging } from "./paging.ts";
import { Settle } from "./settle.ts";
import { SubmitToggle } from "./submit-toggle.ts";

const SEARCH_DELAY_MS = 300;

/**
 * The board's controls and the controllers of what the visitor does with them; the board makes
 * one when this chunk arrives and forwards the visitor's actions to it.
 */
export class Controls implements ReactiveController {
  /** The forum's meta: the filters and sorts UserEcho honours, how votes are cast, topic types. */
  readonly meta: FetchController<readonly [EdgeApi | undefined, number], ForumMeta>;
  readonly settle = new Settle();
  /** Whether the visitor can be signed in, and what on the board is theirs. */
  readonly visitor: Visitor;
  readonly expansions: Expansions;
  readonly submit: SubmitToggle;
  readonly #host: BoardHost;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: BoardHost) {
    this.#host = host;
    this.meta = new FetchController(host, {
      task: ([api, forum], signal) =>
        api && Number.isInteger(forum) && forum > 0
          ? api.get(FORUM_META, { params: { forumId: forum } }, { signal })
          : undefined,
      args: () => [host.api, host.forum] as const,
    });
    const visitor = (this.visitor = new Visitor(host, this.meta));
    const context = new BoardContextProvider(host, this.meta);
    // The styles of what the controls draw come with them.
    const root = host.renderRoot as ShadowRoot;
    adoptStyles(root, [...(host.constructor as typeof LitElement).elementStyles, controlStyles]);
    this.expansions = new Expansions(host, visitor, context, this.settle);
    this.submit = new SubmitToggle(host, visitor, context, this.settle);
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#searchTimer);
  }

  /** What the sort, filters and paging may ask of the board. */
  readonly #browsing: Browsing = {
    go: (page, focus, announce) => {
      this.settle.expect(focus, announce);
      this.#host.listing.go(page);
    },
    follow: (event, url) => this.visitor.followLink(event, url),
    retryMeta: () => void this.meta.run(),
  };

  /** The sort select, for the toolbar. */
  sort() {
    const host = this.#host;
    // The sort the list was built with: the one asked for, unless UserEcho does not honour it.
    const sort = host.listing.topics.value?.applied?.sort ?? host.sort;
    return renderSort(
      this.#t,
      this.meta.value,
      sort,
      Boolean(host.listing.q),
      host,
      this.#browsing,
    );
  }

  /** The filter selects, for the toolbar. UserEcho's search takes no filters. */
  filters() {
    const { meta } = this;
    const { listing } = this.#host;
    const failed = meta.status === "error";
    return renderFilters(
      this.#t,
      meta.value,
      failed,
      this.#host,
      this.#browsing,
      Boolean(listing.q),
    );
  }

  /**
   * Below the `rows` of `listing` (its topics, after those the visitor posted): the paging, then
   * the forum link, to the community's home, or to the site of the first topic until the meta
   * says where that is.
   */
  paging(listing: Listing, rows: readonly Topic[], pending: boolean) {
    const host = this.#host;
    const home = this.meta.value?.communityUrl ?? new URL(rows[0]!.url).origin + "/";
    const shown = rows.length;
    return renderPaging(this.#t, listing.page, host.paging, home, pending, shown, this.#browsing);
  }

  /** The forum link alone, under an empty forum: the visitor can start it there. */
  forumLink() {
    const home = this.meta.value?.communityUrl;
    return home ? renderForumLink(this.#t, home, this.#browsing) : nothing;
  }

  /** The visitor typed in the search box: searches once they pause. */
  search(text: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      const { listing } = this.#host;
      // The API wants at least two characters; one means "no search".
      const q = text.length >= 2 ? text : "";
      if (q === listing.q) return;
      this.settle.expect(undefined, (shown) => listingSummary(this.#t, shown.page));
      listing.go(1, q);
    }, SEARCH_DELAY_MS);
  }

  /**
   * Once every row of `listing` (the one on screen) is drawn: focus and announcements that
   * waited for it (see `Settle`).
   */
  settled(root: ParentNode, listing: Listing | undefined, status: FetchStatus): void {
    this.settle.apply(root, listing, status, (message) => this.#host.announce(message));
  }

  /** A part of the board asked the page to sign the visitor in: the board says so too. */
  readonly signedOut = () => this.#host.notify(this.#t.t("signIn"));

  get #t() {
    return this.#host.locale.translator;
  }
}
