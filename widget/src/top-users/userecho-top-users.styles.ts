import { css } from "../styles/css.ts";

/**
 * The leaderboard's own rules, over the shared base styles. Skeleton rows are as tall as a
 * user's row (the avatar, the padding, the border), so nothing below moves when users arrive,
 * and the first render as tall as `widget.js` reserves (reserve/).
 */
export const topUsersStyles = css`
  li {
    display: grid;
    grid-template-columns: 2rem auto 1fr auto;
    gap: 0.6rem;
    align-items: center;
  }
  .rank {
    font-weight: 700;
    color: var(--_muted);
    text-align: end;
  }
  .rating {
    font-weight: 700;
    color: var(--_accent);
  }
  .avatar {
    font-size: 1em;
    inline-size: 2rem;
    block-size: 2rem;
  }
  .sk {
    border-block-end: 1px solid transparent;
    row-gap: 0;
  }
  .sk .bar {
    block-size: 1rem;
  }
  .sk .bar:first-child {
    block-size: 2rem;
  }
`;
