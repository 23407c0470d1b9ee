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
  const { number, totalPages, hasNext } = page;
  if (totalPages === null ? number <= 1 && !hasNext : totalPages <= 1) return nothing;
  // Without a total (UserEcho did not give one), no page numbers: previous and next only.
  const numbers = totalPages === null ? [number] : pageWindow(number, totalPages);
  return html`<div class="row" part="pagination" role="group" aria-label=${label}>
    <button class="btn" ?disabled=${number <= 1} @click=${() => go(number - 1)}>
      ${t.t("previous")}
    </button>
    ${numbers.map((n) =>
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
    <button class="btn" ?disabled=${!hasNext} @click=${() => go(number + 1)}>${t.t("next")}</button>
  </div>`;
}
