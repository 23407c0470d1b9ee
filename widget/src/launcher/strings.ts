import type { Locale } from "../i18n/locales.ts";

/**
 * The launcher's label in each locale: its tab and its dialog's title, unless the page sets
 * `label`. The tab is drawn before any of the board's strings load, and this is all its text.
 */
export const LAUNCHER_LABELS: Record<Locale, string> = {
  en: "Feedback",
  ru: "Отзывы",
  es: "Sugerencias",
  de: "Feedback",
  fr: "Suggestions",
  "pt-BR": "Sugestões",
  he: "משוב",
  it: "Feedback",
  nl: "Feedback",
  pl: "Opinie",
  ja: "フィードバック",
};
