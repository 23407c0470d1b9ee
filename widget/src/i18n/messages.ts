import { LOCALES } from "./locales.ts";
import type en from "./locales/en.ts";
import type enMore from "./locales/en-more.ts";

export { LOCALES, type Locale } from "./locales.ts";

/** The languages of `LOCALES`, whatever the region. */
const SHIPPED_LANGUAGES: readonly string[] = LOCALES.map((locale) => locale.split("-")[0]!);

/**
 * Plural forms keyed by `Intl.PluralRules` category; `other` is always required. An exact form
 * (`=0`, `=1`…, as in ICU MessageFormat) is used for its number when given: CLDR puts 0 in `one`
 * for Brazilian Portuguese and French, which reads wrong in Brazil ("0 comentário"), and says
 * "yesterday" rather than "1 day ago".
 */
export type Plural = { readonly other: string; readonly [exact: `=${number}`]: string } & Partial<
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
 * Formats messages for one locale: plain strings, plural forms (via `Intl.PluralRules`), numbers,
 * relative dates (from the messages) and absolute ones (via `Intl`). One instance per element and
 * locale.
 */
export class Translator {
  readonly locale: string;
  readonly messages: Messages;
  // Built on first use. A page's first Intl formatter of numbers or dates starts ICU, 20–40 ms
  // in one task no code can split; plural rules do not, so the first render uses them alone.
  #plurals: Intl.PluralRules | undefined;
  #numbers: Intl.NumberFormat | undefined;

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

  #pluralRules(): Intl.PluralRules {
    return (this.#plurals ??= new Intl.PluralRules(this.locale));
  }

  /** A plain message, placeholders filled. */
  t(key: TextKey, values: Readonly<Record<string, string | number>> = {}): string {
    return fill(this.messages[key], values);
  }

  /** A plural message for `n`; `{n}` is the localised number. */
  plural(key: PluralKey, n: number): string {
    const forms: Plural = this.messages[key];
    const form = forms[`=${n}`] || forms[this.#pluralRules().select(n)] || forms.other;
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

  /** An absolute date, for tooltips: through Intl, so only on demand (see `#plurals`). */
  date(iso: string): string {
    return new Date(iso).toLocaleString(this.locale, { dateStyle: "long", timeStyle: "short" });
  }

  /**
   * A `pointerenter` listener for a `<time datetime>`: writes the absolute date as its tooltip,
   * when first wanted rather than in the first render (see `#plurals`).
   */
  readonly dateTooltip = (event: Event): void => {
    const time = event.currentTarget as HTMLTimeElement;
    time.title = this.date(time.dateTime);
  };

  /**
   * "3 days ago", "yesterday", "now"… at `now`, from the messages rather than
   * `Intl.RelativeTimeFormat` (see `#plurals`); messages.test.ts checks that they say what it
   * says. A date ahead of the clock (a skewed clock) is "now", as is one under half a second old.
   */
  relative(iso: string, now = Date.now()): string {
    const seconds = (now - new Date(iso).getTime()) / 1000;
    const [key, size] = AGO.find(([, size]) => seconds >= size) ?? AGO[AGO.length - 1]!;
    return this.plural(key, Math.max(0, Math.round(seconds / size)));
  }
}

/** Each unit with its length in seconds, longest first. */
const AGO: readonly [PluralKey, number][] = [
  ["yearsAgo", 365 * 86_400],
  ["monthsAgo", 30 * 86_400],
  ["weeksAgo", 7 * 86_400],
  ["daysAgo", 86_400],
  ["hoursAgo", 3_600],
  ["minutesAgo", 60],
  ["secondsAgo", 1],
];
