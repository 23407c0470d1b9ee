import { html, nothing, type ReactiveControllerHost } from "lit";
import type { Translator } from "../i18n/index.ts";
import { emit, type UserAction } from "../internal/events.ts";

/**
 * The board's side of signing in: `userecho-sign-in-request` for the page, and the visible
 * "Please sign in" notice (also announced) until the visitor acts signed in.
 */
export class SignInFlow {
  /** The notice on screen, if any. */
  notice = "";
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #translator: () => Translator;
  readonly #say: (message: string) => void;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    translator: () => Translator,
    say: (message: string) => void,
  ) {
    this.#host = host;
    this.#translator = translator;
    this.#say = say;
  }

  /** Asks the page to sign the visitor in, and says so. */
  request(action: UserAction, topicId?: number): void {
    emit(this.#host, "userecho-sign-in-request", { action, ...(topicId ? { topicId } : {}) });
    this.show();
  }

  /**
   * Shows the notice. A part of the board (topic detail, submit form) fires its own
   * `userecho-sign-in-request`, which passes the board on its way to the page: the board listens
   * and calls this.
   */
  show = (): void => {
    this.notice = this.#translator().t("signIn");
    this.#say(this.notice);
    this.#host.requestUpdate();
  };

  /** The visitor acted signed in: the notice goes. */
  clear(): void {
    if (!this.notice) return;
    this.notice = "";
    this.#host.requestUpdate();
  }

  render() {
    return this.notice ? html`<p class="state" part="notice">${this.notice}</p>` : nothing;
  }
}
