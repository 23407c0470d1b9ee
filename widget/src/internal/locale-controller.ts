import type { ReactiveController, ReactiveControllerHost } from "lit";
import { Translator, loadMessages, loadedMessages, matchLocale } from "../i18n/index.ts";
import { closestLang, formattingTag } from "./lang.ts";

/**
 * Keeps a host's `Translator` in step with the language it is in (see `closestLang`), loading a
 * locale's strings on demand. Watches `lang` attributes on the host and anywhere in the document.
 */
export class LocaleController implements ReactiveController {
  /** Formats messages, numbers and dates; English until the right locale has loaded. */
  translator = new Translator("en", loadedMessages("en")!);
  /** False while a locale's strings are loading. */
  ready = true;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onError: (error: unknown, retry: () => void) => void;
  #tag: string | undefined;
  #observer: MutationObserver | undefined;

  /**
   * `onError` hears when a language's strings cannot be fetched: the element then stays whole in
   * the language it was in (strings, numbers and dates alike), and `retry` tries again.
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    onError: (error: unknown, retry: () => void) => void,
  ) {
    this.#host = host;
    this.#onError = onError;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer ??= new MutationObserver(() => this.refresh());
    const options = { attributes: true, attributeFilter: ["lang"] };
    this.#observer.observe(this.#host, options);
    this.#observer.observe(document.documentElement, { ...options, subtree: true });
    this.refresh();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  /** Re-reads the language; cheap when it has not changed. */
  refresh(): void {
    const tag = closestLang(this.#host);
    if (tag === this.#tag) return;
    this.#tag = tag;
    const locale = matchLocale(tag);
    const intl = formattingTag(tag, locale);
    const messages = loadedMessages(locale);
    if (messages) {
      this.#use(intl, messages);
      return;
    }
    this.ready = false;
    this.#host.requestUpdate();
    loadMessages(locale).then(
      (loaded) => {
        if (this.#tag === tag) this.#use(intl, loaded);
      },
      (error: unknown) => {
        if (this.#tag !== tag) return;
        this.ready = true; // the previous translator stays
        this.#host.requestUpdate();
        this.#onError(error, () => {
          this.#tag = undefined;
          this.refresh();
        });
      },
    );
  }

  #use(intl: string, messages: Translator["messages"]): void {
    this.translator = new Translator(intl, messages);
    this.ready = true;
    this.#host.requestUpdate();
  }
}
