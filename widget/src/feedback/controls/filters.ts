import { html, nothing } from "lit";
import type { ForumMeta, Status, TopicSort } from "@userecho-edge/shared";
import { TOPIC_SORTS } from "@userecho-edge/shared/topic-options";
import type { Translator } from "../../i18n/index.ts";
import type { Browsing } from "./browsing.ts";
import { listingSummary } from "./paging.ts";

/** The filters a board can set, by their property names. */
export type FilterName = "type" | "status" | "category" | "tag";

/** The board's query properties, which the visitor's choices set (and the page sees change). */
export type Query = Record<FilterName, number | undefined> & { sort: TopicSort };

/**
 * Applies a select's choice to the board: a sort, or a filter (a type resets the status, since
 * statuses belong to a type). The board goes back to page 1 and, once it is drawn, says how
 * many topics there are.
 */
function choose(t: Translator, board: Query, browsing: Browsing) {
  return (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const name = select.dataset["filter"] as "sort" | FilterName;
    if (name === "sort") board.sort = select.value as TopicSort;
    else {
      board[name] = select.value ? Number(select.value) : undefined;
      if (name === "type") board.status = undefined;
    }
    browsing.go(1, undefined, (listing) => listingSummary(t, listing.page));
  };
}

/**
 * The filter selects built from a forum's meta: type, status (of the chosen type, or of all
 * types), category and tag, each with an "All" option; empty lists draw nothing, and so does a
 * filter the worker says UserEcho does not honour (`meta.filters`). Disabled during a search,
 * which UserEcho does not filter. Nothing until the meta arrives; when it failed, a message
 * with "Try again".
 */
export function renderFilters(
  t: Translator,
  meta: ForumMeta | undefined,
  failed: boolean,
  board: Query,
  browsing: Browsing,
  searching = false,
) {
  if (failed) {
    return html`<span class="muted">
      ${t.t("filtersError")}
      <button class="btn" @click=${() => browsing.retryMeta()}>${t.t("retry")}</button>
    </span>`;
  }
  if (!meta) return nothing;
  const current = board;
  const onChange = choose(t, board, browsing);
  const type = meta.types.find((candidate) => candidate.id === current.type);
  const statuses = new Map<number, Status>();
  for (const each of type ? [type] : meta.types) {
    for (const status of each.statuses) if (status.name) statuses.set(status.id, status);
  }
  const offered = new Set<FilterName>(meta.filters);
  const select = (name: FilterName, options: readonly { id: number; name: string }[]) =>
    options.length && offered.has(name)
      ? html`<label>
          <span>${t.t(name)}</span>
          <select part="filter" data-filter=${name} ?disabled=${searching} @change=${onChange}>
            <option value="" ?selected=${!current[name]}>${t.t("all")}</option>
            ${options.map(
              (option) =>
                html`<option value=${option.id} ?selected=${current[name] === option.id}>
                  ${option.name}
                </option>`,
            )}
          </select>
        </label>`
      : nothing;
  return html`${select("type", meta.types)} ${select("status", [...statuses.values()])}
  ${select("category", meta.categories)} ${select("tag", meta.tags)}`;
}

/** The words of each sort. */
const SORT_LABELS = {
  top: "sortTop",
  new: "sortNew",
  updated: "sortUpdated",
  discussed: "sortDiscussed",
} as const satisfies Record<TopicSort, string>;

/**
 * The sort select: the sorts the worker says UserEcho honours (all of them until the meta
 * comes), showing the sort the list was built with. Disabled during a search, which keeps
 * UserEcho's own order. Drawn with the filters, after the first rows.
 */
export function renderSort(
  t: Translator,
  meta: ForumMeta | undefined,
  sort: TopicSort,
  searching: boolean,
  board: Query,
  browsing: Browsing,
) {
  const onChange = choose(t, board, browsing);
  const offered: readonly TopicSort[] = meta?.sorts ?? TOPIC_SORTS;
  return html`<label>
    <span>${t.t("sort")}</span>
    <select part="sort" data-filter="sort" ?disabled=${searching} @change=${onChange}>
      ${TOPIC_SORTS.filter((value) => offered.includes(value)).map(
        (value) =>
          html`<option value=${value} ?selected=${sort === value}>
            ${t.t(SORT_LABELS[value])}
          </option>`,
      )}
    </select>
  </label>`;
}
