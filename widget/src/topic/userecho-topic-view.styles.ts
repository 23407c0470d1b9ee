import { css } from "../styles/css.ts";

/** One topic on its own: its title as the heading; the meta line's are topic-meta's. */
export const topicViewStyles = css`
  .title {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
`;
