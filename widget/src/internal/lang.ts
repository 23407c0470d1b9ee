/**
 * The language an element is in: its own `lang`, else the closest ancestor's (crossing shadow
 * roots), else the document's. Empty string when none is declared.
 */
export function closestLang(element: Element): string {
  for (let node: Element | null = element; node;) {
    const lang = node.getAttribute("lang");
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host || null);
  }
  return "";
}

/** A tag `Intl` accepts, or `fallback`. `lang="xx_YY"` or garbage must not throw a RangeError. */
export function intlTag(tag: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * The tag to format numbers, dates and plurals with, for an element whose language is `tag` and
 * whose strings are `locale`'s: the tag itself when it is of the same language (`de-AT` with
 * German strings: Austrian dates), else the locale (`ja` with English strings: English dates),
 * so words, numbers and dates are always in one language.
 */
export function formattingTag(tag: string, locale: string): string {
  const language = (value: string) => value.split(/[-_]/)[0]!.toLowerCase();
  return tag && language(tag) === language(locale) ? intlTag(tag, locale) : locale;
}
