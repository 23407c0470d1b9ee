import { css } from "./css.ts";

/**
 * What the parts drawn after a board's first rows need, and every other element from the start:
 * selects and text areas, links, rows of buttons (paging, forms), the current page, disabled
 * buttons. The board's controls adopt it when they arrive (feedback/controls); apart from `baseStyles`, so
 * the board's first render does not carry it.
 */
export const controlStyles = css`
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.4em 0.6em;
  }
  [aria-current="page"] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .btn:disabled,
  .btn[aria-disabled="true"] {
    cursor: default;
    opacity: 0.6;
  }
  a {
    color: var(--_accent);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-block-start: 0.75rem;
  }
`;
