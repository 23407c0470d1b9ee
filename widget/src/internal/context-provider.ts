import { ContextProviderEvent, type ContextRequestEvent } from "./context-consumer.ts";
import type { Context } from "./context.ts";

// Apart from the key (context.ts): only parts loaded after the first row provide or consume a
// context, so this code is not in the first render.

/**
 * Answers `context-request` events for one context that reach its host, with one value built
 * by the host (read-only to consumers). `changed()` tells every subscribed consumer to read it
 * again, e.g. after the language changed.
 */
export class ContextProvider<T> {
  readonly value: T;
  readonly #subscribers = new Set<(value: T, unsubscribe?: () => void) => void>();

  constructor(host: HTMLElement, context: Context<unknown>, value: T) {
    this.value = value;
    host.addEventListener("context-request", (event) => {
      const request = event as ContextRequestEvent<T>;
      if (request.context !== context) return;
      event.stopPropagation();
      const { callback } = request;
      if (!request.subscribe) return callback(value);
      this.#subscribers.add(callback);
      callback(value, () => this.#subscribers.delete(callback));
    });
    // Consumers that connected before this provider existed asked in vain (the board creates its
    // provider when a part's code arrives, and the part's elements upgrade as it is evaluated):
    // this tells them to ask again (the community protocol's `context-provider` event).
    host.dispatchEvent(new ContextProviderEvent(context));
  }

  /** The value's contents changed: consumers re-render. */
  changed(): void {
    for (const callback of this.#subscribers) callback(this.value);
  }
}
