import en from "./locales/en.ts";
import { LOCALES, type Locale, type Messages } from "./messages.ts";

export { LOCALES, Translator, fill, type Locale, type Messages, type Plural } from "./messages.ts";

// One loader per locale, so each is its own hashed chunk (chunks/ru-[hash].js, …).
const loaders: Record<Exclude<Locale, "en">, () => Promise<{ default: Messages }>> = {
  ru: () => import("./locales/ru.ts"),
  es: () => import("./locales/es.ts"),
  de: () => import("./locales/de.ts"),
  fr: () => import("./locales/fr.ts"),
  "pt-BR": () => import("./locales/pt-BR.ts"),
};

/**
 * English as the first render has it: the strings of `en.ts` only, completed in place by
 * `english-more.ts`, which every part loaded after the first row imports before it draws.
 */
const english = { ...en } as Messages;
const loaded = new Map<Locale, Messages>([["en", english]]);
const loading = new Map<Locale, Promise<Messages>>();

/**
 * The supported locale closest to a BCP 47 tag: an exact match, else the same language
 * (`pt-PT` → `pt-BR`, `de-AT` → `de`), else English.
 */
export function matchLocale(tag: string | null | undefined): Locale {
  const wanted = (tag ?? "").trim().toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split(/[-_]/)[0];
  return LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === language) ?? "en";
}

/** The messages of a locale if already loaded (English always is). */
export function loadedMessages(locale: Locale): Messages | undefined {
  return loaded.get(locale);
}

/**
 * Loads a locale's messages once. Rejects when the chunk cannot be fetched (and tries again on
 * the next call): the element then keeps the language it had, rather than mixing two.
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale as Exclude<Locale, "en">]()
      .then((module) => {
        loaded.set(locale, module.default);
        return module.default;
      })
      .catch((error: unknown) => {
        loading.delete(locale);
        throw error;
      });
    loading.set(locale, pending);
  }
  return pending;
}
