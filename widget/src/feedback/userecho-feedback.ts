import { html, nothing, type PropertyValues } from "lit";
import type { Comment, PageInfo, Topic, TopicDetail, TopicSort } from "@userecho-edge/shared";
import type { Translator } from "../i18n/index.ts";
import type { Board, TopicPatch } from "../internal/board.ts";
import { textOn } from "../internal/color.ts";
import { defaultTokenProvider, type TokenProvider } from "../internal/config.ts";
import { cssProps } from "../internal/css-props.ts";
import { defineElement } from "../internal/define.ts";
import { FetchController } from "../internal/fetch-controller.ts";
import type { UserAction } from "../internal/events.ts";
import { avatar, errorState, explain, pager, skeleton, when } from "../internal/render.ts";
import { UserEchoElement } from "../internal/userecho-element.ts";
import { baseStyles } from "../styles/base.ts";
import { feedbackStyles } from "./styles.ts";

/** `numbered`: page buttons; `more`: a "Show more" button that appends the next page. */
export type PagingMode = "numbered" | "more";

const SORTS = {
  top: "sortTop",
  new: "sortNew",
  updated: "sortUpdated",
  discussed: "sortDiscussed",
} as const satisfies Record<TopicSort, string>;

const SEARCH_DELAY_MS = 300;

/**
 * Topics drawn per task. Fifty topics drawn at once made one task of 60–170 ms (render, then
 * style and layout) on a slow machine; ten at a time keeps the widget's own tasks short (see
 * docs/BENCHMARKS.md), and a page of ten or fewer still appears at once.
 */
const ROWS_PER_TASK = 10;

