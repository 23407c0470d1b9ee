import { html, nothing } from "lit";
import type { ForumMeta, Status, Topic, TopicSort } from "@userecho-edge/shared";
import { FORUM_META } from "@userecho-edge/shared/paths";
import { TOPIC_SORTS } from "@userecho-edge/shared/topic-options";
import type { TokenProvider } from "../internal/config.ts";
import { DeepLink } from "../internal/deep-link.ts";
import { FetchController } from "../internal/fetch-controller.ts";
import { clampCount } from "../internal/limits.ts";
import { closeOnBackdrop, showModal } from "../internal/modal.ts";
import { errorState, explanation, skeleton } from "../internal/render.ts";
import { UserEchoElement } from "../internal/userecho-element.ts";
import { baseStyles } from "../styles/base.ts";
import { controlStyles } from "../styles/control-styles.ts";
import { Columns, UNFILTERED, type Column } from "./columns.ts";
import { roadmapStatuses } from "./statuses.ts";
import { paintStatuses, statusPill } from "../topic-meta/status.ts";
import { topicMetaStyles } from "../topic-meta/topic-meta.styles.ts";
import { roadmapStyles } from "./userecho-roadmap.styles.ts";

/**
 * A forum's roadmap: one column per status, in the forum's order, each with its count and its
 * topics (title, votes, type), a page at a time with "Show more". A topic opens in a dialog with
 * its description and comments. Columns scroll sideways when they do not fit. With
 * `history="hash"`, an open topic is in the page's address (see "Deep links" in the docs).
 *
 * @tag userecho-roadmap
 *
 * @event userecho-load - A page of a column was drawn: `{ page }`.
 * @event userecho-error - Loading failed: `{ action: "load", status, problem?, message }`.
 * @event userecho-sign-in-request - Commenting needs a signed-in visitor: `{ action, topicId }`.
 * @event userecho-comment-created - The visitor posted a comment: `{ topicId, comment }`.
 *
 * @csspart base - The root box (theme colours, padding).
 * @csspart heading - The roadmap's heading.
 * @csspart columns - The row of columns.
 * @csspart column - One column.
 * @csspart column-heading - A column's heading: its status.
 * @csspart status - A status badge, in the status's colour.
 * @csspart count - A column's number of topics.
 * @csspart cards - A column's list of topics.
 * @csspart card - One topic.
 * @csspart card-title - A topic's title; a button that opens the topic.
 * @csspart vote-count - A topic's votes.
 * @csspart type - A topic's type.
 * @csspart more-button - "Show more" under a column.
 * @csspart skeleton - Placeholder shown while loading.
 * @csspart empty - A column without topics, or a forum that cannot have a roadmap.
 * @csspart error - An error state.
 * @csspart retry-button - "Try again" in an error state.
 * @csspart dialog - The dialog a topic opens in.
 * @csspart close-button - The dialog's close button.
 * @csspart topic - The topic in the dialog (`<userecho-topic-view>`).
 *
 * @cssprop --userecho-font - Font family; the page's font when unset.
 * @cssprop --userecho-text - Text colour.
 * @cssprop --userecho-muted - Secondary text colour.
 * @cssprop --userecho-bg - Background of the roadmap and the dialog.
 * @cssprop --userecho-surface - Background of the columns.
 * @cssprop --userecho-border - Borders and separators.
 * @cssprop --userecho-accent - Links, buttons.
 * @cssprop --userecho-on-accent - Text on the accent colour.
 * @cssprop --userecho-danger - Error text.
 * @cssprop --userecho-focus - Focus ring.
 * @cssprop --userecho-skeleton - Loading placeholders.
 * @cssprop --userecho-radius - Corner radius (default 8px).
 * @cssprop --userecho-spacing - Padding (default 1rem).
 */
export class UserEchoRoadmap extends UserEchoElement {
  static override properties = {
    forum: { type: Number },
    statuses: { type: String },
    pageSize: { type: Number, attribute: "page-size" },
    sort: { type: String },
    history: { type: String, reflect: true },
    historyPrefix: { type: String, attribute: "history-prefix" },
    getToken: { attribute: false },
  };

  static override styles = [baseStyles, controlStyles, topicMetaStyles, ...roadmapStyles];

