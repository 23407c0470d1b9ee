import { html, nothing } from "lit";
import type { Topic } from "@userecho-edge/shared";
import { boardContext, type BoardContext } from "../feedback/board-context.ts";
import { paintStatuses } from "../feedback/topic-row.ts";
import type { TokenProvider } from "../internal/config.ts";
import { defaultTokenProvider } from "../internal/config.ts";
import { ContextProvider } from "../internal/context-provider.ts";
import { FetchController } from "../internal/fetch-controller.ts";
import { avatar, errorState, explanation, skeleton, when } from "../internal/render.ts";
import { UserEchoElement } from "../internal/userecho-element.ts";
import { baseStyles } from "../styles/base.ts";
import { topicViewStyles } from "./userecho-topic-view.styles.ts";

/** The parts of the topic's detail passed on to the page. */
const DETAIL_PARTS =
  "description, comments, comment, comment-form, forum-link, avatar, date, pagination, page-button, error, retry-button, skeleton";

/**
 * One topic on its own, as the launcher and the roadmap show it in their dialogs: its title as
 * the heading, status, type, votes, comments, author and date, then its description, comments
 * and comment form (`<userecho-topic-detail>`, which reads the context this element provides,
 * as it does the board's). Internal; loaded with the dialog that shows it.
 *
 * @internal
 */
export class UserEchoTopicView extends UserEchoElement {
  static override properties = {
    topic: { type: Number },
    data: { attribute: false },
    getToken: { attribute: false },
  };

  static override styles = [baseStyles, topicViewStyles];

  /** Id of the topic to show. */
  declare topic: number;
  /** The topic as a list gave it, if known: drawn at once instead of after a request. */
  declare data: Topic | undefined;
  /** Token callback for the comment form; else `configure({ getToken })`. */
  declare getToken: TokenProvider | undefined;

  readonly #context: ContextProvider<BoardContext>;
  /** Comments the visitor posted here, which the topic's count does not hold yet. */
  #posted = 0;

  constructor() {
    super();
    this.topic = 0;
    this.data = undefined;
    this.getToken = undefined;
    this.#context = new ContextProvider(this, boardContext, this.#contextValue());
  }

  /** The topic's own record, when the list's is not at hand. */
  readonly #loaded = new FetchController(this, {
    task: ([, id, known], signal) =>
      known || !(Number.isInteger(id) && id > 0) ? undefined : this.requireApi().topic(id, signal),
    args: () => [this.api, this.topic, this.data?.id === this.topic] as const,
    onError: (error) => this.reportError("load", error),
  });

  get #shown(): Topic | undefined {
    return this.data?.id === this.topic ? this.data : this.#loaded.value;
  }

  #contextValue(): BoardContext {
    return {
      api: this.api,
      t: this.locale.translator,
      forum: this.#shown?.forumId ?? 0,
      meta: undefined,
      level: this.level,
      tokenProvider: this.getToken ?? defaultTokenProvider(),
    };
  }

  protected override willUpdate(): void {
    Object.assign(this.#context.value, this.#contextValue());
    this.#context.changed();
  }

  protected override firstUpdated(): void {
    super.firstUpdated();
    // The description and comments are the board's topic detail, a chunk of its own: the board
    // imports it lazily too, and a chunk imported both ways made the bundler split Lit out of
    // the board's chunk. It upgrades in place once defined.
    this.loadPart(
      "load",
      () => import("../detail/userecho-topic-detail.ts"),
      () => undefined,
    );
  }

  protected override updated(): void {
    paintStatuses(this.renderRoot);
  }

  override render() {
    const t = this.locale.translator;
    const topic = this.#shown;
    const loaded = this.#loaded;
    let body;
    if (loaded.status === "error") {
      body = errorState(
        t,
        t.t("topicError"),
        explanation(this, t, loaded.error, { topic: true }),
        () => loaded.run(),
      );
    } else if (!topic || !this.locale.ready) {
      body = skeleton(t, 3);
    } else {
      body = html`<div
          class="title"
          part="heading"
          role="heading"
          aria-level=${this.level}
          id="heading"
          tabindex="-1"
        >
          ${topic.title}
        </div>
        <div class="meta" part="meta">
          ${
            topic.status?.name
              ? html`<span class="status" part="status" data-color=${topic.status.color}
                  >${topic.status.name}</span
                >`
              : nothing
          }
          ${topic.type ? html`<span part="type">${topic.type.name}</span>` : nothing}
          ${topic.category ? html`<span part="category">${topic.category.name}</span>` : nothing}
          <span class="votes" part="vote-count">${t.plural("voteCount", topic.votes.score)}</span>
          <span part="comment-count"
            >${t.plural("comments", topic.commentCount + this.#posted)}</span
          >
          <span class="author" part="author"
            >${avatar(topic.author.avatarUrl, topic.author.name)}${topic.author.name}</span
          >
          ${when(t, topic.createdAt)}
        </div>
        <userecho-topic-detail
          part="detail"
          exportparts=${DETAIL_PARTS}
          .topic=${topic}
          .foldable=${false}
        ></userecho-topic-detail>`;
    }
    return html`<div
      class=${this.rootClass()}
      part="base"
      lang=${t.locale}
      @userecho-sign-in-request=${() => this.notify(t.t("signIn"))}
      @userecho-comment-created=${this.#onCommentCreated}
    >
      ${this.renderNotice()}
      <div aria-busy=${loaded.status === "pending" ? "true" : "false"}>${body}</div>
      ${this.renderAnnouncer()}
    </div>`;
  }

  #onCommentCreated = () => {
    this.#posted += 1;
    this.announce(this.locale.translator.t("commentPosted"));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-topic-view": UserEchoTopicView;
  }
}
