import type { Listing } from "./topic-list.ts";

/**
 * Focus and announcements that wait for the list: after paging, "Show more", a search, a retry
 * or a new topic, focus moves and the live region speaks only once the listing they follow is
 * loaded and every row of it drawn, so focus lands on an element that exists and the
 * announcement matches the screen. `userecho-load` fires at the same moment.
 */
export class Settle {
  #focus: string | undefined;
  #announce: ((listing: Listing) => string) | undefined;
  #loaded: Listing | undefined;

  /** After the next listing settles: focus `focus` (a selector) and announce what `announce` says. */
  expect(focus: string | undefined, announce?: (listing: Listing) => string): void {
    if (focus) this.#focus = focus;
    if (announce) this.#announce = announce;
  }

  /** A listing arrived; it settles once drawn. */
  loaded(listing: Listing): void {
    this.#loaded = listing;
  }

  /** The load failed: nothing to announce (the error says it). */
  failed(): void {
    this.#announce = undefined;
  }

  /**
   * Call once the rows are drawn. For a listing that arrived and is the one on screen: says its
   * announcement and calls `settled` (which fires `userecho-load`). Then, unless a load is in
   * flight, moves focus.
   */
  apply(
    root: ParentNode,
    current: Listing | undefined,
    pending: boolean,
    say: (message: string) => void,
    settled: (listing: Listing) => void,
  ): void {
    const loaded = this.#loaded;
    if (loaded && loaded === current) {
      this.#loaded = undefined;
      const announce = this.#announce;
      this.#announce = undefined;
      if (announce) say(announce(loaded));
      settled(loaded);
    }
    if (this.#focus && !pending) {
      const target = root.querySelector<HTMLElement>(this.#focus);
      this.#focus = undefined;
      target?.focus();
    }
  }
}
