import { css } from "lit";

export const detailStyles = css`
  .detail {
    margin-top: 0.75rem;
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
    margin-top: 0;
  }
  .html > :last-child {
    margin-bottom: 0;
  }
  .html img {
    max-inline-size: 100%;
    block-size: auto;
  }
  .html pre {
    overflow: auto;
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
