import { css } from "../styles/css.ts";

// A comment that receives focus after it was posted shows the ring: the base styles hide it for
// every tabindex="-1" target (headings), which left the visitor with no sign of where focus went.
export const detailStyles = css`
  [part="comment"]:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .detail {
    margin-block-start: 0.75rem;
    padding: 0.75rem;
    background: var(--_surface);
    border-radius: var(--_radius);
    display: grid;
    gap: 0.75rem;
  }
  .html {
    overflow-wrap: anywhere;
  }
  .html > :first-child {
    margin-block-start: 0;
  }
  .html > :last-child {
    margin-block-end: 0;
  }
  .html img {
    max-inline-size: 100%;
    block-size: auto;
  }
  .html pre {
    overflow: auto;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .read-rest {
    margin-block: 0.5rem 0;
  }
  .sub {
    font-weight: 700;
  }
  .by {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .by strong {
    color: var(--_text);
  }
  .badge {
    border: 1px solid;
    border-radius: 1em;
    padding: 0 0.45em;
  }
  form {
    display: grid;
    gap: 0.4rem;
  }
  textarea {
    inline-size: 100%;
  }
`;