interface Listing {
  page: PageInfo;
  items: Topic[];
}

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

  static override styles = [baseStyles, feedbackStyles];

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

  #page = 1;
  #query = "";
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #expanded = new Set<number>();
  readonly #patches = new Map<number, TopicPatch>();
  readonly #voting = new Set<number>();
  readonly #voteErrors = new Map<number, string>();
  #created: TopicDetail[] = [];
  #notice = "";
  #submitOpen = false;
  /** What to focus once the list has settled (after paging, retry, submit). */
  #focusTarget: string | undefined;
  /** What to announce once the list has settled. */
  #afterLoad: ((listing: Listing) => string) | undefined;
  /**
   * The listing whose rows are drawn, its topics (`#items`, worked out once per update), how
   * many of them are drawn, and the next batch's timer.
   */
  #drawnListing: Listing | undefined;
  #rows: Topic[] = [];
  #drawn = 0;
  #drawTimer: ReturnType<typeof setTimeout> | undefined;
  /** A loaded listing whose `userecho-load` (and announcement) waits until all rows are drawn. */
  #loaded: Listing | undefined;

  constructor() {
    super();
    this.forum = 0;
    this.pageSize = 20;
    this.sort = "top";
    this.type = undefined;
    this.status = undefined;
    this.category = undefined;
    this.tag = undefined;
    this.paging = "numbered";
    this.getToken = undefined;
  }

  /** The forum's meta, with the code that draws its filters (loaded alongside). */
  readonly #meta = new FetchController(this, {
    task: ([, forum], signal) =>
      forum
        ? Promise.all([this.requireApi().meta(forum, signal), import("./filters.ts")]).then(
            ([meta, { renderFilters }]) => ({ meta, filters: renderFilters }),
          )
        : undefined,
    args: () => [this.api, this.forum] as const,
  });

  readonly #topics = new FetchController(this, {
    task: ([, forum, page, limit, sort, type, status, category, tag, q, more], signal) => {
      if (!forum) return undefined;
      const previous = more && page > 1 ? (this.#topics.value?.items ?? []) : [];
      return this.requireApi()
        .topics({ forum, page, limit, sort, type, status, category, tag, q }, signal)
        .then((result): Listing => ({ page: result.page, items: [...previous, ...result.items] }));
    },
    args: () =>
      [
        this.api,
        this.forum,
        this.#page,
        Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20)),
        this.sort in SORTS ? this.sort : "top",
        this.type || undefined,
        this.status || undefined,
        this.category || undefined,
        this.tag || undefined,
        this.#query || undefined,
        this.paging === "more",
      ] as const,
    onComplete: (listing) => {
      this.#loaded = listing;
    },
    onError: (error) => {
      this.#afterLoad = undefined;
      this.reportError("load", error);
    },
  });

  protected override willUpdate(changed: PropertyValues): void {
    const query = ["forum", "pageSize", "sort", "type", "status", "category", "tag", "paging"];
    if (this.hasUpdated && query.some((name) => changed.has(name))) this.#page = 1;
    const listing = this.#topics.value;
    if (listing !== this.#drawnListing) {
      // "Show more" appends: the rows already on screen stay, the new ones are drawn in batches.
      const previous = this.#drawnListing;
      const appended =
        this.paging === "more" && previous && listing?.items[0] === previous.items[0];
      this.#drawnListing = listing;
      this.#drawn = (appended ? this.#drawn : 0) + ROWS_PER_TASK;
    }
    this.#rows = listing ? this.#items(listing) : [];
  }

  protected override updated(): void {
    if (this.#drawing) {
      // The next batch of rows, in a task of its own so the browser can paint in between.
      this.#drawTimer ??= setTimeout(() => {
        this.#drawTimer = undefined;
        this.#drawn += ROWS_PER_TASK;
        this.requestUpdate();
      });
      return;
    }
    const loaded = this.#loaded;
    if (loaded && loaded === this.#topics.value) {
      this.#loaded = undefined;
      const announce = this.#afterLoad;
      this.#afterLoad = undefined;
      if (announce) this.announce(announce(loaded));
      this.emit("userecho-load", { page: loaded.page });
    }
    if (this.#focusTarget && !this.#topics.pending) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusTarget);
      this.#focusTarget = undefined;
      target?.focus();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the document while rows were still being drawn: draw the rest.
    if (this.hasUpdated && this.#drawing) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#drawTimer);
    this.#drawTimer = undefined;
  }

  /** The topics of the board: the visitor's new ones first (on the first page), then the page's. */
  #items(listing: Listing): Topic[] {
    const created = listing.page.number === 1 || this.paging === "more" ? this.#created : [];
    return [
      ...created.filter((topic) => !listing.items.some((item) => item.id === topic.id)),
      ...listing.items,
    ];
  }

  /** Some rows of the current listing are not drawn yet. */
  get #drawing(): boolean {
    return !this.#topics.failed && this.#drawn < this.#rows.length;
  }

  override render() {
    const t = this.locale.translator;
    const listing = this.#topics.value;
    return html`<section
      class=${this.rootClass()}
      part="base"
      lang=${t.locale}
      aria-labelledby="heading"
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
          >${
            listing && listing.page.total !== null
              ? t.plural("topicCount", listing.page.total)
              : nothing
          }</span
        >
        <div class="actions">
          <slot name="actions"></slot>
          <button
            id="submit"
            class="btn primary"
            part="submit-button"
            aria-expanded=${this.#submitOpen ? "true" : "false"}
            @click=${this.#toggleSubmit}
          >
            ${t.t("submitIdea")}
          </button>
        </div>
      </div>
      ${this.#notice ? html`<p class="state" part="notice">${this.#notice}</p>` : nothing}
      ${
        this.#submitOpen && this.api
          ? html`<userecho-submit-form
              part="submit-form"
              exportparts="similar"
              .board=${this.#board()}
            ></userecho-submit-form>`
          : nothing
      }
      ${this.#renderToolbar(t)}
      <div aria-busy=${this.#topics.pending || this.#drawing ? "true" : "false"}>
        ${this.#renderResults(t)}
      </div>
      ${this.renderAnnouncer()}
    </section>`;
  }

  #renderToolbar(t: Translator) {
    const meta = this.#meta.value;
    return html`<div class="toolbar" part="toolbar">
      <label class="search">
        <span>${t.t("search")}</span>
        <input
          type="search"
          part="search"
          placeholder=${t.t("searchPlaceholder")}
          maxlength="200"
          @input=${this.#onSearch}
        />
      </label>
      <label>
        <span>${t.t("sort")}</span>
        <select part="sort" data-filter="sort" @change=${this.#onSelect}>
          ${Object.entries(SORTS).map(
            ([value, key]) =>
              html`<option value=${value} ?selected=${this.sort === value}>${t.t(key)}</option>`,
          )}
        </select>
      </label>
      ${meta ? meta.filters(t, meta.meta, this, this.#onSelect) : nothing}
      ${
        this.#meta.failed
          ? html`<p class="muted">
              ${t.t("filtersError")}
              <button class="btn" @click=${() => this.#meta.run()}>${t.t("retry")}</button>
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderResults(t: Translator) {
    const task = this.#topics;
    if (!this.forum) return nothing;
    if (task.failed) {
      return errorState(t, t.t("loadError"), explain(task.error), this.#retry);
    }
    const listing = task.value;
    if (!listing || !this.locale.ready) return skeleton(t);
    return this.#renderListing(t, listing, task.pending);
  }

  #renderListing(t: Translator, listing: Listing, pending: boolean) {
    const items = this.#rows;
    if (items.length === 0) {
      return html`<p class="state" part="empty">
        ${this.#query ? t.t("emptySearch") : t.t("empty")}
      </p>`;
    }
    // Paging and the forum link come once every row is drawn, so the keyboard never reaches
    // them before the topics they follow.
    const drawing = this.#drawing;
    return html`<ol class="list ${pending ? "stale" : ""}" part="list" aria-labelledby="heading">
        ${items.slice(0, drawing ? this.#drawn : undefined).map((topic) => this.#renderTopic(t, topic))}
      </ol>
      ${drawing ? nothing : this.#renderPaging(t, listing.page, items, pending)}`;
  }

  #renderPaging(t: Translator, page: PageInfo, items: Topic[], pending: boolean) {
    const { hasNext } = page;
    const forumHome = new URL(items[0]!.url).origin + "/";
    return html` ${
        this.paging === "more"
          ? hasNext
            ? html`<div class="row">
                <button
                  class="btn"
                  part="more-button"
                  ?disabled=${pending}
                  @click=${() => this.#more(items.length)}
                >
                  ${pending ? t.t("loading") : t.t("more")}
                </button>
              </div>`
            : nothing
          : pager(t, page, t.t("pages"), this.#goTo)
      }
      <div class="row">
        <a
          part="forum-link"
          href=${forumHome}
          target="_blank"
          rel="noopener"
          @click=${(event: Event) => this.#follow(event, forumHome)}
          >${t.t("continueOnForum")}</a
        >
      </div>`;
  }

  #renderTopic(t: Translator, source: Topic) {
    const topic = { ...source, ...this.#patches.get(source.id) };
    const expanded = this.#expanded.has(topic.id);
    const voteError = this.#voteErrors.get(topic.id);
    return html`<li class="topic" part="topic" data-topic-id=${topic.id}>
      <div class="vote">
        <button
          class="btn"
          part="vote-button"
          aria-pressed=${topic.myVote === 1 ? "true" : "false"}
          aria-label=${t.t("voteFor", { title: topic.title })}
          @click=${() => this.#vote(topic)}
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
          @click=${() => this.#toggle(topic.id)}
        >
          ${topic.title}
        </button>
        <div class="meta" part="meta">
          ${
            topic.status.name
              ? html`<span
                  class="status"
                  part="status"
                  ${cssProps({
                    "--status-bg": topic.status.color,
                    "--status-fg": textOn(topic.status.color),
                  })}
                  >${topic.status.name}</span
                >`
              : nothing
          }
          <span part="type">${topic.type.name}</span>
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
                exportparts="description, comments, comment, comment-form, forum-link, avatar, date, pagination, page-button, error, retry-button, skeleton"
                .topic=${topic}
                .board=${this.#board()}
              ></userecho-topic-detail>`
            : nothing
        }
      </div>
    </li>`;
  }

  // ---- browsing ----

  #onSearch = (event: Event) => {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      // The API wants at least two characters; one means "no search".
      const query = value.length >= 2 ? value : "";
      if (query === this.#query) return;
      this.#query = query;
      this.#page = 1;
      this.#afterLoad = (listing) => this.#countOrPage(listing);
      this.requestUpdate();
    }, SEARCH_DELAY_MS);
  };

  #onSelect = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const name = select.dataset["filter"] as "sort" | "type" | "status" | "category" | "tag";
    if (name === "sort") this.sort = select.value as TopicSort;
    else {
      this[name] = select.value ? Number(select.value) : undefined;
      if (name === "type") this.status = undefined; // statuses belong to a type
    }
    this.#afterLoad = (listing) => this.#countOrPage(listing);
  };

  #goTo = (page: number) => {
    this.#page = page;
    this.#focusTarget = "#heading";
    this.#afterLoad = (listing) =>
      listing.page.totalPages === null
        ? this.locale.translator.t("pageN", { page: listing.page.number })
        : this.locale.translator.t("pageOf", {
            page: listing.page.number,
            total: listing.page.totalPages,
          });
    this.requestUpdate();
  };

  /** "12 topics", or the page number when UserEcho did not give a total. */
  #countOrPage(listing: Listing): string {
    const t = this.locale.translator;
    return listing.page.total === null
      ? t.t("pageN", { page: listing.page.number })
      : t.plural("topicCount", listing.page.total);
  }

  #more(shown: number) {
    this.#page += 1;
    this.#focusTarget = `.topic:nth-child(${shown + 1}) .title`;
    this.#afterLoad = (listing) =>
      this.locale.translator.plural("loaded", listing.items.length - shown);
    this.requestUpdate();
  }

  #retry = () => {
    this.#focusTarget = "#heading";
    if (this.#meta.failed) void this.#meta.run();
    void this.#topics.run();
  };

  #toggle(id: number) {
    if (this.#expanded.has(id)) this.#expanded.delete(id);
    else {
      this.#expanded.add(id);
      void import("../detail/userecho-topic-detail.ts").then(({ UserEchoTopicDetail }) =>
        defineElement("userecho-topic-detail", UserEchoTopicDetail),
      );
    }
    this.requestUpdate();
  }

  #toggleSubmit = () => {
    if (this.#submitOpen) {
      this.#closeSubmit();
      return;
    }
    if (!this.#provider()) {
      this.#requestSignIn("submit");
      return;
    }
    this.#submitOpen = true;
    void import("../submit/userecho-submit-form.ts").then(({ UserEchoSubmitForm }) =>
      defineElement("userecho-submit-form", UserEchoSubmitForm),
    );
    this.requestUpdate();
  };

  #closeSubmit() {
    this.#submitOpen = false;
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>("#submit")?.focus(),
    );
  }

  // ---- signed-in actions (the code lives in actions.ts, loaded on first use) ----

  #actions() {
    return import("./actions.ts");
  }

  #provider(): TokenProvider | undefined {
    return this.getToken ?? defaultTokenProvider();
  }

  #requestSignIn(action: UserAction, topicId?: number) {
    this.#notice = this.locale.translator.t("signIn");
    this.announce(this.#notice);
    this.emit("userecho-sign-in-request", { action, ...(topicId ? { topicId } : {}) });
  }

  #vote(topic: Topic) {
    if (this.#voting.has(topic.id)) return;
    if (!this.#provider()) {
      this.#requestSignIn("vote", topic.id);
      return;
    }
    if (this.#meta.value?.meta.voting === "community") {
      // Votes are cast on the forum itself: hand the visitor over, signed in.
      this.#follow(undefined, topic.url, topic.id);
      return;
    }
    this.#voting.add(topic.id);
    void this.#actions()
      .then((actions) => actions.vote(this.#board(), topic))
      .finally(() => this.#voting.delete(topic.id));
  }

  /**
   * "Continue on the forum": with a token callback, the plain link becomes a signed-in one
   * (`/v1/sso/link`). The tab is opened inside the click, so popup blockers allow it, and is
   * pointed at the link once the worker answers (at the plain URL if it cannot).
   */
  #follow(event: Event | undefined, url: string, vote?: number) {
    if (!this.#provider() || !this.api) return; // the plain link does its job
    event?.preventDefault();
    const tab = window.open("", "_blank");
    if (tab) tab.opener = null;
    void this.#actions()
      .then((actions) => actions.signedInUrl(this.#board(), url, vote === undefined))
      .catch(() => url)
      .then((target) => {
        if (!target) {
          // A vote needs a signed-in visitor, and there is none: ask the page instead.
          tab?.close();
          this.#requestSignIn("vote", vote);
        } else if (tab) tab.location.href = target;
        else window.open(target, "_blank", "noopener");
      });
  }

  /** What actions and the lazily loaded parts use of the board (see `Board`). */
  #board(): Board {
    return {
      api: this.requireApi(),
      t: this.locale.translator,
      forum: this.forum,
      meta: this.#meta.value?.meta,
      level: this.level,
      provider: this.#provider(),
      patches: this.#patches,
      voteErrors: this.#voteErrors,
      requestSignIn: (action, topicId) => this.#requestSignIn(action, topicId),
      clearNotice: () => (this.#notice = ""),
      report: (action, error) => this.reportError(action, error),
      announce: (message) => this.announce(message),
      emit: (name, detail) => this.emit(name, detail),
      requestUpdate: () => this.requestUpdate(),
      follow: (event, url) => this.#follow(event, url),
      topicCreated: (topic) => this.#topicCreated(topic),
      commentCreated: (topicId, comment) => this.#commentCreated(topicId, comment),
      closeSubmit: () => this.#closeSubmit(),
    };
  }

  #topicCreated(topic: TopicDetail) {
    this.#created = [topic, ...this.#created];
    this.#submitOpen = false;
    this.#focusTarget = `[data-topic-id="${topic.id}"] .title`;
    this.announce(this.locale.translator.t("topicCreated"));
    this.emit("userecho-topic-created", { topic });
    this.requestUpdate();
  }

  #commentCreated(topicId: number, comment: Comment) {
    const listed = this.#topics.value?.items.find((topic) => topic.id === topicId);
    const count = this.#patches.get(topicId)?.commentCount ?? listed?.commentCount ?? 0;
    this.#patches.set(topicId, { ...this.#patches.get(topicId), commentCount: count + 1 });
    this.emit("userecho-comment-created", { topicId, comment });
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-feedback": UserEchoFeedback;
  }
}
