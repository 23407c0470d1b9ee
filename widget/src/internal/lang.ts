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
