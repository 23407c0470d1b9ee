import { describe, expect, it } from "vitest";
import { matchLocale } from "../i18n/index.ts";
import { formattingTag } from "./lang.ts";

describe("formattingTag", () => {
  const cases: [string, string][] = [
    ["de-AT", "de-AT"], // German strings, Austrian formats
    ["pt", "pt"],
    ["pt-PT", "pt-PT"],
    ["en-GB", "en-GB"],
    ["ko", "en"], // no Korean strings: English dates too, not Korean
    ["ja-JP", "ja-JP"],
    ["zh-Hant-TW", "en"],
    ["", "en"],
    ["de_CH", "de"], // not a tag Intl accepts: the locale
  ];
  it.each(cases)("%s → %s", (tag, expected) => {
    expect(formattingTag(tag, matchLocale(tag))).toBe(expected);
  });
});
