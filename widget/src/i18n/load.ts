/**
 * Fetches a locale's strings: one hashed chunk per locale (chunks/ru-[hash].js, …). Itself a
 * chunk, fetched with the first language other than English, so the list of every locale's file
 * is not part of what a board needs before its first row.
 */
import type { Locale, Messages } from "./messages.ts";

const loaders: Record<Exclude<Locale, "en">, () => Promise<{ default: Messages }>> = {
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

/** The strings of `locale` (not English, which ships with the board). */
export async function fetchMessages(locale: Exclude<Locale, "en">): Promise<Messages> {
  return (await loaders[locale]()).default;
}
