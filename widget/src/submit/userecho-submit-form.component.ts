import { LitElement, html, nothing } from "lit";
import { ContextConsumer } from "@lit/context";
import type { CreateTopicRequest } from "@userecho-edge/shared";
import { FORUM_TOPICS } from "@userecho-edge/shared/paths";
import { createTopic } from "../api/writes.ts";
import { authorised } from "../internal/auth.ts";
import { boardContext } from "../internal/board-context.ts";
import { emit, reportError } from "../internal/events.ts";
import { FetchController } from "../internal/fetch-controller.ts";
import { idempotencyKey } from "../internal/idempotency.ts";
import { explainLater } from "../internal/render.ts";
import { errorMessages, fieldMessage, invalidField, type Field } from "../errors/index.ts";
import { baseStyles } from "../styles/base.ts";
import { controlStyles } from "../styles/control-styles.ts";
import { css } from "../styles/css.ts";

const SIMILAR_DELAY_MS = 300;
const SIMILAR_LIMIT = 5;

/**
 * "Submit an idea" inside `<userecho-feedback>`: title, description, type and category, with
 * existing topics that look similar suggested while the title is typed (the board's search),
 * so the visitor can vote for one instead of posting a duplicate. Internal; loaded on demand.
 * Reads the board's context; tells the board through `userecho-topic-created`,
 * `userecho-sign-in-request`, `userecho-error` and `close` (cancelled).
 *
 * @internal
 */
export class UserEchoSubmitForm extends LitElement {
  static override properties = {
    draft: { attribute: false },
  };

  static override styles = [
    baseStyles,
    controlStyles,
    css`
      form {
        display: grid;
        gap: 0.6rem;
        margin: 0.75rem 0;
        padding: 0.9rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      label {
        display: grid;
        gap: 0.2rem;
      }
    `,
  ];

  /** A title to start from (the launcher's `open({ submit: { title } })`). */
  declare draft: string;

  constructor() {
    super();
    this.draft = "";
  }

  readonly #board = new ContextConsumer(this, { context: boardContext, subscribe: true });
  #title = "";
  #similarTimer: ReturnType<typeof setTimeout> | undefined;
  #busy = false;
  #error = "";

