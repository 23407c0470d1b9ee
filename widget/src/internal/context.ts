/**
 * A context key: an object compared by identity, typed by the value it carries. The provider
 * (`context-provider.ts`) and consumer (`context-consumer.ts`) follow the community protocol
 * `@lit/context` implements (`context-request`, with
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
