/**
 * The board: Lit, what the Lit elements share, and `<userecho-feedback>`, registered. In the
 * script-tag build this is one chunk, which `widget.js` fetches once the page has an element
 * drawn with Lit (see `cdn.ts`); the other Lit elements are chunks loaded from here, so they
 * share its copy of Lit.
 */
import "./feedback/userecho-feedback.ts";

/** Registers `<userecho-top-users>`. */
export const loadTopUsers = () => import("./top-users/userecho-top-users.ts");

/** Registers `<userecho-roadmap>`. */
export const loadRoadmap = () => import("./roadmap/userecho-roadmap.ts");

/** Registers `<userecho-topic-view>`, one topic on its own, as the launcher's dialog shows it. */
export const loadTopicView = () => import("./topic/userecho-topic-view.ts");
