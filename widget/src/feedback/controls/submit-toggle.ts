import { nothing } from "lit";
import type { TopicDetail } from "@userecho-edge/shared";
import type * as SubmitModule from "../../submit/userecho-submit-form.ts";
import type { BoardHost } from "../board-host.ts";
import { providerOf, type Visitor } from "../visitor/visitor.ts";
import type { BoardContextProvider } from "./context.ts";
import type { Settle } from "./settle.ts";

/**
 * "Submit an idea": whether the form is open, and the title it starts from. The form is a part
 * loaded when the visitor first presses the button; it draws the form (`renderForm`) and tells
 * whether anyone is signed in (`tokenFrom`).
 */
export class SubmitToggle {
  open = false;
  #draft = "";
  #part: typeof SubmitModule | undefined;
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

  /**
   * The button: closes the form, or opens it for a visitor who is signed in. The token callback
   * is asked first (once the form's code is in), so nobody fills in a form only to be told to
   * sign in.
   */
  toggle(): void {
    if (this.open) return this.close();
    const host = this.#host;
    const provider = providerOf(host);
    const signIn = () => this.#visitor.apply({ signIn: { action: "submit" } });
    if (!provider) return signIn();
    host.loadPart(
      "submit",
      () => import("../../submit/userecho-submit-form.ts"),
      async (part) => {
        this.#part = part;
        this.#context.provide(part);
        if (!(await part.tokenFrom(provider))) return signIn();
        host.clearNotice();
        this.open = true;
        host.requestUpdate();
      },
    );
  }

  /** Opens the form with `title` filled in, as pressing the button would. */
  openWith(title: string): void {
    this.#draft = title;
    if (!this.open) this.toggle();
  }

  /** Closes the form; focus returns to its button. */
  readonly close = () => {
    this.#shut();
    this.#settle.expect("#submit");
  };

  #shut(): void {
    this.open = false;
    this.#draft = "";
    this.#host.requestUpdate();
  }

  /**
   * The visitor posted a topic: the form closes, and the new topic goes first on page 1 (with
   * numbered paging, the board goes back to page 1 to show it) and takes focus once it is drawn.
   */
  readonly #posted = (event: CustomEvent<{ topic: TopicDetail }>) => {
    const { topic } = event.detail;
    const { listing } = this.#host;
    const total = listing.topics.value?.page.total;
    this.#shut();
    this.#settle.expect(`[data-topic-id="${topic.id}"] .title`);
    listing.go(1);
    this.#visitor.apply({
      change: (overlay) => ({
        ...overlay,
        created: [topic, ...overlay.created],
        totalAtPost: overlay.totalAtPost === undefined ? total : overlay.totalAtPost,
      }),
      say: this.#host.locale.translator.t("topicCreated"),
      signedIn: true,
    });
  };

  /** The form, while open. */
  render() {
    const part = this.#part;
    return this.open && part ? part.renderForm(this.#draft, this.#posted, this.close) : nothing;
  }
}
