import { nothing } from "lit";
import type { Topic } from "@userecho-edge/shared";
import type * as DetailModule from "../../detail/userecho-topic-detail.ts";
import type { BoardHost } from "../board-host.ts";
import type { Visitor } from "../visitor/visitor.ts";
import { setIn } from "../visitor/votes.ts";
import type { BoardContextProvider } from "./context.ts";
import type { Settle } from "./settle.ts";

/**
 * Which topics are expanded. A topic's detail (description, comments, comment form) is a part
 * loaded on the first expand, which draws it (`renderDetail`); a topic whose part cannot be
 * fetched folds again, and opens once a retry brings it.
 */
export class Expansions {
  readonly #expanded = new Set<number>();
  /** Topics the visitor opened whose detail code is still on its way (or failed, for a retry). */
  readonly #opening = new Set<number>();
  #part: typeof DetailModule | undefined;
  readonly #host: BoardHost;
  readonly #visitor: Visitor;
  readonly #context: BoardContextProvider;
  readonly #settle: Settle;

  constructor(host: BoardHost, visitor: Visitor, context: BoardContextProvider, settle: Settle) {
    this.#host = host;
    this.#visitor = visitor;
    this.#context = context;
    this.#settle = settle;
  }

  has(id: number): boolean {
    return this.#expanded.has(id);
  }

  /** Expands topic `id`, or folds it. */
  toggle(id: number): void {
    if (this.#expanded.delete(id)) {
      this.#opening.delete(id);
    } else {
      this.#expanded.add(id);
      this.#opening.add(id);
      this.#host.loadPart(
        "load",
        () => import("../../detail/userecho-topic-detail.ts"),
        (part) => {
          this.#part = part;
          this.#context.provide(part);
          // Open it (again, after a retry), unless the visitor folded it while the code came.
          if (this.#opening.delete(id)) this.#expanded.add(id);
          this.#host.requestUpdate();
        },
        () => this.#expanded.delete(id), // nothing to show: fold it again
      );
    }
    this.#host.requestUpdate();
  }

  /** The visitor commented on a topic in its detail: its count goes up by one. */
  readonly commented = (event: CustomEvent<{ topicId: number }>) => {
    const id = event.detail.topicId;
    const listed = this.#host.listing.topics.value?.items.find((topic) => topic.id === id);
    this.#visitor.apply({
      change: (overlay) => {
        const patch = overlay.patches.get(id);
        const commentCount = (patch?.commentCount ?? listed?.commentCount ?? 0) + 1;
        return { ...overlay, patches: setIn(overlay.patches, id, { ...patch, commentCount }) };
      },
      say: this.#host.locale.translator.t("commentPosted"),
      signedIn: true,
    });
  };

  /** The detail of `topic`, while it is expanded and its code is in. */
  render(topic: Topic) {
    const part = this.#part;
    return part && this.#expanded.has(topic.id)
      ? part.renderDetail(topic, () => {
          // Escape: it folds, and focus returns to its title.
          this.#settle.expect(`[data-topic-id="${topic.id}"] .title`);
          this.toggle(topic.id);
        })
      : nothing;
  }
}
