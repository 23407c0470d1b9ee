import { html, nothing, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { Subject } from "../errors/describe.ts";
import type { Translator } from "../i18n/index.ts";

/** Placeholder rows while loading: no text but one for screen readers. */
export function skeleton(t: Translator, rows = 5): TemplateResult {
  return html`<div class="skeleton" part="skeleton">
    <span class="sr-only">${t.t("loading")}</span>
    ${skeletonRows(rows)}
  </div>`;
}

/**
 * Empty rows as tall as real ones, hidden from screen readers: they hold the place of rows
 * still to come (while loading, while a long page is drawn in batches), so the page below does
 * not move when the rows arrive.
 */
export function skeletonRows(rows: number): TemplateResult[] {
  return Array.from(
    { length: rows },
    () =>
      html`<div class="sk" aria-hidden="true">
        <span class="bar"></span><span class="bar"></span><span class="bar"></span>
      </div>`,
  );
}

/**
 * The error state: what failed, why (localised, see `explanation`), and a retry button unless
 * retrying cannot help.
 */
export function errorState(
  t: Translator,
  message: string,
  detail: string,
  retry: (() => void) | undefined,
): TemplateResult {
  return html`<div class="state" part="error" role="alert">
    <p class="error">${message}</p>
    ${detail ? html`<p class="muted">${detail}</p>` : nothing}
    ${retry ? html`<button class="btn" part="retry-button" @click=${retry}>${t.t("retry")}</button>` : nothing}
  </div>`;
}

const explained = new WeakMap<object, { locale: string; text: string }>();

/**
 * A failure explained in the element's language (see `errors/describe.ts`). The explanations
 * are a chunk of their own, fetched on the first failure: until it is in, and if it cannot be
 * fetched either, this is "" and the element's own message stands alone; `host` re-renders once
 * it is in.
 */
export function explanation(
  host: ReactiveControllerHost,
  t: Translator,
  error: unknown,
  subject?: Subject,
): string {
  if (typeof error !== "object" || !error) return "";
  const known = explained.get(error);
  if (known?.locale === t.locale) return known.text;
  const entry = { locale: t.locale, text: "" };
  explained.set(error, entry);
  void explainLater(t, error, subject).then((text) => {
    entry.text = text;
    host.requestUpdate();
  });
  return "";
}

/** The explanations of failures, a chunk of their own. */
const loadErrors = () => import("../errors/index.ts");
type Errors = Awaited<ReturnType<typeof loadErrors>>;

/** `warnMisconfigured` (errors/), from the chunk that explains failures. */
export function warnLater(...args: Parameters<Errors["warnMisconfigured"]>): void {
  void loadErrors().then((errors) => errors.warnMisconfigured(...args));
}

/** As `explanation`, for code that can wait: resolves with the text ("" when unavailable). */
export function explainLater(t: Translator, error: unknown, subject?: Subject): Promise<string> {
  return loadErrors().then(
    (errors) => errors.explainError(t, error, subject),
    () => "",
  );
}
