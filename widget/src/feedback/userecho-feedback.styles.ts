import { css } from "lit";

// Topics out of view skip layout and paint (content-visibility). Its paint containment clips
// at the row's edge, which cut the vote button's focus ring; overflow-clip-margin leaves room.
// (Comments inside css`` ship in the bundle, hence here.)
export const feedbackStyles = css`
  .head,
  .actions,
  .toolbar,
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .count {
    flex: 1;
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
  .stale {
    opacity: 0.6;
  }
  .topic {
    display: grid;
    grid-template-columns: 2.5rem minmax(0, 1fr);
    gap: 0.75rem;
    content-visibility: auto;
    contain-intrinsic-size: auto 5rem;
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
  .meta {
    gap: 0.25rem 0.6rem;
    margin-top: 0.3rem;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .status {
    border-radius: 1em;
    padding: 0 0.55em;
    font-weight: 600;
    background: var(--status-bg);
    color: var(--status-fg);
  }
  .author {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
`;
