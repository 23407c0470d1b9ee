import type { ReactiveController } from "lit";
import type { ContextProvider } from "@lit/context";
import type { ForumMeta } from "@userecho-edge/shared";
import { boardContext, renewed, type BoardContext } from "../../internal/board-context.ts";
import type { BoardHost } from "../board-host.ts";
import { providerOf } from "../visitor/visitor.ts";

/**
 * The board's side of the context its parts read (`BoardContext`): provided once the first part
 * that reads it arrives (the part brings `@lit/context`'s provider, which the board's first
 * render does not carry), then handed down anew after each update that changed what it says.
 */
export class BoardContextProvider implements ReactiveController {
  #provider: ContextProvider<typeof boardContext> | undefined;
  readonly #host: BoardHost;
  readonly #meta: { readonly value: ForumMeta | undefined };

  constructor(host: BoardHost, meta: { readonly value: ForumMeta | undefined }) {
    this.#host = host;
    this.#meta = meta;
    host.addController(this);
  }

  /** Starts answering the parts' context requests, with the provider class a part brought. */
  provide(part: { ContextProvider: typeof ContextProvider }): void {
    this.#provider ??= new part.ContextProvider(this.#host, {
      context: boardContext,
      initialValue: this.#value(),
    });
  }

  hostUpdate(): void {
    const provider = this.#provider;
    provider?.setValue(renewed(provider.value, this.#value()));
  }

  #value(): BoardContext {
    const host = this.#host;
    return {
      api: host.api,
      t: host.locale.translator,
      forum: host.forum,
      meta: this.#meta.value,
      level: host.level,
      tokenProvider: providerOf(host),
    };
  }
}
