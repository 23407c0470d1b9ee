/**
 * Escaping for the HTML the sanitiser writes. Input is decoded by the parser, and everything is
 * escaped again on output, so whatever entity trick the input plays (`&#x6A;avascript:`,
 * `&lt;script&gt;`), the output is canonical. (A pass of `replaceAll` per character is native
 * and linear; a pattern with a callback per match is several times slower on text full of them.)
 */

/** Text content: `&`, `<` and `>` escaped, so no character can start markup or a reference. */
export function escapeText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A value to write inside double quotes; `'` too, so it is safe in either kind of quotes. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}
