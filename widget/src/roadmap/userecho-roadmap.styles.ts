import { unsafeCSS } from "lit";
import { css } from "../styles/css.ts";
import { dialogStyles } from "../styles/dialog.ts";

/**
 * Columns side by side, as wide as the board allows and at least 15rem, scrolling sideways when
 * they do not fit (a phone); in a right-to-left language they run from the right. Cards are
 * separated by a line; a card's title is a button that opens the topic in a dialog.
 */
export const roadmapStyles = [
  css`
    .columns {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(15rem, 1fr);
      gap: 0.75rem;
      margin-block-start: 0.75rem;
      overflow-x: auto;
      overscroll-behavior-inline: contain;
      scroll-snap-type: inline proximity;
      padding-block-end: 0.25rem;
    }
    .column {
      scroll-snap-align: start;
      padding: 0.75rem;
      background: var(--_surface);
      border-radius: var(--_radius);
      min-inline-size: 0;
    }
    .column-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 0.5rem;
      margin-block-end: 0.5rem;
    }
    .count {
      font-size: 0.85em;
    }
    .cards > li {
      padding: 0.5rem 0;
    }
    .card-title {
      all: unset;
      cursor: pointer;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .card-title:hover {
      color: var(--_accent);
      text-decoration: underline;
    }
    .card-title:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .cards .meta {
      gap: 0.2rem 0.6rem;
      margin-block-start: 0.2rem;
    }
    .column .state {
      margin: 0.5rem 0;
    }
    .column .row {
      margin-block-start: 0.5rem;
    }
    .dialog-body {
      padding: 0.25rem 0;
    }
  `,
  unsafeCSS(dialogStyles),
];
