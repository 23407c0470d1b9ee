import { html, nothing, type PropertyValues } from "lit";
import type {
  Comment,
  PageInfo,
  Topic,
  TopicDetail,
  TopicSort,
  OwnVote,
} from "@userecho-edge/shared";
import type { ApiRequestError, TopicListRequest } from "../api/client.ts";
import type { Translator } from "../i18n/index.ts";
import { defaultTokenProvider, type TokenProvider } from "../internal/config.ts";
import type { ContextProvider } from "../internal/context-provider.ts";
import { FetchController } from "../internal/fetch-controller.ts";
import type { UserAction } from "../internal/events.ts";
import { clampCount } from "../internal/limits.ts";
import { errorState, explanation, skeleton } from "../internal/render.ts";
import { UserEchoElement } from "../internal/userecho-element.ts";
import { baseStyles } from "../styles/base.ts";
import { boardContext, type BoardContext } from "./board-context.ts";
import { loadActions, openTab } from "./follow.ts";
import type { VoteBoard } from "./actions.ts";
import type * as Extras from "./extras.ts";
import type { PagingMode } from "./paging.ts";
import { Settle } from "./settle.ts";
import { requestSignIn } from "./sign-in.ts";
import { RowBatches, type Listing } from "./topic-list.ts";
import { paintStatuses, renderTopicRow } from "./topic-row.ts";
import { feedbackStyles } from "./userecho-feedback.styles.ts";
import type { TopicPatch } from "./votes.ts";

export type { PagingMode } from "./paging.ts";

const SORTS: readonly string[] = ["top", "new", "updated", "discussed"] satisfies TopicSort[];

const SEARCH_DELAY_MS = 300;

/** Fired on the window by `configure()`. */
const CONFIGURED = "userecho-edge:configure";

