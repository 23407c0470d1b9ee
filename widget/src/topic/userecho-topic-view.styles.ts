import { css } from "../styles/css.ts";

/**
 * One topic on its own: its title as the heading, and the score it adds to the meta line (whose
 * own rules are topic-meta's).
 */
export const topicViewStyles = css`
  .title {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .meta .votes {
    font-weight: 700;
    color: var(--_text);
  }
`;
