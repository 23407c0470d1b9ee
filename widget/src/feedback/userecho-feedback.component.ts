import { html, nothing } from "lit";
import type { Topic, TopicSort } from "@userecho-edge/shared";
import type { Translator } from "../i18n/index.ts";
import type { TokenProvider } from "../internal/config.ts";
import { clampCount } from "../internal/limits.ts";
import { errorState, explanation, skeleton } from "../internal/render.ts";
import { UserEchoElement } from "../internal/userecho-element.ts";
import { baseStyles } from "../styles/base.ts";
import { paintStatuses } from "../topic-meta/status.ts";
import { topicMetaStyles } from "../topic-meta/topic-meta.styles.ts";
import type { Controls } from "./controls/controls.ts";
import { ListingQuery } from "./listing/listing.ts";
import type { PagingMode } from "./listing/paging-mode.ts";
import { RowBatches, type Listing } from "./listing/topic-list.ts";
import { renderTopicRow } from "./listing/topic-row.ts";
import { renderToolbar } from "./toolbar.ts";
import { feedbackStyles } from "./userecho-feedback.styles.ts";

export type { PagingMode } from "./listing/paging-mode.ts";

/** Stands for the failure "no forum set", to explain it (see `errors/describe.ts`). */
const NO_FORUM = {};

/**
 * A UserEcho feedback board: a forum's topics with votes, status, type, category, comments,
 * author and date; paged, sortable, filterable and searchable; a topic expands to its
 * description and comments. With a token callback the visitor can vote, submit an idea,
 * comment and continue to the forum signed in.
 *
 * @tag userecho-feedback
 *
 * @slot actions - Extra controls beside the "Submit an idea" button, e.g. the page's sign-in button.
 *
 * @event userecho-sign-in-request - An action needs a signed-in visitor and there is no token: `{ action, topicId? }`. Sign the visitor in, then let them retry.
 * @event userecho-vote - The worker accepted a vote: `{ topicId, value, votes }`.
 * @event userecho-topic-created - The visitor posted a topic: `{ topic }`.
 * @event userecho-comment-created - The visitor posted a comment: `{ topicId, comment }`.
 * @event userecho-load - A page of topics was drawn: `{ page }`.
 * @event userecho-error - Loading or an action failed: `{ action, status, problem?, message }`.
 *
 * @csspart base - The board's root box (theme colours, padding).
 * @csspart heading - The board's heading.
 * @csspart count - The number of topics.
 * @csspart submit-button - "Submit an idea".
 * @csspart notice - A message such as "Please sign in to continue".
 * @csspart toolbar - Search, sort and filters.
 * @csspart search - The search box.
 * @csspart sort - The sort select.
 * @csspart filter - Each filter select.
 * @csspart list - The list of topics.
 * @csspart topic - One topic.
 * @csspart vote-button - A topic's vote button (`aria-pressed` when voted).
 * @csspart vote-count - A topic's score.
 * @csspart title - A topic's title; a disclosure button (`aria-expanded`).
 * @csspart meta - The line with status, type, category, comments, author and date.
 * @csspart status - The status badge, in the status's colour.
 * @csspart type - The topic type.
 * @csspart category - The category.
 * @csspart comment-count - The number of comments.
 * @csspart author - Author name with avatar.
 * @csspart avatar - An avatar (the image over the name's initial).
 * @csspart date - A relative date.
 * @csspart detail - An expanded topic: description, comments, comment form.
 * @csspart description - The topic's description (sanitised HTML).
 * @csspart comments - The list of comments.
 * @csspart comment - One comment.
 * @csspart comment-form - The comment form.
 * @csspart submit-form - The "Submit an idea" form.
 * @csspart similar - Similar topics suggested while typing a title.
 * @csspart pagination - Numbered paging.
 * @csspart page-button - A page number.
 * @csspart more-button - "Show more" (paging="more").
 * @csspart skeleton - Placeholder shown while loading.
 * @csspart empty - The "no topics" message.
 * @csspart error - The error state.
 * @csspart retry-button - "Try again" in the error state.
 * @csspart forum-link - "Continue on the forum" / "Open on the forum".
 *
 * @cssprop --userecho-font - Font family; the page's font when unset.
 * @cssprop --userecho-text - Text colour.
 * @cssprop --userecho-muted - Secondary text colour.
 * @cssprop --userecho-bg - Background.
 * @cssprop --userecho-surface - Background of buttons and raised areas.
 * @cssprop --userecho-border - Borders and separators.
 * @cssprop --userecho-accent - Links, vote buttons, the current page, primary buttons.
 * @cssprop --userecho-on-accent - Text on the accent colour.
 * @cssprop --userecho-danger - Error text.
 * @cssprop --userecho-focus - Focus ring.
 * @cssprop --userecho-skeleton - Loading placeholders and avatar backgrounds.
 * @cssprop --userecho-radius - Corner radius (default 8px).
 * @cssprop --userecho-spacing - Padding of the board (default 1rem).
 */
