import { css } from "../styles/css.ts";

// Against layout shift: the first render is as tall as `widget.js` reserves before it comes
// (reserve/), and as the board once its rows are in. So its height depends on the page size and
// on one breakpoint, a content box of 36rem, and not on what the lines hold: the filters take a
// line's place from the first render (as tall as a label over a select: two lines of 0.875em
// text, the select's padding and border) and scroll sideways rather than wrap; in a narrow board
// the search and the filters each take a line, and so do the actions; skeleton rows are as tall
// as topics (padding, the vote column, the border; taller in a narrow board, where titles wrap);
// the paging and forum link have their place held until drawn; the count has room before it is
// known, so the heading's line does not wrap when it arrives.
// Topics out of view skip layout and paint (content-visibility), and count as tall as a
// skeleton row until first drawn: a row's first layout is at that size, even in view, so a
// wrong guess there moved the page below for one frame. Its paint containment clips at the
// row's edge, which cut the vote button's focus ring; overflow-clip-margin leaves room.
// (Comments inside css`` ship in the bundle, hence here.)
export const feedbackStyles = css`
  .head,
  .actions,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .count {
    flex: 1;
    min-inline-size: 6em;
  }
  .toolbar {
    margin: 0.75rem 0;
    align-items: end;
  }
  label {
    display: grid;
    gap: 0.2rem;
    font-size: 0.875em;
  }
  label span {
    color: var(--_muted);
  }
  .search {
    flex: 1 1 12rem;
  }
  .filters {
    flex: 1 1 20rem;
    display: flex;
    gap: 0.5rem 0.75rem;
    align-items: end;
    overflow-x: auto;
    padding: 0.2rem;
    margin: -0.2rem;
    min-block-size: calc(3.2375em + 0.6rem + 2px);
  }
  .sk {
    border-block-end: 1px solid transparent;
  }
  .sk .bar:first-child {
    block-size: calc(3.5em + 2px);
  }
  @container (max-width: 36rem) {
    .sk .bar:first-child {
      block-size: calc(4.9em + 2px);
    }
    .actions,
    .filters {
      flex-basis: 100%;
    }
    .topic {
      contain-intrinsic-size: auto calc(4.9em + 2px);
    }
  }
  .reserve-paging {
    block-size: calc(1.5rem + 3.7em + 2px);
  }
  .reserve-link {
    block-size: calc(0.75rem + 1.45em);
  }
  .stale {
    opacity: 0.6;
  }
  .topic {
    display: grid;
    grid-template-columns: 2.5rem minmax(0, 1fr);
    gap: 0.75rem;
    content-visibility: auto;
    contain-intrinsic-size: auto calc(3.5em + 2px);
    overflow-clip-margin: 0.35rem;
  }
  .vote {
    display: grid;
    justify-items: center;
    align-content: start;
  }
  .vote .btn {
    padding: 0.3em 0.6em;
    color: var(--_accent);
  }
  .vote .btn[aria-pressed="true"] {
    color: var(--_on-accent);
  }
  svg {
    inline-size: 0.8rem;
    fill: currentColor;
  }
  .votes {
    font-weight: 700;
  }
  .title {
    all: unset;
    cursor: pointer;
    font-weight: 600;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }
  .title:hover {
    color: var(--_accent);
    text-decoration: underline;
  }
  .title:focus-visible {
    outline: 2px solid var(--_focus);
  }
`;