  /** Id of the UserEcho forum. */
  declare forum: number;
  /**
   * Status ids to show, comma-separated, e.g. `"12,14,15"`; in the forum's order whatever the
   * order here. Default: every status but the initial, nameless one.
   */
  declare statuses: string | undefined;
  /** Topics per column and per "Show more", 1–100. */
  declare pageSize: number;
  /** Order within a column: `top` (most votes, when UserEcho can), `new`, `updated`, `discussed`. */
  declare sort: TopicSort;
  /** `hash`: an open topic is in the address (`#userecho-topic-123`); by default it is not. */
  declare history: string | undefined;
  /** The address's prefix before the topic id; `userecho-topic-` by default. */
  declare historyPrefix: string | undefined;
  /** Token callback for commenting in the dialog; else `configure({ getToken })`. */
  declare getToken: TokenProvider | undefined;

  /** The topic in the dialog, with the card's copy of it when it came from a card. */
  #open: { id: number; data: Topic | undefined } | undefined;
  /** The dialog's code (`<userecho-topic-view>`) is in. */
  #viewReady = false;
  /** Where focus goes after "Show more": the first new card. */
  #focusAfterMore: number | undefined;

  readonly #deepLink = new DeepLink(this, {
    showTopic: (id) => this.#openTopic(id),
    hideTopic: () => this.#dialog?.close(),
  });

  constructor() {
    super();
    this.forum = 0;
    this.statuses = undefined;
    this.pageSize = 10;
    this.sort = "top";
    this.history = undefined;
    this.historyPrefix = undefined;
    this.getToken = undefined;
  }

  get #forumSet(): boolean {
    return Number.isInteger(this.forum) && this.forum > 0;
  }

  readonly #meta = new FetchController(this, {
    task: ([api, forum], signal) =>
      this.#forumSet ? api?.get(FORUM_META, { params: { forumId: forum } }, { signal }) : undefined,
    args: () => [this.api, this.forum] as const,
    onError: (error) => this.reportError("load", error),
  });

  /** The statuses to show, worked out again only when the meta or `statuses` change. */
  #shown: { meta: ForumMeta | undefined; wanted: string | undefined; list: readonly Status[] } = {
    meta: undefined,
    wanted: undefined,
    list: [],
  };

  readonly #columns = new Columns(this, {
    args: () => {
      const meta = this.#meta.value;
      const wanted = this.statuses;
      if (meta !== this.#shown.meta || wanted !== this.#shown.wanted) {
        const filters = meta?.filters.includes("status");
        this.#shown = { meta, wanted, list: meta && filters ? roadmapStatuses(meta, wanted) : [] };
      }
      // The worker falls back to `new` for a sort UserEcho does not honour; ask for it directly.
      const sort =
        TOPIC_SORTS.includes(this.sort) && meta?.sorts.includes(this.sort) ? this.sort : "new";
      return [this.api, this.forum, this.#shown.list, clampCount(this.pageSize, 10), sort];
    },
    onLoad: (column, added) => {
      if (column.page) this.emit("userecho-load", { page: column.page });
      if (column.page && column.page.number > 1) {
        this.#focusAfterMore = added[0]?.id;
        this.announce(this.locale.translator.plural("loaded", added.length));
      }
    },
    onError: (error) => {
      if (error !== UNFILTERED) this.reportError("load", error);
    },
  });

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector("dialog");
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#deepLink.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#deepLink.disconnect();
  }

  protected override firstUpdated(): void {
    closeOnBackdrop(this.#dialog!);
  }

  protected override updated(): void {
    paintStatuses(this.renderRoot);
    if (this.#focusAfterMore !== undefined) {
      this.renderRoot
        .querySelector<HTMLElement>(`[data-topic-id="${this.#focusAfterMore}"] button`)
        ?.focus();
      this.#focusAfterMore = undefined;
    }
    const dialog = this.#dialog;
    if (dialog && this.#open && this.#viewReady && !dialog.open) {
      showModal(dialog, this.#returnTo ?? undefined);
    }
  }

  override render() {
    const t = this.locale.translator;
    const meta = this.#meta;
    let body;
    if (!this.#forumSet || meta.status === "error") {
      body = errorState(
        t,
        t.t("roadmapError"),
        explanation(this, t, this.#forumSet ? meta.error : {}, { forum: this.forum }),
        this.#forumSet ? () => void meta.run() : undefined,
      );
    } else if (!meta.value || !this.locale.ready) {
      body = skeleton(t, 3);
    } else if (!meta.value.filters.includes("status")) {
      body = html`<p class="state" part="empty">${t.t("noStatusFilter")}</p>`;
    } else {
      body = html`<div class="columns" part="columns">
        ${this.#columns.list.map((column) => this.#renderColumn(column))}
      </div>`;
    }
    const open = this.#open;
    return html`<div class=${this.rootClass()} part="base" lang=${t.locale}>
      <div id="heading" class="heading" part="heading" role="heading" aria-level=${this.level}>
        ${this.heading || t.t("roadmap")}
      </div>
      ${this.renderNotice()}
      <div aria-busy=${this.#busy ? "true" : "false"}>${body}</div>
      <dialog
        part="dialog"
        aria-label=${open?.data?.title ?? t.t("roadmap")}
        @close=${this.#onDialogClose}
      >
        <div class="dialog-bar">
          <button
            class="btn close"
            part="close-button"
            aria-label=${t.t("close")}
            @click=${() => this.#dialog?.close()}
          >
            ×
          </button>
        </div>
        <div class="dialog-body">
          ${
            open && this.#viewReady
              ? html`<userecho-topic-view
                  part="topic"
                  topic=${open.id}
                  .data=${open.data}
                  .endpoint=${this.endpoint}
                  .getToken=${this.getToken}
                  theme=${this.theme}
                  heading-level=${Math.min(6, this.level)}
                ></userecho-topic-view>`
              : nothing
          }
        </div>
      </dialog>
      ${this.renderAnnouncer()}
    </div>`;
  }

  get #busy(): boolean {
    return (
      this.#meta.status === "pending" ||
      this.#columns.list.some((column) => column.state === "pending")
    );
  }

  #renderColumn(column: Column) {
    const t = this.locale.translator;
    const { status, items, page, state } = column;
    const id = `column-${status.id}`;
    let list;
    if (state === "error") {
      list =
        column.error === UNFILTERED
          ? html`<p class="state" part="empty">${t.t("noStatusFilter")}</p>`
          : errorState(t, t.t("columnError"), explanation(this, t, column.error), () =>
              this.#columns.load(column, (page?.number ?? 0) + 1),
            );
    } else if (!page) {
      list = skeleton(t, 2);
    } else if (items.length === 0) {
      list = html`<p class="muted" part="empty">${t.t("empty")}</p>`;
    } else {
      list = html`<ol class="list cards" part="cards" aria-labelledby=${id}>
        ${items.map(
          (topic) =>
            html`<li part="card" data-topic-id=${topic.id}>
              <button
                class="card-title"
                part="card-title"
                aria-haspopup="dialog"
                @click=${() => this.#openTopic(topic.id, topic)}
              >
                ${topic.title}
              </button>
              <div class="meta">
                <span class="votes" part="vote-count"
                  >${t.plural("voteCount", topic.votes.score)}</span
                >
                ${topic.type ? html`<span part="type">${topic.type.name}</span>` : nothing}
              </div>
            </li>`,
        )}
      </ol>`;
    }
    return html`<section class="column" part="column" aria-labelledby=${id}>
      <div class="column-head">
        <div
          id=${id}
          part="column-heading"
          role="heading"
          aria-level=${Math.min(6, this.level + 1)}
        >
          ${statusPill(status)}
        </div>
        <span class="count muted" part="count"
          >${page && page.total !== null ? t.plural("topicCount", page.total) : nothing}</span
        >
      </div>
      ${list}
      ${
        page?.hasNext && state !== "error"
          ? html`<div class="row">
              <button
                class="btn"
                part="more-button"
                ?disabled=${state === "pending"}
                @click=${() => this.#columns.more(column)}
              >
                ${state === "pending" ? t.t("loading") : t.t("more")}
              </button>
            </div>`
          : nothing
      }
    </section>`;
  }

  /** Where focus goes when the dialog closes: the card the visitor opened it from. */
  #returnTo: HTMLElement | null = null;

  /** Opens topic `id` in the dialog (from a card, or from the address). */
  #openTopic(id: number, data?: Topic): void {
    this.#returnTo = data
      ? this.renderRoot.querySelector<HTMLElement>(`[data-topic-id="${id}"] button`)
      : null;
    this.#open = {
      id,
      data:
        data ??
        this.#columns.list.flatMap((column) => column.items).find((topic) => topic.id === id),
    };
    this.#deepLink.opened(id);
    this.loadPart(
      "load",
      () => import("../topic/userecho-topic-view.ts"),
      () => {
        this.#viewReady = true;
        this.requestUpdate();
      },
      () => this.#onDialogClose(), // nothing to show: as if it closed
    );
    this.requestUpdate();
  }

  #onDialogClose = () => {
    if (!this.#open) return;
    this.#open = undefined;
    this.#deepLink.closed();
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-roadmap": UserEchoRoadmap;
  }
}
