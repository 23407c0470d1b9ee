import { html, nothing, type TemplateResult } from "lit";
import type { PageInfo } from "@userecho-edge/shared";
import type { Translator } from "../i18n/index.ts";
import { pageWindow } from "./page-window.ts";

/**
 * Numbered paging: previous, page numbers (the current one `aria-current="page"`), next. A
 * labelled group, not a `nav` landmark: a page may hold two boards, or a board two expanded
 * topics, and their landmarks' names would repeat.
 */
export function pager(
  t: Translator,
  page: PageInfo,
  label: string,
  go: (page: number) => void,
): TemplateResult | typeof nothing {
  if (page.totalPages <= 1) return nothing;
  const { number, totalPages } = page;
  return html`<div class="row" part="pagination" role="group" aria-label=${label}>
    <button class="btn" ?disabled=${number <= 1} @click=${() => go(number - 1)}>
      ${t.t("previous")}
    </button>
    ${pageWindow(number, totalPages).map((n) =>
      n
        ? html`<button
            class="btn"
            part="page-button"
            aria-current=${n === number ? "page" : nothing}
            aria-label=${t.t("pageN", { page: t.number(n) })}
            @click=${() => go(n)}
          >
            ${t.number(n)}
          </button>`
        : html`<span aria-hidden="true">…</span>`,
    )}
    <button class="btn" ?disabled=${number >= totalPages} @click=${() => go(number + 1)}>
      ${t.t("next")}
    </button>
  </div>`;
}
