import { LOCALES } from "./locales.ts";
import type en from "./locales/en.ts";
import type enMore from "./locales/en-more.ts";

export { LOCALES, type Locale } from "./locales.ts";

/** The languages of `LOCALES`, whatever the region. */
const SHIPPED_LANGUAGES: readonly string[] = LOCALES.map((locale) => locale.split("-")[0]!);

/**
 * Plural forms keyed by `Intl.PluralRules` category; `other` is always required. `=0` (as in
 * ICU MessageFormat) is used for zero when given: CLDR puts 0 in `one` for Brazilian
 * Portuguese and French, which reads wrong in Brazil ("0 comentário").
 */
export type Plural = { readonly other: string; readonly "=0"?: string } & Partial<
  Readonly<Record<Intl.LDMLPluralRule, string>>
>;

type English = typeof en & typeof enMore;

/** Every string the elements show. English (`locales/en.ts`, `en-more.ts`) defines the keys. */
export type Messages = {
  readonly [K in keyof English]: English[K] extends string ? string : Plural;
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

  /**
   * `number` writes an integer above `-#plain` and below 1000 as plain digits: from -999 in a
   * locale of a language we ship with no `-u-nu-` numbering system asked for, from 0 where the
   * minus sign carries a direction mark (Hebrew), never elsewhere.
   */
  readonly #plain: number;

  constructor(locale: string, messages: Messages) {
    this.locale = locale;
    this.messages = messages;
    const language = locale.split("-")[0]!.toLowerCase();
    this.#plain =
      SHIPPED_LANGUAGES.includes(language) && !/-u-.*nu-/i.test(locale)
        ? language === "he"
          ? 1
          : 1000
        : -1000;
  }

  /**
   * Builds the formatters now. The page's first Intl object starts ICU, a one-time cost of
   * 20–130 ms on a slow machine that no code can split; called in a task of its own while the
   * first request is in flight, it does not add to the task that draws the topics.
   */
  warm(): void {
    this.#pluralRules();
    this.#relativeFormat();
    this.#dateFormat();
  }

  #pluralRules(): Intl.PluralRules {
    return (this.#plurals ??= new Intl.PluralRules(this.locale));
  }

  #relativeFormat(): Intl.RelativeTimeFormat {
    return (this.#relative ??= new Intl.RelativeTimeFormat(this.locale, { numeric: "auto" }));
  }

  #dateFormat(): Intl.DateTimeFormat {
    return (this.#dates ??= new Intl.DateTimeFormat(this.locale, {
      dateStyle: "long",
      timeStyle: "short",
    }));
  }

  /** A plain message, placeholders filled. */
  t(key: TextKey, values: Readonly<Record<string, string | number>> = {}): string {
    return fill(this.messages[key], values);
  }

  /** A plural message for `n`; `{n}` is the localised number. */
  plural(key: PluralKey, n: number): string {
    const forms: Plural = this.messages[key];
    const form = (n === 0 && forms["=0"]) || forms[this.#pluralRules().select(n)] || forms.other;
    return fill(form, { n: this.number(n) });
  }

  number(n: number): string {
    // A page's first Intl.NumberFormat took 20–90 ms in Chromium on a slow machine, a long task
    // by itself. Vote and comment counts are nearly always small integers, which
    // every locale of the languages we ship writes as plain ASCII digits (no grouping below
    // 1,000, a hyphen-minus but in Hebrew; messages.test.ts checks this against ICU), so they
    // skip it.
    if (Number.isInteger(n) && n < 1000 && n > -this.#plain) return String(n);
    this.#numbers ??= new Intl.NumberFormat(this.locale);
    return this.#numbers.format(n);
  }

  /** An absolute date, for `title` attributes. */
  date(iso: string): string {
    return this.#dateFormat().format(new Date(iso));
  }

  /** "3 days ago", "yesterday", "in 2 hours"… relative to `now`. */
  relative(iso: string, now = Date.now()): string {
    const seconds = (new Date(iso).getTime() - now) / 1000;
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size || unit === "second") {
        return this.#relativeFormat().format(Math.round(seconds / size), unit);
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
