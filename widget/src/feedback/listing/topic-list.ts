import { html, nothing } from "lit";
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { AppliedQuery, PageInfo, Topic } from "@userecho-edge/shared";
import { skeletonRows } from "../../internal/render.ts";

/**
 * Topics drawn per batch. Fifty topics drawn at once made one task of 60–170 ms (render, then
 * style and layout) on a slow machine; ten at a time keeps the widget's own tasks short (see
 * docs/BENCHMARKS.md), and a page of ten or fewer still appears at once.
 */
export const ROWS_PER_TASK = 10;

/** A loaded page of topics; with `paging="more"`, every page so far. */
export interface Listing {
  readonly page: PageInfo;
  readonly items: readonly Topic[];
  /** What the worker applied: UserEcho may not honour a sort or filter (see `TopicPage`). */
  readonly applied?: AppliedQuery;
}

/**
 * Draws a listing's rows in batches of {@link ROWS_PER_TASK}, one batch per frame, each in a
 * task of its own, so that no task renders, styles and lays out more than one batch. "Show
 * more" appends: the rows already on screen stay, and only the new ones are drawn in batches.
 */
export class RowBatches implements ReactiveController {
  /** Every row of the current listing, worked out once per update. */
  rows: readonly Topic[] = [];
  /** How many of them are drawn. */
  drawn = 0;
  readonly #host: ReactiveControllerHost;
  #listing: Listing | undefined;
  /** The frame request of the next batch; 0 when none is due. */
  #next = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Takes the listing to draw and its rows (call from `willUpdate`). A new listing starts from
   * its first batch, unless it extends the one on screen (`appends`, and the same first topic).
   */
  take(listing: Listing | undefined, rows: readonly Topic[], appends: boolean): void {
    if (listing !== this.#listing) {
      const previous = this.#listing;
      const appended = appends && previous && listing?.items[0] === previous.items[0];
      this.#listing = listing;
      this.drawn = (appended ? this.drawn : 0) + ROWS_PER_TASK;
    }
    this.rows = rows;
  }

  /** Some rows are not drawn yet. */
  get drawing(): boolean {
    return this.drawn < this.rows.length;
  }

  /**
   * Draws the rows drawn so far with `row`, in an ordered list labelled by the heading, then
   * `below` (the paging) once every row is in. Until then, placeholders as tall as the rows
   * still to come and as what will be below them hold their places, so the page below does not
   * move as they arrive.
   */
  render(row: (topic: Topic) => unknown, stale: boolean, below: unknown) {
    const drawing = this.drawing;
    const rows = drawing ? this.rows.slice(0, this.drawn) : this.rows;
    const { page } = this.#listing!;
    // Paging where there is more than one page (known from the total, or from a next page),
    // else the forum link alone.
    const pages = page.totalPages === null ? page.number > 1 || page.hasNext : page.totalPages > 1;
    return html`<ol class="list ${stale ? "stale" : ""}" part="list" aria-labelledby="heading">
        ${rows.map(row)}
      </ol>
      ${drawing ? html`<div class="skeleton">${skeletonRows(this.rows.length - this.drawn)}</div>` : nothing}
      ${drawing || !below ? html`<div class=${pages ? "reserve-paging" : "reserve-link"}></div>` : below}`;
  }

  hostUpdated(): void {
    if (!this.drawing || this.#next) return;
    // The next batch waits for the frame that shows this one, then for a task of its own: with
    // a bare timer, several batches ran before one frame, whose style and layout of all of them
    // made a long task.
    this.#next = requestAnimationFrame(() =>
      setTimeout(() => {
        if (!this.#next) return; // disconnected since
        this.#next = 0;
        this.drawn += ROWS_PER_TASK;
        this.#host.requestUpdate();
      }),
    );
  }

  hostConnected(): void {
    // Moved in the document while rows were still being drawn: draw the rest.
    if (this.drawing) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#next);
    this.#next = 0;
  }
}
