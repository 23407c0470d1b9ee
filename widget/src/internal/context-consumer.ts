import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Context } from "./context.ts";

// Apart from the provider (context.ts): only the parts loaded after the first row consume the
// board's context, so this code is not in the first render.

/** Asks the closest provider above `target` for a context's value (composed, bubbling). */
export class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly callback: (value: T, unsubscribe?: () => void) => void,
    readonly subscribe: boolean,
  ) {
    super("context-request", { bubbles: true, composed: true });
  }
}

/** A provider of `context` appeared (bubbles to the window, composed). */
export class ContextProviderEvent extends Event {
  constructor(readonly context: Context<unknown>) {
    super("context-provider", { bubbles: true, composed: true });
  }
}

/**
 * A consumer's side: asks for the context when its host connects, keeps the value and updates
 * the host when the provider says the value changed.
 */
export class ContextConsumer<T> implements ReactiveController {
  value: T | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #context: Context<T>;
  #unsubscribe: (() => void) | undefined;
  readonly #callback = (value: T, unsubscribe?: () => void) => {
    this.value = value;
    this.#unsubscribe ??= unsubscribe;
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost & HTMLElement, context: Context<T>) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  hostConnected(): void {
    this.#request();
    // Unanswered: no provider yet. Ask again when one appears (see `ContextProviderEvent`).
    if (!this.#unsubscribe) addEventListener("context-provider", this.#onProvider);
  }

  hostDisconnected(): void {
    removeEventListener("context-provider", this.#onProvider);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #request(): void {
    this.#host.dispatchEvent(new ContextRequestEvent(this.#context, this.#callback, true));
  }

  readonly #onProvider = (event: Event) => {
    if ((event as ContextProviderEvent).context !== this.#context) return;
    this.#request();
    if (this.#unsubscribe) removeEventListener("context-provider", this.#onProvider);
  };
}
