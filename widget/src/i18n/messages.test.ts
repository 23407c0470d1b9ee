import { describe, expect, it } from "vitest";
import { LOCALES } from "./index.ts";
import { fetchMessages } from "./load.ts";
import { matchLocale } from "./locales.ts";
import en from "./locales/en.ts";
import enMore from "./locales/en-more.ts";
import { Translator } from "./messages.ts";

/** Every tag a board can end up formatting with: our locales, other regions, odd extensions. */
const TAGS = [
  ...LOCALES,
  ...["en-GB", "en-IN", "de-CH", "de-AT", "es-MX", "es-419", "fr-CA", "fr-CH", "pt-PT", "ru-UA"],
  ...["he-IL", "it-CH", "nl-BE", "pl-PL", "ja-JP"],
  ...["ar-EG", "hi-IN-u-nu-deva", "en-u-nu-arab", "fa", "th-TH-u-nu-thai", "bn", "mr"],
];
const NUMBERS = [
  ...Array.from({ length: 2401 }, (_, i) => i - 1200),
  12_345,
  -98_765,
  1_234_567,
  0.5,
  -2.25,
  999.9,
];

describe("Translator.number", () => {
  it("matches Intl.NumberFormat for every tag and number, fast path or not", () => {
    for (const tag of TAGS) {
      const t = new Translator(tag, { ...en, ...enMore });
      const intl = new Intl.NumberFormat(tag);
      const wrong = NUMBERS.filter((n) => t.number(n) !== intl.format(n));
      expect(wrong, tag).toEqual([]);
    }
  });
});

describe("Translator.plural", () => {
  it("says 0 in the plural in Brazilian Portuguese, where CLDR files 0 under one", async () => {
    const pt = (await import("./locales/pt-BR.ts")).default;
    const t = new Translator("pt-BR", pt);
    expect(new Intl.PluralRules("pt-BR").select(0)).toBe("one");
    expect([0, 1, 2].map((n) => t.plural("comments", n))).toEqual([
      "0 comentários",
      "1 comentário",
      "2 comentários",
    ]);
    expect(t.plural("topicCount", 0)).toBe("0 tópicos");
  });

  it("follows Intl.PluralRules otherwise (Russian one/few/many)", async () => {
    const ru = (await import("./locales/ru.ts")).default;
    const t = new Translator("ru", ru);
    expect([1, 3, 5, 21].map((n) => t.plural("comments", n))).toEqual(
      [1, 3, 5, 21].map((n) => {
        const form = new Intl.PluralRules("ru").select(n) as keyof typeof ru.comments;
        return (ru.comments[form] ?? ru.comments.other).replace("{n}", String(n));
      }),
    );
  });
});

describe("Translator.relative", () => {
  /** How the widget chose a unit when it wrote relative dates with Intl.RelativeTimeFormat. */
  const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 365 * 86_400],
    ["month", 30 * 86_400],
    ["week", 7 * 86_400],
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
    ["second", 1],
  ];
  const intl = (tag: string, seconds: number) => {
    const [unit, size] = UNITS.find(([, size]) => seconds >= size) ?? ["second", 1];
    return new Intl.RelativeTimeFormat(tag, { numeric: "auto" }).format(
      -Math.round(seconds / size),
      unit,
    );
  };
  /** Ages in seconds: every count of every unit up to its next one, and past a century. */
  const AGES = [
    0,
    0.4,
    0.6,
    ...UNITS.flatMap(([, size], i) => {
      const next = i ? UNITS[i - 1]![1] : 200 * size;
      return Array.from({ length: Math.ceil(next / size) + 1 }, (_, n) => [
        n * size,
        (n + 0.5) * size,
      ]).flat();
    }),
  ];
  const NOW = Date.parse("2025-06-01T12:00:00Z");
  const at = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

  it("says what Intl.RelativeTimeFormat says, in every locale and region we format for", async () => {
    for (const tag of TAGS.filter((tag) => !/-u-|^(ar|hi|fa|th|bn|mr)\b/.test(tag))) {
      const locale = matchLocale(tag);
      const messages = locale === "en" ? { ...en, ...enMore } : await fetchMessages(locale);
      const t = new Translator(tag, messages);
      const wrong = AGES.filter((age) => t.relative(at(age), NOW) !== intl(tag, age)).map(
        (age) => `${age}s: ${t.relative(at(age), NOW)} ≠ ${intl(tag, age)}`,
      );
      expect(wrong, tag).toEqual([]);
    }
  });

  it("writes the number as Intl would where a numbering system is asked for", () => {
    const t = new Translator("en-u-nu-arab", { ...en, ...enMore });
    expect(t.relative(at(3 * 86_400), NOW)).toBe(intl("en-u-nu-arab", 3 * 86_400));
  });

  it("calls a date ahead of the clock now", () => {
    const t = new Translator("en", { ...en, ...enMore });
    expect([-1, -90, -86_400].map((age) => t.relative(at(age), NOW))).toEqual([
      "now",
      "now",
      "now",
    ]);
  });
});
