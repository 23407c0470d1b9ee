import type { ContextRequestEvent } from "./context-consumer.ts";

/**
 * A context key: an object compared by identity, typed by the value it carries. The event
 * below follows the community protocol `@lit/context` implements (`context-request`, with
 * `context`, `callback` and `subscribe`), so either side could be swapped for `@lit/context`
 * without touching the other; this copy is a few hundred bytes instead of the library's
 * kilobyte and a half, which the first-render budget cannot spare.
 */
export interface Context<T> {
  readonly name: string;
  /** Type only: the value this context carries. */
  readonly __value?: T;
}

/** A context key named `name` (the name is for debugging; keys compare by identity). */
export function createContext<T>(name: string): Context<T> {
  return { name };
}

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
  }

  /** The value's contents changed: consumers re-render. */
  changed(): void {
    for (const callback of this.#subscribers) callback(this.value);
  }
}