  readonly #similar = new FetchController(this, {
    task: ([api, forum, q], signal) =>
      api && forum && q.length >= 3
        ? api
            .get(
              FORUM_TOPICS,
              { params: { forumId: forum }, query: { limit: SIMILAR_LIMIT, q } },
              { signal },
            )
            .then((page) => page.items)
        : undefined,
    args: () => [this.#board.value?.api, this.#board.value?.forum, this.#title] as const,
  });

  protected override firstUpdated(): void {
    const title = this.renderRoot.querySelector<HTMLInputElement>("#title");
    if (title && this.draft) {
      title.value = this.draft;
      this.#title = this.draft.trim(); // and similar topics are looked for at once
      this.requestUpdate();
    }
    title?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#similarTimer);
  }

  override render() {
    const board = this.#board.value;
    if (!board) return nothing;
    const { t, meta } = board;
    const similar = this.#similar.value ?? [];
    return html`<form
      novalidate
      aria-labelledby="form-heading"
      @submit=${this.#submit}
      @keydown=${this.#onKeydown}
    >
      <div
        id="form-heading"
        class="heading"
        role="heading"
        aria-level=${Math.min(6, board.level + 1)}
      >
        ${t.t("submitIdea")}
      </div>
      <label>
        ${t.t("title")}
        <input
          id="title"
          name="title"
          required
          maxlength="200"
          autocomplete="off"
          aria-invalid=${this.#invalid === "title" ? "true" : "false"}
          aria-describedby=${this.#invalid === "title" ? "form-error" : nothing}
          @input=${this.#onTitle}
        />
      </label>
      <div part="similar" aria-live="polite">
        ${
          similar.length
            ? html`<p class="muted">${t.t("similar")}</p>
                <ul>
                  ${similar.map(
                    (topic) =>
                      html`<li>
                        <a href=${topic.url} target="_blank" rel="noopener">${topic.title}</a>
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
      </div>
      <label>
        ${t.t("description")}
        <textarea
          name="description"
          rows="4"
          maxlength="20000"
          aria-invalid=${this.#invalid === "description" ? "true" : "false"}
          aria-describedby=${this.#invalid === "description" ? "form-error" : nothing}
          @input=${this.#clearError}
        ></textarea>
      </label>
      <div class="row">
        ${
          meta && meta.types.length > 0
            ? html`<label>
                ${t.t("type")}
                <select name="type">
                  ${meta.types.map((type) => html`<option value=${type.id}>${type.name}</option>`)}
                </select>
              </label>`
            : nothing
        }
        ${
          meta && meta.categories.length > 0
            ? html`<label>
                ${t.t("category")}
                <select name="category">
                  <option value="">—</option>
                  ${meta.categories.map(
                    (category) => html`<option value=${category.id}>${category.name}</option>`,
                  )}
                </select>
              </label>`
            : nothing
        }
      </div>
      ${this.#error ? html`<p id="form-error" class="error" role="alert">${this.#error}</p>` : nothing}
      <div class="row">
        <button class="btn primary" type="submit" aria-disabled=${this.#busy ? "true" : "false"}>
          ${t.t("submit")}
        </button>
        <button class="btn" type="button" @click=${this.#close}>${t.t("cancel")}</button>
      </div>
    </form>`;
  }

  #close = () => this.dispatchEvent(new Event("close"));

  /**
   * Escape closes the form (the board returns focus to its button), and only the form: not an
   * expanded topic around it, nor a dialog around the board.
   */
  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    event.preventDefault();
    this.#close();
  };

  /** The field the last message is about, if it is about one. */
  #invalid: Field | undefined;

  #clearError = () => {
    if (!this.#error) return;
    this.#error = "";
    this.#invalid = undefined;
    this.requestUpdate();
  };

  #onTitle = (event: Event) => {
    this.#clearError();
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.#similarTimer);
    this.#similarTimer = setTimeout(() => {
      this.#title = value;
      this.requestUpdate();
    }, SIMILAR_DELAY_MS);
  };

  #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const board = this.#board.value;
    const api = board?.api;
    if (!board || !api || this.#busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const { t } = board;
    // The worker's own rules, checked before sending, with its messages in the visitor's language.
    for (const field of ["title", "description"] as const) {
      const invalid = invalidField(field, text(field));
      if (!invalid) continue;
      this.#invalid = field;
      this.#error = fieldMessage(await errorMessages(t), (n) => t.number(n), invalid);
      this.requestUpdate();
      form.querySelector<HTMLElement>(`[name=${field}]`)?.focus();
      return;
    }
    const type = Number(text("type")) || board.meta?.types[0]?.id;
    if (!type) {
      // No meta, so no topic type to post under: the forum's filters failed to load too.
      this.#error = board.t.t("submitFailed");
      this.requestUpdate();
      return;
    }
    const body: CreateTopicRequest = { title: text("title"), type };
    if (text("description")) body.description = text("description");
    if (text("category")) body.category = Number(text("category"));
    this.#busy = true;
    this.#error = "";
    this.requestUpdate();
    const key = idempotencyKey();
    try {
      const outcome = await authorised(board.tokenProvider, (token) =>
        createTopic(api, board.forum, body, { token, idempotencyKey: key }),
      );
      if (outcome.signedIn) emit(this, "userecho-topic-created", { topic: outcome.value });
      else emit(this, "userecho-sign-in-request", { action: "submit" });
    } catch (error) {
      reportError(this, "submit", error);
      this.#error = `${t.t("submitFailed")} ${await explainLater(t, error)}`.trim();
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-submit-form": UserEchoSubmitForm;
  }
}
