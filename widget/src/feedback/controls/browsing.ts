import type { Listing } from "../listing/topic-list.ts";

/**
 * What the sort, the filters and the paging may ask of the board. They set its query
 * properties (`sort`, `type`, …) as a page would, and go to a page through `go`.
 */
export interface Browsing {
  /**
   * Shows page `page`; once it is loaded and drawn, focus moves to `focus` (a selector) and the
   * live region says what `announce` makes of it.
   */
  go(page: number, focus?: string, announce?: (listing: Listing) => string): void;
  /** "Continue on the forum", signed in when the page gives a token. */
  follow(event: Event, url: string): void;
  /** Loads the forum's meta again, after it failed. */
  retryMeta(): void;
}
