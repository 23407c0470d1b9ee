import en from "./locales/en.ts";
import type { Locale } from "./locales.ts";
import type { Messages } from "./messages.ts";

export { LOCALES, matchLocale, type Locale } from "./locales.ts";
export { Translator, fill, type Messages, type Plural } from "./messages.ts";

/**
 * English as the first render has it: the strings of `en.ts` only, completed in place by
 * `english-more.ts`, which every part loaded after the first row imports before it draws.
 */
const english = { ...en } as Partial<Messages> as Messages;
const loaded = new Map<Locale, Messages>([["en", english]]);
/** The loaders of the other locales, a chunk of their own. */
const loadLocales = () => import("./load.ts");
const loading = new Map<Locale, Promise<Messages>>();

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
    pending = loadLocales()
      .then((locales) => locales.fetchMessages(locale as Exclude<Locale, "en">))
      .then((messages) => {
        loaded.set(locale, messages);
        return messages;
      })
      .catch((error: unknown) => {
        loading.delete(locale);
        throw error;
      });
    loading.set(locale, pending);
  }
  return pending;
}
