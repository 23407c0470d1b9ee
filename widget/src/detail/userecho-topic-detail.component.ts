import { LitElement, html, nothing } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { ContextConsumer } from "@lit/context";
import type { Comment, CommentPage, Topic } from "@userecho-edge/shared";
import { TOPIC, TOPIC_COMMENTS } from "@userecho-edge/shared/paths";
import { createComment } from "../api/writes.ts";
import { errorMessages, fieldMessage, invalidField } from "../errors/index.ts";
import { openTab } from "../forum-link/open-tab.ts";
import { followSignedIn } from "../forum-link/signed-in.ts";
import { authorised, tokenFrom } from "../internal/auth.ts";
import { boardContext } from "../internal/board-context.ts";
import { emit, reportError } from "../internal/events.ts";
import { FetchController } from "../internal/fetch-controller.ts";
import { idempotencyKey } from "../internal/idempotency.ts";
import { pager } from "../internal/pager.ts";
import { errorState, explainLater, explanation, skeleton } from "../internal/render.ts";
import { baseStyles } from "../styles/base.ts";
import { controlStyles } from "../styles/control-styles.ts";
import { avatar } from "../topic-meta/avatar.ts";
import { when } from "../topic-meta/meta-line.ts";
import { detailStyles } from "./userecho-topic-detail.styles.ts";

const COMMENTS_PER_PAGE = 10;

/**
 * An expanded topic inside `<userecho-feedback>`: its description, its comments (paged) and a
 * comment form. Internal and loaded on first expand; its parts are re-exported by the board.
 * Reads the board's context; tells the board through `userecho-comment-created`,
 * `userecho-sign-in-request` and `userecho-error`, which continue to the page as the board's,
 * and `close` (Escape).
 *
 * @internal
 */
export class UserEchoTopicDetail extends LitElement {
  static override properties = {
    topic: { attribute: false },
    foldable: { attribute: false },
  };

  static override styles = [baseStyles, controlStyles, detailStyles];

  declare topic: Topic | undefined;
  /**
   * Escape folds the topic (the board's rows): the board hears `close`, and the key goes no
   * further, so a dialog around the board stays open. False where the topic is all a dialog
   * shows: Escape then closes the dialog.
   */
  declare foldable: boolean;

  constructor() {
    super();
    this.topic = undefined;
    this.foldable = true;
  }

  readonly #board = new ContextConsumer(this, { context: boardContext, subscribe: true });
  #commentPage = 1;
  /** Comments the visitor posted here, shown after the current page. */
  #posted: Comment[] = [];
  #busy = false;
  #error = "";
  #focusTarget: string | undefined;
  /** The token callback was asked when the visitor started a comment, and had no token. */
  #signedOut = false;

