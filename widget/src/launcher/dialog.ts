/**
 * The launcher's dialog, fetched with the board's code (when the visitor points at or focuses
 * the launcher, or it opens), not with its tab: the frame, the board or a topic in it, the
 * spinner while their code loads, and deep links. The launcher owns the tab and the API; this
 * does what they ask.
 */
import { RTL_LOCALES, type Locale } from "../i18n/locales.ts";
import type { TokenProvider } from "../internal/config.ts";
import { DeepLink } from "../internal/deep-link.ts";
import type { ErrorDetail } from "../internal/events.ts";
import { closeOnBackdrop, showModal } from "../internal/modal.ts";
import { loadBoard, type Board } from "../load-board.ts";
import { DIALOG_STRINGS, type DialogStrings } from "./dialog-strings.ts";
import { launcherDialogStyles } from "./dialog.styles.ts";
import { make } from "./make.ts";

/** What `open()` opens on. */
export interface LauncherOpenOptions {
  /** A topic (its id), on its own, instead of the board. */
  topic?: number;
  /**
   * "Submit an idea", its title filled in. Needs a signed-in visitor, as the board's button
   * does; without one the page hears `userecho-sign-in-request`.
   */
  submit?: { title?: string };
}

/** Attributes passed on to the board in the dialog (the topic takes the first two). */
const FOR_BOARD = ["endpoint", "theme", "forum", "page-size", "sort", "paging", "heading"];

/** What the dialog needs of its launcher. */
export interface DialogHost extends HTMLElement {
  readonly getToken: TokenProvider | undefined;
}

const styles = new CSSStyleSheet();
styles.replaceSync(launcherDialogStyles);

let board: Promise<Board> | undefined;

/** Fetches the board's code once per page; again after a failure. */
function fetchBoard(): Promise<Board> {
  board ??= loadBoard().catch((error: unknown) => {
    board = undefined;
    throw error;
  });
  return board;
}

export class LauncherDialog {
  readonly #host: DialogHost;
  readonly #dialog: HTMLDialogElement;
  readonly #bar: HTMLDivElement;
  readonly #title: HTMLSpanElement;
  readonly #back: HTMLButtonElement;
  readonly #close: HTMLButtonElement;
  readonly #body: HTMLDivElement;
  #words: DialogStrings = DIALOG_STRINGS.en;
  #feedback: HTMLElementTagNameMap["userecho-feedback"] | undefined;
  #topicView: HTMLElementTagNameMap["userecho-topic-view"] | undefined;
  /** The dialog opened on a topic: when the topic goes, the dialog goes. */
  #openedOnTopic = false;
  /** Counts what the dialog was asked to show, so a slow load does not show a stale one. */
  #shown = 0;

  readonly #deepLink: DeepLink;