type Extras = typeof Extras;

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
  /** The visitor's votes and comment counts, laid over what the worker sent. */
  readonly #patches = new Map<number, TopicPatch>();
  readonly #voteErrors = new Map<number, string>();
  /**
   * The signed-in visitor's own votes on the listed topics (`/my-votes`): the shared list never
   * carries them. Fetched for each page of topics loaded, and again when the visitor signs in.
   */
  readonly #mine = new Map<number, OwnVote>();
  /** The query of the last page of topics asked for, which the own votes are fetched for. */
  #listed: TopicListRequest | undefined;
  /** Topics the visitor posted here, newest first. */
  #created: TopicDetail[] = [];
  /** The listing's total when the visitor first posted here. */
  #totalAtPost: number | null | undefined;
  #submitOpen = false;
  readonly #rows = new RowBatches(this);
  readonly #settle = new Settle();
  /** The sign-in flow (see sign-in.ts): ask the page, and say so. */
  readonly #signIn = {
    request: (action: UserAction, topicId?: number) => {
      requestSignIn(this, action, topicId);
      this.#signIn.show();
    },
    show: () => this.notify(this.locale.translator.t("signIn")),
    clear: () => this.clearNotice(),
  };
  /**
   * The read-only context of the topic detail and submit form, built once. Only they read it,
   * so its provider comes with the first of them (see `#provide`), not with the first render.
   */
  #context: ContextProvider<BoardContext> | undefined;

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

  /** The forum's meta: filters, topic types for the submit form, how votes are cast. */
  readonly #meta = new FetchController(this, {
    task: ([, forum], signal) =>
      this.#forumSet ? this.requireApi().meta(forum, signal) : undefined,
    args: () => [this.api, this.forum] as const,
  });

  /**
   * The code that draws the filters and the paging (extras.ts), loaded once the first rows are
   * on screen: the first rows must not wait for it.
   */
  #extras: Extras | undefined;
  #extrasAsked = false;

  readonly #topics = new FetchController(this, {
    task: ([, forum, page, limit, sort, type, status, category, tag, q, more], signal) => {
      if (!this.#forumSet) return undefined;
      const previous = more && page > 1 ? (this.#topics.value?.items ?? []) : [];
      const request = { forum, page, limit, sort, type, status, category, tag, q };
      this.#listed = request;
      return this.requireApi()
        .topics(request, signal)
        .then((result): Listing => ({
          page: result.page,
          items: [...previous, ...result.items],
          applied: result.applied,
        }));
    },
    args: () =>
      [
        this.api,
        this.forum,
        this.#page,
        clampCount(this.pageSize, 20),
        SORTS.includes(this.sort) ? this.sort : "top",
        this.type || undefined,
        this.status || undefined,
        this.category || undefined,
        this.tag || undefined,
        this.#query || undefined,
        this.paging === "more",
      ] as const,
    onComplete: (listing) => {
      this.#settle.loaded(listing);
      this.#fetchMine();
    },
    onError: (error) => {
      this.#settle.failed();
      this.reportError("load", error);
    },
  });

  protected override willUpdate(changed: PropertyValues): void {
    const query = ["forum", "pageSize", "sort", "type", "status", "category", "tag", "paging"];
    if (this.hasUpdated && query.some((name) => changed.has(name))) this.#page = 1;
    // Another forum, or a new token callback (the page signed the visitor in): the notice is stale.
    if (changed.has("forum") || changed.has("getToken")) this.#signIn.clear();
    if (changed.has("getToken")) this.#fetchMine(); // signed in
    const listing = this.#topics.value;
    this.#rows.take(listing, listing ? this.#items(listing) : [], this.paging === "more");
    // The one object the consumers hold, kept current; they re-render with the board.
    const context = this.#context;
    if (context) {
      Object.assign(context.value, this.#contextValue());
      context.changed();
    }
  }

  protected override updated(): void {
    paintStatuses(this.renderRoot);
    // Once the first rows are in (or the forum turned out empty).
    const listed = this.#rows.drawn > 0 || this.#topics.value?.items.length === 0;
    if (!this.#extrasAsked && listed && this.#topics.status !== "initial") {
      this.#extrasAsked = true;
      this.loadPart(
        "load",
        () => import("./extras.ts"),
        (extras) => {
          this.#extras = extras;
          this.requestUpdate();
        },
      );
    }
    if (this.#rows.drawing) return; // the next batch comes in a task of its own
    this.#settle.apply(
      this.renderRoot,
      this.#topics.value,
      this.#topics.status === "pending",
      (message) => this.announce(message),
      (listing) => this.emit("userecho-load", { page: listing.page }),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener(CONFIGURED, this.#onConfigure);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    removeEventListener(CONFIGURED, this.#onConfigure);
  }

  /** `configure()` was called, e.g. with the callback of a visitor who just signed in. */
  #onConfigure = () => {
    this.#signIn.clear();
    this.#fetchMine();
    this.requestUpdate(); // the context's token callback may have changed
  };

  /**
   * Topics the visitor posted that the listing does not count yet: while the worker's total is
   * the one seen when the visitor posted (its cache has not caught up), they are added to it.
   */
  #newTopics(listing: Listing): number {
    if (listing.page.total !== this.#totalAtPost) return 0;
    return this.#created.filter((topic) => !listing.items.some((item) => item.id === topic.id))
      .length;
  }

  /** Starts answering the parts' context requests, with the provider a part brought along. */
  #provide(part: { ContextProvider: typeof ContextProvider }): void {
    this.#context ??= new part.ContextProvider(this, boardContext, this.#contextValue());
  }

  /** What the context says now (see `BoardContext`). */
  #contextValue(): BoardContext {
    return {
      api: this.api,
      t: this.locale.translator,
      forum: this.forum,
      meta: this.#meta.value,
      level: this.level,
      tokenProvider: this.#provider(),
    };
  }

  /** `forum` is a forum id: a positive integer. */
  get #forumSet(): boolean {
    return Number.isInteger(this.forum) && this.forum > 0;
  }

  /**
   * The board cannot work as set up (no forum, or one that does not exist): one state says so,
   * without the controls that need a forum, and the developer gets one console warning.
   */
  get #misconfigured(): boolean {
    return !this.#forumSet || (this.#topics.error as ApiRequestError | undefined)?.status === 404;
  }

  /** The forum last warned about. */
  #warned: number | undefined;

  #warn(): void {
    if (Object.is(this.#warned, this.forum)) return;
    this.#warned = this.forum;
    const message = `<userecho-feedback>: no forum "${this.getAttribute("forum") ?? ""}" at ${this.api?.endpoint}`;
    console.warn(message);
    if (!this.#forumSet) this.reportError("load", new Error(message));
  }

  /** The topics of the board: the visitor's new ones first (on the first page), then the page's. */
  #items(listing: Listing): Topic[] {
    const created = listing.page.number === 1 || this.paging === "more" ? this.#created : [];
    return [
      ...created.filter((topic) => !listing.items.some((item) => item.id === topic.id)),
      ...listing.items,
    ];
  }

  override render() {
    const t = this.locale.translator;
    const listing = this.#topics.value;
    const misconfigured = this.#misconfigured;
    if (misconfigured) this.#warn();
    return html`<div
      class=${this.rootClass()}
      part="base"
      lang=${t.locale}
      @userecho-sign-in-request=${this.#signIn.show}
      @userecho-comment-created=${this.#onCommentCreated}
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
              ? t.plural("topicCount", listing.page.total + this.#newTopics(listing))
              : nothing
          }</span
        >
        <div class="actions" ?hidden=${misconfigured}>
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
      ${this.renderNotice()}
      ${
        this.#submitOpen && this.api
          ? html`<userecho-submit-form
              part="submit-form"
              exportparts="similar"
              .draft=${this.#draft}
              @userecho-topic-created=${this.#onTopicCreated}
              @close=${this.#closeSubmit}
            ></userecho-submit-form>`
          : nothing
      }
      ${misconfigured ? nothing : this.#renderToolbar(t)}
      <div aria-busy=${this.#topics.status === "pending" || this.#rows.drawing ? "true" : "false"}>
        ${this.#renderResults(t)}
      </div>
      ${this.renderAnnouncer()}
    </div>`;
  }

  #renderToolbar(t: Translator) {
    const meta = this.#meta.value;
    const extras = this.#extras;
    // UserEcho's search keeps its own order and takes no filters (the worker says so).
    const searching = Boolean(this.#query);
    // The sort the list was built with: the one asked for, unless UserEcho does not honour it.
    const sort = this.#topics.value?.applied?.sort ?? this.sort;
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
      ${extras ? extras.renderSort(t, meta, sort, searching, this, this.#browsing) : nothing}
      <div class="filters">
        ${
          extras
            ? extras.renderFilters(
                t,
                meta,
                this.#meta.status === "error",
                this,
                this.#browsing,
                searching,
              )
            : nothing
        }
      </div>
    </div>`;
  }

  #renderResults(t: Translator) {
    const task = this.#topics;
    const misconfigured = this.#misconfigured; // retrying cannot help
    if (misconfigured || task.status === "error") {
      const retry = misconfigured ? undefined : this.#retry;
      return errorState(t, t.t("loadError"), this.#explain(t, task.error), retry);
    }
    const listing = task.value;
    if (!listing || !this.locale.ready) {
      // As many rows as a page holds, and the paging's place: the page below stays put.
      return html`${skeleton(t, clampCount(this.pageSize, 20))}
        <div class="reserve-paging"></div>`;
    }
    const rows = this.#rows;
    if (rows.rows.length === 0) {
      // An empty forum still leads to the community, where the visitor can start it.
      const home = this.#meta.value?.communityUrl;
      return html`<p class="state" part="empty">
          ${this.#query ? t.t("emptySearch") : t.t("empty")}
        </p>
        ${home && this.#extras ? this.#extras.renderForumLink(t, home, this.#browsing) : nothing}`;
    }
    const pending = task.status === "pending";
    const expanded = this.#expanded;
    const voteErrors = this.#voteErrors;
    const patches = this.#patches;
    const mine = this.#mine;
    const actions = { vote: this.#vote, toggle: this.#toggle, fold: this.#fold };
    return html`${rows.render(
      (topic) =>
        renderTopicRow(
          t,
          { ...topic, myVote: mine.get(topic.id), ...patches.get(topic.id) },
          { expanded: expanded.has(topic.id), voteError: voteErrors.get(topic.id) },
          actions,
        ),
      pending,
    )}
    ${
      rows.drawing || !this.#extras
        ? html`<div class=${hasPages(listing.page) ? "reserve-paging" : "reserve-link"}></div>`
        : this.#extras.renderPaging(
            t,
            listing.page,
            this.paging,
            this.#meta.value?.communityUrl ?? new URL(rows.rows[0]!.url).origin + "/",
            pending,
            rows.rows.length,
            this.#browsing,
          )
    }`;
  }

  /** A failure of the board's own loads, explained (lazily; see `explanation`). */
  #explain(t: Translator, error: unknown): string {
    return explanation(this, t, this.#forumSet ? error : NO_FORUM, { forum: this.forum });
  }

  // ---- browsing ----

  /** "12 topics", or the page when UserEcho gives no total (the words come with the extras). */
  #topicCount = (listing: Listing) =>
    this.#extras?.listingSummary(this.locale.translator, listing.page) ?? "";

  #onSearch = (event: Event) => {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      // The API wants at least two characters; one means "no search".
      const query = value.length >= 2 ? value : "";
      if (query === this.#query) return;
      this.#query = query;
      this.#page = 1;
      this.#settle.expect(undefined, this.#topicCount);
      this.requestUpdate();
    }, SEARCH_DELAY_MS);
  };

  /** What the sort, filters and paging (extras.ts) may ask of the board. */
  readonly #browsing: Extras.Browsing = {
    go: (page, focus, announce) => {
      this.#page = page;
      this.#settle.expect(focus, announce);
      this.requestUpdate();
    },
    follow: (event, url) => this.#follow(event, url),
    retryMeta: () => void this.#meta.run(),
  };

  #retry = () => {
    this.#settle.expect("#heading");
    if (this.#meta.status === "error") void this.#meta.run();
    void this.#topics.run();
  };

  #toggle = (id: number) => {
    if (this.#expanded.has(id)) {
      this.#expanded.delete(id);
      this.#opening.delete(id);
    } else {
      this.#expanded.add(id);
      this.#opening.add(id);
      this.loadPart(
        "load",
        () => import("../detail/userecho-topic-detail.ts"),
        (part) => {
          this.#provide(part);
          // Open it (again, after a retry), unless the visitor folded it while the code came.
          if (this.#opening.delete(id)) this.#expanded.add(id);
          this.requestUpdate();
        },
        () => this.#expanded.delete(id), // nothing to show: fold it again
      );
    }
    this.requestUpdate();
  };

  /** Topics the visitor opened whose detail code is still on its way (or failed, for a retry). */
  readonly #opening = new Set<number>();

  /**
   * Opens "Submit an idea" for a visitor who is signed in. The token callback is asked first
   * (once the form's code is in), so nobody fills in a form only to be told to sign in.
   */
  /** Escape in an expanded topic: it folds, and focus returns to its title. */
  #fold = (id: number) => {
    this.#settle.expect(`[data-topic-id="${id}"] .title`);
    this.#toggle(id);
  };

  /**
   * Opens "Submit an idea", its title filled in with `title`, as the visitor's pressing the
   * button would: a visitor who is not signed in is asked to be (`userecho-sign-in-request`).
   * Does nothing while the form is open.
   */
  openSubmitForm(title = ""): void {
    this.#draft = title;
    if (!this.#submitOpen) this.#toggleSubmit();
  }

  /** The title the submit form starts from. */
  #draft = "";

  #toggleSubmit = () => {
    if (this.#submitOpen) {
      this.#closeSubmit();
      return;
    }
    const provider = this.#provider();
    if (!provider) {
      this.#signIn.request("submit");
      return;
    }
    this.loadPart(
      "submit",
      () => import("../submit/userecho-submit-form.ts"),
      async (part) => {
        this.#provide(part);
        const { tokenFrom } = part;
        if (!(await tokenFrom(provider))) {
          this.#signIn.request("submit");
          return;
        }
        this.#signIn.clear();
        this.#submitOpen = true;
        this.requestUpdate();
      },
    );
  };

  #closeSubmit = () => {
    this.#submitOpen = false;
    this.#draft = "";
    this.#settle.expect("#submit");
    this.requestUpdate();
  };

  // ---- signed-in actions (the code lives in actions.ts, loaded on first use) ----

  #provider(): TokenProvider | undefined {
    return this.getToken ?? defaultTokenProvider();
  }

  #vote = (topic: Topic) => {
    const provider = this.#provider();
    if (!provider) {
      this.#signIn.request("vote", topic.id);
      return;
    }
    const api = this.api;
    if (!api) return;
    if (this.#meta.value?.voting === "community") {
      // Votes are cast on the forum itself: hand the visitor over, signed in.
      this.#follow(undefined, topic.url, "vote", topic.id);
      return;
    }
    this.loadPart("vote", loadActions, (actions) =>
      actions.castVote(this.#voteBoard, api, provider, topic),
    );
  };

  /** The vote state and the board's side of a vote (see `actions.castVote`). */
  readonly #voteBoard: VoteBoard = {
    patches: this.#patches,
    voting: new Set(),
    errors: this.#voteErrors,
    mine: this.#mine,
    locale: this.locale,
    host: this,
    update: () => this.requestUpdate(),
    signIn: (action, id) => this.#signIn.request(action, id),
    signedIn: () => this.#signIn.clear(),
    say: (message) => this.announce(message),
  };

  /**
   * Fetches the visitor's own votes on the page last asked for, when the page can sign them in
   * (a token callback); nothing to fetch and nothing shown when nobody is signed in.
   */
  #fetchMine(): void {
    const provider = this.#provider();
    const api = this.api;
    const request = this.#listed;
    if (provider && api && request) {
      this.loadPart(
        "load",
        () => import("./own-votes.ts"),
        (part) => part.fetchOwnVotes(this.#voteBoard, api, provider, request),
      );
    }
  }

  /**
   * "Continue on the forum": with a token callback, a signed-in link (see `actions.follow`);
   * without one the plain link does its job. For a vote on a forum that votes on the community,
   * a visitor who is not signed in is asked to be.
   */
  #follow(event: Event | undefined, url: string, action?: UserAction, topicId?: number) {
    const api = this.api;
    const provider = this.#provider();
    if (!api || !provider) return;
    const tab = openTab(event);
    this.loadPart(
      action ?? "continue",
      loadActions,
      (actions) => actions.followFor(this.#voteBoard, tab, api, provider, url, action, topicId),
      () => tab?.close(),
    );
  }

  /**
   * The visitor's new topic goes first on page 1 (with numbered paging, the board goes back to
   * page 1 to show it) and takes focus once it is drawn.
   */
  #onTopicCreated = (event: CustomEvent<{ topic: TopicDetail }>) => {
    const { topic } = event.detail;
    this.#created = [topic, ...this.#created];
    this.#totalAtPost ??= this.#topics.value?.page.total;
    this.#submitOpen = false;
    this.#draft = "";
    this.#signIn.clear();
    this.#page = 1;
    this.#settle.expect(`[data-topic-id="${topic.id}"] .title`);
    this.announce(this.locale.translator.t("topicCreated"));
    this.requestUpdate();
  };

  #onCommentCreated = (event: CustomEvent<{ topicId: number; comment: Comment }>) => {
    const { topicId } = event.detail;
    const listed = this.#topics.value?.items.find((topic) => topic.id === topicId);
    const count = this.#patches.get(topicId)?.commentCount ?? listed?.commentCount ?? 0;
    this.#patches.set(topicId, { ...this.#patches.get(topicId), commentCount: count + 1 });
    this.#signIn.clear();
    this.announce(this.locale.translator.t("commentPosted"));
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-feedback": UserEchoFeedback;
  }
}

/** Whether a listing has more than one page (known from its total, or from a next page). */
function hasPages(page: PageInfo): boolean {
  return page.totalPages === null ? page.number > 1 || page.hasNext : page.totalPages > 1;
}