  readonly #detail = new FetchController(this, {
    task: ([api, id], signal) =>
      api && id ? api.get(TOPIC, { params: { topicId: id } }, { signal }) : undefined,
    args: () => [this.#board.value?.api, this.topic?.id] as const,
    onError: (error) => reportError(this, "load", error),
  });

  readonly #comments = new FetchController(this, {
    task: ([api, id, page], signal) =>
      api && id
        ? api.get(
            TOPIC_COMMENTS,
            { params: { topicId: id }, query: { page, limit: COMMENTS_PER_PAGE } },
            { signal },
          )
        : undefined,
    args: () => [this.#board.value?.api, this.topic?.id, this.#commentPage] as const,
    onError: (error) => reportError(this, "load", error),
  });

  protected override updated(): void {
    // Community HTML may carry images without alt text; they are content the reader cannot
    // describe, so they are marked decorative rather than read out by file name.
    for (const image of this.renderRoot.querySelectorAll<HTMLImageElement>(
      ".html img:not([alt])",
    )) {
      image.alt = "";
    }
    if (this.#focusTarget && this.#comments.status !== "pending") {
      this.renderRoot.querySelector<HTMLElement>(this.#focusTarget)?.focus();
      this.#focusTarget = undefined;
    }
  }

  override render() {
    const board = this.#board.value;
    const topic = this.topic;
    if (!board || !topic) return nothing;
    const { t } = board;
    const comments = this.#comments;
    return html`<div class="detail" @keydown=${this.#onKeydown}>
      ${this.#renderDescription()}
      <p class="links">
        ${this.#forumLink("forum-link", t.t("openTopic"))}
        ${this.#forumLink("follow-link", t.t("followTopic"))}
      </p>
      <div class="comments">
        <div
          id="comments-heading"
          class="sub"
          role="heading"
          aria-level=${Math.min(6, board.level + 1)}
          tabindex="-1"
        >
          ${t.t("commentsHeading")}
        </div>
        ${
          comments.status === "error"
            ? errorState(
                t,
                t.t("commentsError"),
                explanation(this, t, comments.error, { topic: true }),
                () => comments.run(),
              )
            : comments.value
              ? this.#renderComments(comments.value)
              : skeleton(t, 2)
        }
      </div>
      <form part="comment-form" novalidate @submit=${this.#submit}>
        <label for="comment-text">${t.t("addComment")}</label>
        <textarea
          id="comment-text"
          name="text"
          rows="3"
          maxlength="10000"
          aria-invalid=${this.#error ? "true" : "false"}
          aria-describedby=${this.#error ? "comment-error" : nothing}
          @focus=${this.#askFirst}
          @input=${this.#clearError}
        ></textarea>
        ${this.#signedOut ? html`<p class="muted">${t.t("signIn")}</p>` : nothing}
        ${
          this.#error
            ? html`<p id="comment-error" class="error" role="alert">${this.#error}</p>`
            : nothing
        }
        <div class="row">
          <button class="btn primary" type="submit" aria-disabled=${this.#busy ? "true" : "false"}>
            ${t.t("postComment")}
          </button>
        </div>
      </form>
    </div>`;
  }

  #renderDescription() {
    const { t } = this.#board.value!;
    const detail = this.#detail;
    if (detail.status === "error") {
      return errorState(
        t,
        t.t("topicError"),
        explanation(this, t, detail.error, { topic: true }),
        () => detail.run(),
      );
    }
    if (!detail.value) return skeleton(t, 1);
    const { descriptionHtml, truncated } = detail.value;
    return html`${
      descriptionHtml
        ? html`<div class="html" part="description">${unsafeHTML(descriptionHtml)}</div>`
        : nothing
    }${this.#readRest(truncated)}`;
  }

  /**
   * A link to the topic on the forum (`part`), signed in when the page gives a token. "Follow on
   * the forum" is the same link under the name of what the visitor came for: UserEcho's own
   * subscribe button is on that page, and the widget builds no follow of its own.
   */
  #forumLink(part: string, label: string) {
    const url = this.topic!.url;
    return html`<a
      part=${part}
      href=${url}
      target="_blank"
      rel="noopener"
      @click=${(event: Event) => this.#follow(event, url)}
      >${label}</a
    >`;
  }

  /** After text the worker cut at its bound (`truncated`): where the rest is. */
  #readRest(truncated: boolean) {
    return truncated
      ? html`<p class="read-rest">
          ${this.#forumLink("read-rest", this.#board.value!.t.t("readRest"))}
        </p>`
      : nothing;
  }

  #renderComments(page: CommentPage) {
    const { t } = this.#board.value!;
    const comments = [
      ...page.items,
      ...this.#posted.filter((posted) => !page.items.some((item) => item.id === posted.id)),
    ];
    if (comments.length === 0) return html`<p class="muted">${t.t("noComments")}</p>`;
    return html`<ol class="list" part="comments">
        ${comments.map(
          (comment) =>
            html`<li part="comment" data-comment-id=${comment.id} tabindex="-1">
              <div class="by">
                ${avatar(comment.author.avatarUrl, comment.author.name)}
                <strong>${comment.author.name}</strong>
                ${
                  comment.isOfficial ? html`<span class="badge">${t.t("official")}</span>` : nothing
                }
                ${when(t, comment.createdAt)}
              </div>
              <div class="html">${unsafeHTML(comment.html)}</div>
              ${this.#readRest(comment.truncated)}
            </li>`,
        )}
      </ol>
      ${pager(t, page.page, t.t("commentsHeading"), (n) => {
        this.#commentPage = n;
        this.#focusTarget = "#comments-heading";
        this.requestUpdate();
      })}`;
  }

  /**
   * A visitor who starts a comment is asked to sign in first, not after writing it: the token
   * callback is asked when the comment box gets focus, and with no token the page hears
   * `userecho-sign-in-request` at once.
   */
  #askFirst = async () => {
    const board = this.#board.value;
    const provider = board?.tokenProvider;
    const signedOut = !provider || !(await tokenFrom(provider));
    if (signedOut && !this.#signedOut && this.topic) {
      emit(this, "userecho-sign-in-request", { action: "comment", topicId: this.topic.id });
    }
    this.#signedOut = signedOut;
    this.requestUpdate();
  };

  /** Escape folds the topic: the board hears `close` (see `foldable`). */
  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !this.foldable) return;
    event.preventDefault();
    this.dispatchEvent(new Event("close"));
  };

  /** "Open on the forum", signed in when the page gives a token (see `followSignedIn`). */
  #follow(event: Event, url: string) {
    const board = this.#board.value;
    const provider = board?.tokenProvider;
    if (!board?.api || !provider) return; // the plain link does its job
    void followSignedIn(openTab(event), board.api, provider, url, true).then(({ error }) => {
      if (error) reportError(this, "continue", error);
    });
  }

  #clearError = () => {
    if (!this.#error) return;
    this.#error = "";
    this.requestUpdate();
  };

  #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const board = this.#board.value;
    const topic = this.topic;
    const form = event.currentTarget as HTMLFormElement;
    const field = form.elements.namedItem("text") as HTMLTextAreaElement;
    const api = board?.api;
    if (!board || !api || !topic || this.#busy) return;
    const { t } = board;
    const text = field.value.trim();
    // The worker's own rule, checked before sending, in the visitor's language.
    const invalid = invalidField("text", field.value);
    if (invalid) {
      this.#error = fieldMessage(await errorMessages(t), (n) => t.number(n), invalid);
      this.requestUpdate();
      field.focus();
      return;
    }
    this.#busy = true;
    this.#error = "";
    this.requestUpdate();
    const key = idempotencyKey();
    try {
      const outcome = await authorised(board.tokenProvider, (token) =>
        createComment(api, topic.id, { text }, { token, idempotencyKey: key }),
      );
      if (!outcome.signedIn) {
        this.#signedOut = true;
        emit(this, "userecho-sign-in-request", { action: "comment", topicId: topic.id });
        return;
      }
      const comment = outcome.value;
      field.value = "";
      this.#signedOut = false;
      this.#posted = [...this.#posted, comment];
      this.#focusTarget = `[data-comment-id="${comment.id}"]`;
      emit(this, "userecho-comment-created", { topicId: topic.id, comment });
    } catch (error) {
      reportError(this, "comment", error);
      this.#error = `${t.t("commentFailed")} ${await explainLater(t, error)}`.trim();
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  };
}
