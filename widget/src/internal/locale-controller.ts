import type { ReactiveController, ReactiveControllerHost } from "lit";
import { Translator, loadMessages, loadedMessages, matchLocale } from "../i18n/index.ts";
import en from "../i18n/locales/en.ts";
import { closestLang, intlTag } from "./lang.ts";

/**
 * Keeps a host's `Translator` in step with the language it is in (see `closestLang`), loading a
 * locale's strings on demand. Watches `lang` attributes on the host and anywhere in the document.
 */
export class LocaleController implements ReactiveController {
  /** Formats messages, numbers and dates; English until the right locale has loaded. */
  translator = new Translator("en", en);
  /** False while a locale's strings are loading. */
  ready = true;
  readonly #host: ReactiveControllerHost & HTMLElement;
  #tag: string | undefined;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
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
    const intl = intlTag(tag || locale, locale);
    const messages = loadedMessages(locale);
    if (messages) {
      this.#use(intl, messages);
      return;
    }
    this.ready = false;
    this.#host.requestUpdate();
    void loadMessages(locale).then((loaded) => {
      if (this.#tag === tag) this.#use(intl, loaded);
    });
  }

  #use(intl: string, messages: Translator["messages"]): void {
    this.translator = new Translator(intl, messages);
    this.ready = true;
    this.#host.requestUpdate();
  }
}