  /** Builds the dialog into `shadow` (the launcher's shadow root), inside `root`. */
  constructor(host: DialogHost, shadow: ShadowRoot, root: HTMLElement) {
    this.#host = host;
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, styles];
    this.#dialog = make("dialog", { part: "dialog", "aria-labelledby": "title" });
    this.#bar = make("div", { class: "dialog-bar", part: "header" });
    this.#back = make("button", { class: "btn", part: "back-button", type: "button" });
    this.#title = make("span", { id: "title", class: "dialog-title", part: "title" });
    this.#close = make("button", { class: "btn close", part: "close-button", type: "button" });
    this.#close.textContent = "×";
    this.#bar.append(this.#back, this.#title, this.#close);
    this.#body = make("div", { class: "body", part: "body" });
    this.#dialog.append(this.#bar, this.#body);
    root.append(this.#dialog);

    this.#close.addEventListener("click", () => this.close());
    this.#back.addEventListener("click", () => {
      this.#deepLink.closed();
      this.#openedOnTopic = false;
      void this.#show({});
    });
    this.#dialog.addEventListener("close", () => {
      this.#shown++;
      this.#deepLink.closed();
      this.#emit("userecho-close", {});
    });
    closeOnBackdrop(this.#dialog);
    this.#deepLink = new DeepLink(host, {
      showTopic: (id) => this.open({ topic: id }),
      hideTopic: () => {
        if (this.#openedOnTopic) this.close();
        else void this.#show({});
      },
    });
  }

  get opened(): boolean {
    return this.#dialog.open;
  }

  /** Fetches the board's code ahead of opening. A failure shows only once the dialog opens. */
  preload(): void {
    fetchBoard().catch(() => undefined);
  }

  /** Follows the address, when the launcher has `history="hash"`. */
  connect(): void {
    this.#deepLink.connect();
  }

  disconnect(): void {
    this.#deepLink.disconnect();
  }

  /** Draws the frame's words in `locale`, with `label` as its title. */
  draw(label: string, locale: Locale): void {
    this.#words = DIALOG_STRINGS[locale];
    this.#bar.lang = locale;
    this.#dialog.dir = RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
    this.#title.textContent = label;
    this.#back.textContent = this.#words.allTopics;
    this.#close.setAttribute("aria-label", this.#words.close);
    if (this.#dialog.open) this.pass();
  }

  /**
   * Opens the dialog, or switches what it shows: the board, a topic, or the submit form.
   * Focus goes back to `returnTo` when it closes.
   */
  open(options: LauncherOpenOptions, returnTo?: HTMLElement): void {
    const { topic } = options;
    const id = Number.isInteger(topic) && topic! > 0 ? topic : undefined;
    if (!this.#dialog.open) {
      this.#openedOnTopic = id !== undefined;
      // Before showModal, which focuses the first control it finds: a hidden one loses focus.
      this.#back.hidden = id === undefined;
      showModal(this.#dialog, returnTo);
      this.#emit("userecho-open", id ? { topic: id } : {});
    }
    void this.#show(id ? { topic: id } : { ...(options.submit ? { submit: options.submit } : {}) });
  }

  close(): void {
    this.#dialog.close();
  }

  /** Shows the board (and its submit form, if asked), or a topic, once their code is in. */
  async #show(options: LauncherOpenOptions): Promise<void> {
    const shown = ++this.#shown;
    const { topic, submit } = options;
    this.#back.hidden = topic === undefined;
    if (topic !== undefined) this.#deepLink.opened(topic);
    this.#state("loading");
    let code: Board;
    try {
      code = await fetchBoard();
      if (topic !== undefined) await code.loadTopicView();
    } catch (error) {
      if (shown !== this.#shown) return;
      this.#state("failed", () => void this.#show(options));
      this.#emit("userecho-error", {
        action: "load",
        status: 0,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ErrorDetail);
      return;
    }
    if (shown !== this.#shown) return; // closed, or asked for something else meanwhile
    this.#feedback ??= make("userecho-feedback", { part: "board" });
    this.#topicView ??= make("userecho-topic-view", { part: "topic" });
    this.pass();
    if (topic !== undefined) this.#topicView.setAttribute("topic", String(topic));
    this.#body.replaceChildren(topic === undefined ? this.#feedback : this.#topicView);
    if (submit) {
      await this.#feedback.updateComplete;
      if (shown === this.#shown) this.#feedback.openSubmitForm(submit.title);
    }
  }

  /** The spinner while the code loads, or the failure with "Try again". */
  #state(state: "loading" | "failed", retry?: () => void): void {
    const words = this.#words;
    const box = make("div", { class: "state", role: state === "loading" ? "status" : "alert" });
    if (state === "loading") {
      const text = make("span", { class: "sr-only" });
      text.textContent = words.loading;
      box.append(make("div", { class: "spinner" }), text);
    } else {
      const button = make("button", { class: "btn", type: "button" });
      button.textContent = words.retry;
      button.addEventListener("click", () => retry?.());
      box.append(words.failed, button);
    }
    this.#body.replaceChildren(box);
  }

  /** Passes the launcher's attributes and token callback on to the board and the topic. */
  pass(): void {
    const host = this.#host;
    for (const [element, names] of [
      [this.#feedback, FOR_BOARD],
      [this.#topicView, FOR_BOARD.slice(0, 2)],
    ] as const) {
      if (!element) continue;
      for (const name of names) {
        const value = host.getAttribute(name);
        if (value === null) element.removeAttribute(name);
        else element.setAttribute(name, value);
      }
      element.getToken = host.getToken;
    }
  }

  #emit(name: string, detail: object): void {
    this.#host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
