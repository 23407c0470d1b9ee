import { css } from "../styles/css.ts";

/** One topic on its own: its title as the heading, the meta line, then its detail. */
export const topicViewStyles = css`
  .title {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
    margin-block-start: 0.3rem;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .status {
    border-radius: 1em;
    padding-inline: 0.55em;
    font-weight: 600;
    background: var(--status-bg);
    color: var(--status-fg);
  }
  .author {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .votes {
    font-weight: 700;
    color: var(--_text);
  }
`;