export class UserEchoFeedback extends UserEchoElement {
  static override properties = {
    forum: { type: Number },
    pageSize: { type: Number, attribute: "page-size" },
    sort: { type: String },
    type: { type: Number },
    status: { type: Number },
    category: { type: Number },
    tag: { type: Number },
    paging: { type: String },
    getToken: { attribute: false },
  };

  static override styles = [baseStyles, topicMetaStyles, feedbackStyles];

  /** Id of the UserEcho forum to show. */
  declare forum: number;
  /** Topics per page, 1–100. */
  declare pageSize: number;
  /** Order: `top` (most votes), `new`, `updated` or `discussed`. The visitor can change it. */
  declare sort: TopicSort;
  /** Only topics of this type id (see `/v1/forums/:id/meta`). */
  declare type: number | undefined;
  /** Only topics with this status id. */
  declare status: number | undefined;
  /** Only topics in this category id. */
  declare category: number | undefined;
  /** Only topics with this tag id. */
  declare tag: number | undefined;
  /** `numbered` page buttons, or `more` to append pages with a "Show more" button. */
  declare paging: PagingMode;
  /**
   * Returns the signed-in visitor's site JWT (or nothing when nobody is signed in). Called
   * lazily, on the visitor's first action. Falls back to `configure({ getToken })`; without
   * either, actions fire `userecho-sign-in-request`.
   */
  declare getToken: TokenProvider | undefined;

  constructor() {
    super();
    this.forum = 0;
    this.pageSize = 20;
    this.sort = "top";
    this.paging = "numbered";
  }

  /** @internal The page of topics shown, and its search. */
  readonly listing = new ListingQuery(this);
  readonly #rows = new RowBatches(this);
  /**
   * The sort, filters and paging, and the controllers of what the visitor does (controls/):
   * loaded once the first rows are drawn, or on the visitor's first action if that comes first.
   */
  #controls: Controls | undefined;
  #controlsAsked = false;
  /** The listing whose every row was last drawn: `userecho-load` was fired for it. */
  #drawn: Listing | undefined;

