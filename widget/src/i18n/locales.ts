/**
 * The locales with their own strings, and how a language tag is matched to one. Apart from the
 * strings and the `Translator`, so the launcher, which draws its tab before any of them loads,
 * can match a language with nothing else.
 */
export const LOCALES = [
  "en",
  "ru",
  "es",
  "de",
  "fr",
  "pt-BR",
  "he",
  "it",
  "nl",
  "pl",
  "ja",
] as const;
export type Locale = (typeof LOCALES)[number];

/** Locales written right to left. */
export const RTL_LOCALES: readonly Locale[] = ["he"];

/**
 * The supported locale closest to a BCP 47 tag: an exact match, else the same language
 * (`pt-PT` → `pt-BR`, `de-AT` → `de`, `iw` is not matched), else English.
 */
export function matchLocale(tag: string | null | undefined): Locale {
  const wanted = (tag ?? "").trim().toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split(/[-_]/)[0];
  return LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === language) ?? "en";
}
