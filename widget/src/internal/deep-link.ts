/**
 * Deep links to topics, for the elements that open a topic in a dialog (`<userecho-launcher>`,
 * `<userecho-roadmap>`), when the page opts in with `history="hash"`:
 *
 * - opening a topic pushes a history entry `#<prefix><id>` (by default `#userecho-topic-123`),
 *   so the address can be shared, and Back closes the topic again;
 * - closing it goes back over that entry (or, for an address the page was loaded with, removes
 *   the fragment without a new entry), so Forward opens it again;
 * - a page loaded with such an address, or sent to one, opens that topic.
 *
 * Two widgets on one page do not fight over the address: each marks the entries it pushes (in
 * `history.state`) and follows only its own; an address nobody pushed (a shared link, a typed
 * URL) belongs to the first element in the document that uses its prefix. Free of Lit (the
 * launcher uses it), and stateless across copies: what it needs it reads from the document.
 */
import { DEFAULT_PREFIX } from "./deep-link-prefix.ts";

const STATE = "userecho-edge:topic";

/** What a deep link asks of the element: show a topic, or put it away. */
export interface DeepLinkHost {
  /** The address names this topic: open it. */
  showTopic(id: number): void;
  /** The address no longer names the topic this element opened: close it. */
  hideTopic(): void;
}

export class DeepLink {
  readonly #element: HTMLElement;
  readonly #host: DeepLinkHost;
  /** The topic this element has in the address, if any. */
  #current: number | undefined;
  #listening = false;

  constructor(element: HTMLElement, host: DeepLinkHost) {
    this.#element = element;
    this.#host = host;
  }

  /** Whether the element opted in (`history="hash"`). */
  get enabled(): boolean {
    return this.#element.getAttribute("history") === "hash";
  }

  get #prefix(): string {
    return this.#element.getAttribute("history-prefix") || DEFAULT_PREFIX;
  }

  /**
   * Identifies this element in the entries it pushes, the same way after a reload: its `id`,
   * else its place among the document's elements that use deep links.
   */
  get #key(): string {
    const element = this.#element;
    const index = [...document.querySelectorAll("[history]")].indexOf(element);
    return `${element.localName}#${element.id || index}`;
  }

  /** Starts following the address (call on connect); opens the topic it names, if ours. */
  connect(): void {
    if (!this.enabled || this.#listening) return;
    this.#listening = true;
    addEventListener("hashchange", this.#follow);
    this.#follow();
  }

  disconnect(): void {
    this.#listening = false;
    removeEventListener("hashchange", this.#follow);
  }

  /** The visitor opened topic `id`: put it in the address, as a new entry. */
  opened(id: number): void {
    if (!this.enabled || this.#current === id) return;
    this.#current = id;
    if (this.#named() === id) return; // opened from the address itself
    history.pushState({ [STATE]: this.#key }, "", `#${this.#prefix}${id}`);
  }

  /** The visitor closed the topic: take it out of the address. */
  closed(): void {
    if (this.#current === undefined) return;
    this.#current = undefined;
    if (this.#named() === undefined) return;
    if (this.#ours()) history.back();
    else history.replaceState(history.state, "", location.pathname + location.search);
  }

  /** The topic the address names with this element's prefix. */
  #named(): number | undefined {
    const hash = decodeURIComponent(location.hash.slice(1));
    const prefix = this.#prefix;
    if (!hash.startsWith(prefix)) return undefined;
    const id = Number(hash.slice(prefix.length));
    return Number.isInteger(id) && id > 0 ? id : undefined;
  }

  /** Whether the current entry was pushed by this element. */
  #ours(): boolean {
    return (history.state as Record<string, unknown> | null)?.[STATE] === this.#key;
  }

  /** Whether an address nobody marked is this element's to open. */
  #owner(): boolean {
    const prefix = this.#prefix;
    const first = [...document.querySelectorAll("[history=hash]")].find(
      (element) => (element.getAttribute("history-prefix") || DEFAULT_PREFIX) === prefix,
    );
    return !first || first === this.#element;
  }

  readonly #follow = () => {
    const id = this.#named();
    const marked = (history.state as Record<string, unknown> | null)?.[STATE];
    const mine = id !== undefined && (marked ? this.#ours() : this.#owner());
    if (mine) {
      if (this.#current === id) return;
      this.#current = id;
      this.#host.showTopic(id);
    } else if (this.#current !== undefined) {
      this.#current = undefined;
      this.#host.hideTopic();
    }
  };
}
