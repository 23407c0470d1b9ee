import { html } from "lit";
import { ContextProvider } from "@lit/context";
import type * as DetailModule from "../detail/userecho-topic-detail.ts";
import type { Topic } from "@userecho-edge/shared";
import { TOPIC } from "@userecho-edge/shared/paths";
import { boardContext, renewed, type BoardContext } from "../internal/board-context.ts";
import type { TokenProvider } from "../internal/config.ts";
import { defaultTokenProvider } from "../internal/config.ts";
import { FetchController } from "../internal/fetch-controller.ts";
import { errorState, explanation, skeleton } from "../internal/render.ts";
import { UserEchoElement } from "../internal/userecho-element.ts";
import { baseStyles } from "../styles/base.ts";
import { controlStyles } from "../styles/control-styles.ts";
import { metaLine } from "../topic-meta/meta-line.ts";
import { paintStatuses } from "../topic-meta/status.ts";
import { topicMetaStyles } from "../topic-meta/topic-meta.styles.ts";
import { topicViewStyles } from "./userecho-topic-view.styles.ts";

type DetailPart = typeof DetailModule;

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

  static override styles = [baseStyles, controlStyles, topicMetaStyles, topicViewStyles];

  /** Id of the topic to show. */
  declare topic: number;
  /** The topic as a list gave it, if known: drawn at once instead of after a request. */
  declare data: Topic | undefined;
  /** Token callback for the comment form; else `configure({ getToken })`. */
  declare getToken: TokenProvider | undefined;

  readonly #context: ContextProvider<typeof boardContext>;
  /** The detail's code, once in: it draws the description, comments and comment form. */
  #detail: DetailPart | undefined;
  /** Comments the visitor posted here, which the topic's count does not hold yet. */
  #posted = 0;

  constructor() {
    super();
    this.topic = 0;
    this.data = undefined;
    this.getToken = undefined;
    this.#context = new ContextProvider(this, {
      context: boardContext,
      initialValue: this.#contextValue(),
    });
  }

  /** The topic's own record, when the list's is not at hand. */
  readonly #loaded = new FetchController(this, {
    task: ([api, id, known], signal) =>
      known || !(Number.isInteger(id) && id > 0)
        ? undefined
        : api?.get(TOPIC, { params: { topicId: id } }, { signal }),
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
    this.#context.setValue(renewed(this.#context.value, this.#contextValue()));
  }

  protected override firstUpdated(): void {
    // The description and comments are the board's topic detail, a chunk of its own: the board
    // imports it lazily too, and a chunk imported both ways made the bundler split Lit out of
    // the board's chunk.
    this.loadPart(
      "load",
      () => import("../detail/userecho-topic-detail.ts"),
      (part) => {
        this.#detail = part;
        this.requestUpdate();
      },
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
        ${metaLine(
          t,
          topic,
          topic.commentCount + this.#posted,
          html`<span class="votes" part="vote-count"
            >${t.plural("voteCount", topic.votes.score)}</span
          >`,
        )}
        ${this.#detail?.renderDetail(topic)}`;
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
