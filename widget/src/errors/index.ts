import { matchLocale, type Locale, type Translator } from "../i18n/index.ts";
import { reportError } from "../internal/events.ts";
import { describeError, type ErrorMessages, type Subject } from "./describe.ts";

export { describeError, fieldMessage, invalidField, type Field, type Subject } from "./describe.ts";

// One chunk per locale, like the interface strings; English too, since the first render does
// not need any of these.
const loaders: Record<Locale, () => Promise<{ default: ErrorMessages }>> = {
  en: () => import("./locales/en.ts"),
  ru: () => import("./locales/ru.ts"),
  es: () => import("./locales/es.ts"),
  de: () => import("./locales/de.ts"),
  fr: () => import("./locales/fr.ts"),
  "pt-BR": () => import("./locales/pt-BR.ts"),
  he: () => import("./locales/he.ts"),
  it: () => import("./locales/it.ts"),
  nl: () => import("./locales/nl.ts"),
  pl: () => import("./locales/pl.ts"),
  ja: () => import("./locales/ja.ts"),
};

/** The explanations in the translator's language. */
export async function errorMessages(t: Translator): Promise<ErrorMessages> {
  return (await loaders[matchLocale(t.locale)]()).default;
}

/** A failure explained in the translator's language (see `describeError`). */
export async function explainError(t: Translator, error: unknown, subject?: Subject) {
  return describeError(await errorMessages(t), (n) => t.number(n), error, subject);
}

/**
 * A board set up wrongly (no forum, or one the worker does not know): one console warning for
 * the developer and, when no forum is set at all, `userecho-error`; the board shows it too.
 */
export function warnMisconfigured(
  board: HTMLElement & { readonly api: { readonly endpoint: string } | undefined },
  forumSet: boolean,
): void {
  const message = `<${board.localName}>: no forum "${board.getAttribute("forum") ?? ""}" at ${board.api?.endpoint}`;
  console.warn(message);
  if (!forumSet) reportError(board, "load", new Error(message));
}
