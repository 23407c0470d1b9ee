import type en from "./locales/en.ts";

/** Plural forms keyed by `Intl.PluralRules` category; `other` is always required. */
export type Plural = { readonly other: string } & Partial<
  Readonly<Record<Intl.LDMLPluralRule, string>>
>;

/** Every string the elements show. English (`locales/en.ts`) defines the keys. */
export type Messages = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends string ? string : Plural;
};

/** Keys whose message is a plain string. */
export type TextKey = {
  [K in keyof Messages]: Messages[K] extends string ? K : never;
}[keyof Messages];
/** Keys whose message has plural forms. */
export type PluralKey = Exclude<keyof Messages, TextKey>;

/** Replaces `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/**
 * Formats messages for one locale: plain strings, plural forms (via `Intl.PluralRules`), numbers
 * and relative dates (via `Intl`). One instance per element and locale.
 */
export class Translator {
  readonly locale: string;
  readonly messages: Messages;
  // Built on first use: the first Intl formatter of a page loads ICU data, a cost the loading
  // skeleton should not pay in the same task as the element's first render.
  #plurals: Intl.PluralRules | undefined;
  #numbers: Intl.NumberFormat | undefined;
  #relative: Intl.RelativeTimeFormat | undefined;
  #dates: Intl.DateTimeFormat | undefined;

  constructor(locale: string, messages: Messages) {
    this.locale = locale;
    this.messages = messages;
  }

  /** A plain message, placeholders filled. */
  t(key: TextKey, values: Readonly<Record<string, string | number>> = {}): string {
    return fill(this.messages[key], values);
  }

  /** A plural message for `n`; `{n}` is the localised number. */
  plural(key: PluralKey, n: number): string {
    const forms = this.messages[key];
    this.#plurals ??= new Intl.PluralRules(this.locale);
    return fill(forms[this.#plurals.select(n)] ?? forms.other, { n: this.number(n) });
  }

  number(n: number): string {
    this.#numbers ??= new Intl.NumberFormat(this.locale);
    return this.#numbers.format(n);
  }

  /** An absolute date, for `title` attributes. */
  date(iso: string): string {
    this.#dates ??= new Intl.DateTimeFormat(this.locale, { dateStyle: "long", timeStyle: "short" });
    return this.#dates.format(new Date(iso));
  }

  /** "3 days ago", "yesterday", "in 2 hours"… relative to `now`. */
  relative(iso: string, now = Date.now()): string {
    const seconds = (new Date(iso).getTime() - now) / 1000;
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size || unit === "second") {
        this.#relative ??= new Intl.RelativeTimeFormat(this.locale, { numeric: "auto" });
        return this.#relative.format(Math.round(seconds / size), unit);
      }
    }
    return "";
  }
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];
