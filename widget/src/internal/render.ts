import { html, nothing, type TemplateResult } from "lit";
import type { PageInfo } from "@userecho-edge/shared";
import type { Translator } from "../i18n/index.ts";

/**
 * A round avatar: the image over the name's initial, so a missing, failing or CSP-blocked image
 * leaves the initial rather than a broken-image icon. Decorative: the name is always beside it.
 */
export function avatar(url: string | null, name: string): TemplateResult {
  return html`<span class="avatar" part="avatar" aria-hidden="true"
    >${Array.from(name.trim())[0]?.toUpperCase() ?? "?"}${
      url ? html`<img src=${url} alt="" loading="lazy" @error=${hideImage} />` : nothing
    }</span
  >`;
}

function hideImage(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = true;
}

/** A relative date with the absolute one in `datetime` and a tooltip. */
export function when(t: Translator, iso: string): TemplateResult {
  return html`<time part="date" datetime=${iso} title=${t.date(iso)}>${t.relative(iso)}</time>`;
}

/** Page numbers to show: first, last and the current one ±1; 0 marks a gap. */
export function pageWindow(current: number, total: number): number[] {
  const pages: number[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= 1) pages.push(n);
    else if (pages.at(-1) !== 0) pages.push(0);
  }
  return pages;
}

/** Numbered paging: previous, page numbers (the current one `aria-current="page"`), next. */
export function pager(
  t: Translator,
  page: PageInfo,
  label: string,
  go: (page: number) => void,
): TemplateResult | typeof nothing {
  const { number, totalPages, hasNext } = page;
  if (totalPages === null ? number <= 1 && !hasNext : totalPages <= 1) return nothing;
  // Without a total (UserEcho did not say), there are no page numbers: previous and next only.
  const numbers = totalPages === null ? [number] : pageWindow(number, totalPages);
  return html`<nav class="row" part="pagination" aria-label=${label}>
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
  </nav>`;
}

/** Placeholder rows while loading: no text but one for screen readers. */
export function skeleton(t: Translator, rows = 5): TemplateResult {
  return html`<div class="skeleton" part="skeleton">
    <span class="sr-only">${t.t("loading")}</span>
    ${Array.from(
      { length: rows },
      () =>
        html`<div class="sk" aria-hidden="true">
          <span class="bar"></span><span class="bar"></span><span class="bar"></span>
        </div>`,
    )}
  </div>`;
}

/** The error state: the localised message, the worker's detail, and a retry button. */
export function errorState(
  t: Translator,
  message: string,
  detail: string,
  retry: () => void,
): TemplateResult {
  return html`<div class="state" part="error" role="alert">
    <p class="error">${message}</p>
    ${detail ? html`<p class="muted">${detail}</p>` : nothing}
    <button class="btn" part="retry-button" @click=${retry}>${t.t("retry")}</button>
  </div>`;
}

/** The worker's explanation of a failure (its problem's detail or title), else the message. */
export function explain(error: unknown): string {
  const problem = (error as { problem?: { detail?: string; title?: string } } | undefined)?.problem;
  return problem?.detail ?? problem?.title ?? (error instanceof Error ? error.message : "");
}
