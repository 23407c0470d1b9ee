import { html } from "lit";
import type { Translator } from "../i18n/index.ts";
import type { Controls } from "./controls/controls.ts";

/**
 * Above the topics: the search box, from the first render, then the sort and the filters, which
 * the controls draw once they are in, in a box whose place is held until then (so the search box
 * keeps its width, and nothing moves, when they come).
 */
export function renderToolbar(
  t: Translator,
  controls: Controls | undefined,
  search: (text: string) => void,
) {
  return html`<div class="toolbar" part="toolbar">
    <label class="search">
      <span>${t.t("search")}</span>
      <input
        type="search"
        part="search"
        placeholder=${t.t("searchPlaceholder")}
        maxlength="200"
        @input=${(event: Event) => search((event.target as HTMLInputElement).value.trim())}
      />
    </label>
    <div class="filters">${controls?.sort()} ${controls?.filters()}</div>
  </div>`;
}
