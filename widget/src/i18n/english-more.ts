/**
 * Completes English with the strings of `locales/en-more.ts`. Imported (for this effect) by
 * every part loaded after the first row: the filters and paging, the topic detail, the submit
 * form, the signed-in actions, the leaderboard. The board itself uses these strings only after
 * one of them is in (announcements after paging, voting, posting).
 */
import { loadedMessages } from "./index.ts";
import enMore from "./locales/en-more.ts";

/** Completes English; the npm build's `defineElements()` calls it, having no first-row budget. */
export function completeEnglish(): void {
  Object.assign(loadedMessages("en")!, enMore);
}

completeEnglish();
