import {
  LitElement,
  html,
  nothing,
  type PropertyDeclarations,
  type ReactiveControllerHost,
} from "lit";
import { EdgeApi } from "../api/client.ts";
import { defaultEndpoint } from "./config.ts";
import {
  emit,
  reportError,
  type ErrorDetail,
  type UserEchoEventDetail,
  type UserEchoEventName,
} from "./events.ts";
import { LocaleController } from "./locale-controller.ts";

/**
 * @internal Loads a part of an element (a chunk) and hands it to `use`; when it cannot be
 * fetched, reports it for `action`, calls `fail`, and offers "Try again" (see
 * `UserEchoElement.loadPart`).
 */
export type PartLoader = <T>(
  action: ErrorDetail["action"],
  load: () => Promise<T>,
  use: (part: T) => void,
  fail?: () => void,
) => void;

/**
 * @internal What an element's controllers may use of it, beyond Lit's `ReactiveControllerHost`:
 * members that are public for them, and marked `@internal` (left out of the published
 * declarations).
 */
export type ElementHost = ReactiveControllerHost &
  Pick<
    UserEchoElement,
    | "dispatchEvent"
    | "api"
    | "locale"
    | "level"
    | "announce"
    | "notify"
    | "clearNotice"
    | "loadPart"
    | "reportError"
  >;

/** `light` (default), `dark`, or `auto` to follow `prefers-color-scheme`. */
export type Theme = "light" | "dark" | "auto";
const THEMES: readonly string[] = ["light", "dark", "auto"];

/**
 * What every userecho element shares: the worker endpoint, theme, language, heading, a polite
 * live region, and typed events.
 *
 * An element draws first in the task that registers it (Lit's default: a microtask), so no frame
 * shows it registered but empty, which would move the content below it. Drawing in the next
 * animation frame instead put that render and the frame's style, layout and paint in one task,
 * a long one (docs/BENCHMARKS.md, "First paint of 50 topics, and long tasks").
 *
 * @attr lang - Language of the element's text (one of `LOCALES`: en, ru, es, de, fr, pt-BR, he,
 *   it, nl, pl, ja; others fall back to the closest match, then English). Without it the
 *   closest `lang` ancestor, then the document's.
 */
export class UserEchoElement extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: { type: String },
    theme: { type: String, reflect: true },
    heading: { type: String },
    headingLevel: { type: Number, attribute: "heading-level" },
  };

  /**
   * Origin (and optional path prefix) of the userecho-edge worker. Defaults to `configure({
   * endpoint })`, which the script-tag build sets to the origin `widget.js` was loaded from.
   */
  declare endpoint: string | undefined;
  /** Colour theme. */
  declare theme: Theme;
  /** Replaces the default, localised heading text. */
  declare heading: string | undefined;
  /** `aria-level` of the heading, 1–6. */
  declare headingLevel: number;

  /** @internal The element's language and its translator; for its controllers. */
  readonly locale = new LocaleController(this, (error, retry) =>
    this.partFailed("load", error, retry),
  );
  /** The notice on screen (a sign-in request, a part that could not be fetched), if any. */
  #notice: { text: string; retry?: (() => void) | undefined } | undefined;
  #api: EdgeApi | undefined;
  #announcement = "";
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.theme = "light";
    this.headingLevel = 2;
  }

  /**
   * @internal The client for the current endpoint; `undefined` when no endpoint is known, and
   * then the element shows its loading state until one is set (attribute or `configure()`).
   */
  get api(): EdgeApi | undefined {
    const endpoint = (this.endpoint || defaultEndpoint())?.replace(/\/+$/, "");
    if (!endpoint) return undefined;
    if (this.#api?.endpoint !== endpoint) this.#api = new EdgeApi(endpoint);
    return this.#api;
  }

  /** @internal `aria-level` of the heading: `heading-level`, 1–6. */
  get level(): number {
    return Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
  }

  /** Classes of the root element: theme. */
  protected rootClass(): string {
    return `root ${THEMES.includes(this.theme) ? this.theme : "light"}`;
  }

  /** @internal Says `message` through the polite live region. */
  announce(message: string): void {
    // Cleared first so that the same message twice is announced twice.
    this.#announcement = "";
    this.requestUpdate();
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.#announcement = message;
      this.requestUpdate();
    }, 100);
  }

  /**
   * @internal Loads a part of the element (a chunk) and hands it to `use`. When it cannot be fetched (the
   * network or the server is gone), fires `userecho-error` for `action`, calls `fail`, and shows
   * a message with "Try again", which runs `retry` (by default: load it again, then use it).
   */
  loadPart<T>(
    action: ErrorDetail["action"],
    load: () => Promise<T>,
    use: (part: T) => void,
    fail?: () => void,
    retry = () => this.loadPart(action, load, use, fail),
  ): void {
    load().then(use, (error: unknown) => {
      fail?.();
      this.partFailed(action, error, retry);
    });
  }

  protected partFailed(action: ErrorDetail["action"], error: unknown, retry: () => void): void {
    this.reportError(action, error);
    this.notify(this.locale.translator.t("partFailed"), retry);
  }

  /** @internal Shows a notice (announced too), with "Try again" when given `retry`. */
  notify(text: string, retry?: () => void): void {
    this.#notice = { text, retry };
    this.announce(text);
  }

  /** @internal Takes the notice away. */
  clearNotice(): void {
    if (!this.#notice) return;
    this.#notice = undefined;
    this.requestUpdate();
  }

  /** The notice, if any: an alert with "Try again", or a plain message. */
  protected renderNotice() {
    const notice = this.#notice;
    if (!notice) return nothing;
    const { text, retry } = notice;
    return html`<div class="state" part="notice" role=${retry ? "alert" : nothing}>
      ${text}
      ${
        retry
          ? html`<button
              class="btn"
              part="retry-button"
              @click=${() => {
                this.clearNotice();
                retry();
              }}
            >
              ${this.locale.translator.t("retry")}
            </button>`
          : nothing
      }
    </div>`;
  }

  protected renderAnnouncer() {
    return html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      ${this.#announcement}
    </div>`;
  }

  protected emit<K extends UserEchoEventName>(name: K, detail: UserEchoEventDetail<K>): boolean {
    return emit(this, name, detail);
  }

  /** @internal Fires `userecho-error` for a failure (the element shows it too). */
  reportError(action: ErrorDetail["action"], error: unknown): void {
    reportError(this, action, error);
  }
}
