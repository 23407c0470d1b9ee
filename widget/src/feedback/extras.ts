/**
 * What the board draws only after its first rows: the filters (built from the forum's meta)
 * and the paging. One chunk, fetched once the first rows are on screen, so the JavaScript a
 * page downloads before its first row stays small.
 */
import "../i18n/english-more.ts";

export type { Browsing } from "./browsing.ts";
export { renderFilters, renderSort } from "./filters.ts";
export { listingSummary, pageAnnouncement, renderForumLink, renderPaging } from "./paging.ts";
