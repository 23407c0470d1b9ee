import { html, nothing, type TemplateResult } from "lit";
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

/**
 * What a failure says: an `ApiRequestError`'s message is already the worker's problem detail
 * (else its title, else the HTTP status), so every caller shows the same text.
 */
export function explain(error: unknown): string {
  return error instanceof Error ? error.message : "";
}
