import { describe, expect, it } from "vitest";
import { errorMessages } from "../errors/index.ts";
import englishErrors from "../errors/locales/en.ts";
import { fetchMessages } from "./load.ts";
import { baseStyles } from "../styles/base.ts";
import { LOCALES, matchLocale, RTL_LOCALES, type Locale } from "./locales.ts";
import en from "./locales/en.ts";
import enMore from "./locales/en-more.ts";
import { Translator, type Messages, type Plural } from "./messages.ts";

/**
 * Every locale says everything English says, with the same placeholders, in every plural form
 * its language needs, loaded through the same loaders the elements use. A key missing from any
 * locale (or from a loader) fails here, not on a visitor's screen.
 */
const english = { ...en, ...enMore } as Messages;
const others = LOCALES.filter((locale): locale is Exclude<Locale, "en"> => locale !== "en");
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("locales", () => {
  it("ships eleven languages, one of them written right to left", ({ expect }) => {
    expect(LOCALES.length).toBeGreaterThanOrEqual(11);
    expect(LOCALES).toContain("he");
    expect(matchLocale("he-IL")).toBe("he");
    expect(matchLocale("ja-JP")).toBe("ja");
    expect(matchLocale("nl-BE")).toBe("nl");
  });

  it("writes each right-to-left locale right to left, and only those", () => {
    const rtl = [
      ...baseStyles.cssText.matchAll(/\.root:lang\(([\w-]+)\)\s*\{\s*direction:\s*rtl;?\s*\}/g),
    ];
    expect(rtl.map((match) => match[1]).sort()).toEqual([...RTL_LOCALES].sort());
  });

  for (const locale of others) {
    it(`${locale}: every message, with English's placeholders and ${locale}'s plural forms`, async () => {
      const messages = await fetchMessages(locale);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      const rules = new Intl.PluralRules(locale);
      for (const [key, source] of Object.entries(english) as [keyof Messages, string | Plural][]) {
        const translated = messages[key];
        if (typeof source === "string") {
          expect(typeof translated, key).toBe("string");
          expect((translated as string).trim(), key).not.toBe("");
          expect(placeholders(translated as string), key).toEqual(placeholders(source));
          continue;
        }
        const forms = translated as Plural;
        expect(typeof forms.other, key).toBe("string");
        for (const [form, text] of Object.entries(forms)) {
          expect(text.trim(), `${key}.${form}`).not.toBe("");
          // A form for one number ("=1": "yesterday") may say its number in words.
          const expected = placeholders(source.other).filter(
            (p) => !form.startsWith("=") || p !== "n",
          );
          const found = placeholders(text).filter((p) => !form.startsWith("=") || p !== "n");
          expect(found, `${key}.${form}`).toEqual(expected);
        }
        // Every count a board shows picks a form the locale has, not the fallback.
        const missing = new Set<string>();
        for (let n = 1; n <= 1000; n++) {
          const category = rules.select(n);
          if (!(`=${n}` in forms) && !(category in forms)) missing.add(`${category} (${n})`);
        }
        if (!("=0" in forms) && !(rules.select(0) in forms)) missing.add("zero (0)");
        expect([...missing], key).toEqual([]);
      }
    });

    it(`${locale}: every explanation of a failure, with English's placeholders`, async () => {
      const messages = await errorMessages(new Translator(locale, english));
      expect(Object.keys(messages).sort()).toEqual(Object.keys(englishErrors).sort());
      for (const [key, source] of Object.entries(englishErrors)) {
        const text = messages[key as keyof typeof englishErrors];
        expect(text.trim(), key).not.toBe("");
        expect(placeholders(text), key).toEqual(placeholders(source));
      }
    });
  }
});
