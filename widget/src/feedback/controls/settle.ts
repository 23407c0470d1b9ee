import type { FetchStatus } from "../../internal/fetch-controller.ts";
import type { Listing } from "../listing/topic-list.ts";

/**
 * Focus and announcements that wait for the list: after paging, "Show more", a search or a new
 * topic, focus moves and the live region speaks only once the listing they follow is loaded
 * and every row of it drawn, so focus lands on an element that exists and the announcement
 * matches the screen.
 */
export class Settle {
  #focus: string | undefined;
  #announce: ((listing: Listing) => string) | undefined;
  #drawn: Listing | undefined;

  /** After the next listing settles: focus `focus` (a selector) and announce what `announce` says. */
  expect(focus: string | undefined, announce?: (listing: Listing) => string): void {
    if (focus) this.#focus = focus;
    if (announce) this.#announce = announce;
  }

  /**
   * Call once the rows of `listing` (the one on screen) are drawn. A listing that arrived since
   * the last call gets its announcement; a failed load drops it (the error says what happened).
   * Then, unless a load is in flight, focus moves.
   */
  apply(
    root: ParentNode,
    listing: Listing | undefined,
    status: FetchStatus,
    say: (message: string) => void,
  ): void {
    if (status === "error") this.#announce = undefined;
    if (listing && listing !== this.#drawn) {
      this.#drawn = listing;
      const announce = this.#announce;
      this.#announce = undefined;
      if (announce) say(announce(listing));
    }
    if (this.#focus && status !== "pending") {
      const target = root.querySelector<HTMLElement>(this.#focus);
      this.#focus = undefined;
      target?.focus();
    }
  }
}