  /** Runs `action` with the controls, loading them first if they are not in yet. */
  #controlled(action: (controls: Controls) => void): void {
    const controls = this.#controls;
    if (controls) return action(controls);
    this.loadPart(
      "load",
      () => import("./controls/controls.ts"),
      (part) => action((this.#controls ??= new part.Controls(this))),
    );
  }

  protected override willUpdate(): void {
    const listing = this.listing.topics.value;
    const more = this.paging === "more";
    const controls = this.#controls;
    const rows = listing ? (controls?.visitor.rows(listing, more) ?? listing.items) : [];
    this.#rows.take(listing, rows, more);
  }

  protected override updated(): void {
    paintStatuses(this.renderRoot);
    const { topics } = this.listing;
    const listing = topics.value;
    // The controls load after the frame that paints the first rows (or shows the forum empty),
    // so neither their chunk nor their restyle delays the first row.
    if (!this.#controlsAsked && (this.#rows.drawn > 0 || listing?.items.length === 0)) {
      this.#controlsAsked = true;
      requestAnimationFrame(() => setTimeout(() => this.#controlled(() => this.requestUpdate())));
    }
    if (this.#rows.drawing) return; // the next batch comes in a task of its own
    if (listing && listing !== this.#drawn) {
      this.#drawn = listing;
      this.emit("userecho-load", { page: listing.page });
    }
    this.#controls?.settled(this.renderRoot, listing, topics.status);
  }

  override render() {
    const t = this.locale.translator;
    const listing = this.listing.topics.value;
    const { misconfigured } = this.listing;
    const controls = this.#controls;
    const total = listing && (controls ? controls.visitor.total(listing) : listing.page.total);
    return html`<div
      class=${this.rootClass()}
      part="base"
      lang=${t.locale}
      @userecho-sign-in-request=${controls?.signedOut}
      @userecho-comment-created=${controls?.expansions.commented}
    >
      <div class="head">
        <div
          id="heading"
          class="heading"
          part="heading"
          role="heading"
          aria-level=${this.level}
          tabindex="-1"
        >
          ${this.heading || t.t("heading")}
        </div>
        <span class="count muted" part="count"
          >${total == null ? nothing : t.plural("topicCount", total)}</span
        >
        <div class="actions" ?hidden=${misconfigured}>
          <slot name="actions"></slot>
          <button
            id="submit"
            class="btn primary"
            part="submit-button"
            aria-expanded=${controls?.submit.open ? "true" : "false"}
            @click=${() => this.#controlled((c) => c.submit.toggle())}
          >
            ${t.t("submitIdea")}
          </button>
        </div>
      </div>
      ${this.renderNotice()} ${controls?.submit.render()}
      ${misconfigured ? nothing : renderToolbar(t, controls, this.#search)}
      <div
        aria-busy=${this.listing.topics.status === "pending" || this.#rows.drawing ? "true" : "false"}
      >
        ${this.#renderResults(t, misconfigured, controls)}
      </div>
      ${this.renderAnnouncer()}
    </div>`;
  }

  #renderResults(t: Translator, misconfigured: boolean, controls: Controls | undefined) {
    const topics = this.listing.topics;
    if (misconfigured || topics.status === "error") {
      const error = this.listing.forumSet ? topics.error : NO_FORUM;
      const detail = explanation(this, t, error, { forum: this.forum });
      return errorState(t, t.t("loadError"), detail, misconfigured ? undefined : this.#retry);
    }
    const listing = topics.value;
    if (!listing || !this.locale.ready) {
      // As many rows as a page holds, and the paging's place: the page below stays put.
      return html`${skeleton(t, clampCount(this.pageSize, 20))}
        <div class="reserve-paging"></div>`;
    }
    const rows = this.#rows;
    if (rows.rows.length === 0) {
      return html`<p class="state" part="empty">
          ${this.listing.q ? t.t("emptySearch") : t.t("empty")}
        </p>
        ${controls?.forumLink()}`;
    }
    const pending = topics.status === "pending";
    const visitor = controls?.visitor;
    const row = (listed: Topic) => {
      const topic = visitor?.topic(listed) ?? listed;
      const below = [visitor?.below(topic), controls?.expansions.render(topic)];
      return renderTopicRow(t, topic, !!controls?.expansions.has(topic.id), below, this.#actions);
    };
    return rows.render(row, pending, controls?.paging(listing, rows.rows, pending));
  }

  /** The visitor typed in the search box: the controls search once they pause. */
  readonly #search = (text: string) => this.#controlled((c) => c.search(text));

  readonly #actions = {
    vote: (topic: Topic) => this.#controlled((c) => c.visitor.vote(topic)),
    toggle: (id: number) => this.#controlled((c) => c.expansions.toggle(id)),
  };

  /** "Try again": loads again; focus goes to the heading, as the button it was on goes away. */
  #retry = () => {
    this.renderRoot.querySelector<HTMLElement>("#heading")?.focus();
    const meta = this.#controls?.meta;
    if (meta?.status === "error") void meta.run();
    void this.listing.topics.run();
  };

  /**
   * Opens "Submit an idea", its title filled in with `title`, as the visitor's pressing the
   * button would: a visitor who is not signed in is asked to be (`userecho-sign-in-request`).
   * Does nothing while the form is open.
   */
  openSubmitForm(title = ""): void {
    this.#controlled((c) => c.submit.openWith(title));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-feedback": UserEchoFeedback;
  }
}
