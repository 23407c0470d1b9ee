import { describe, expect, it } from "vitest";
import { LOCALES } from "./index.ts";
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
