import { css } from "../styles/css.ts";

/**
 * The meta line (status pill, type, category, comments, author, date) and the status
 * pill, for every element that shows them. The avatar's rules are in the base styles: the
 * leaderboard shows avatars without a meta line.
 */
export const topicMetaStyles = css`
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
    display: inline-block;
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
`;
