/**
 * The two PHP functions UserEcho's reference SSO code runs on the token, reproduced byte for
 * byte so a token minted here is identical to one minted by the PHP sample (docs/USERECHO.md §10, §3.5).
 */

/**
 * Serialises like PHP `json_encode` with default flags: compact, `/` escaped as `\/`, every
 * non-ASCII UTF-16 code unit as a lower-case `\uXXXX` (surrogate pairs as two escapes).
 *
 * Both only ever occur inside JSON strings, so rewriting `JSON.stringify`'s output is safe.
 * Control characters already come out of `JSON.stringify` exactly as PHP writes them
 * (`\n`, `\t`, `\u001f`, …).
 *
 * @example phpJsonEncode({ url: "http://a/é" }) // '{"url":"http:\\/\\/a\\/\\u00e9"}'
 */
export function phpJsonEncode(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("phpJsonEncode: value is not serialisable");
  return json.replace(/[/\u0080-\uffff]/g, (char) =>
    char === "/" ? "\\/" : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * PHP `urlencode`: ASCII letters, digits and `-_.` stay, a space becomes `+`, every other byte
 * of the UTF-8 encoding becomes `%XX` (upper-case hex). On a Base64 string that means
 * `+`→`%2B`, `/`→`%2F`, `=`→`%3D` (docs/USERECHO.md §10).
 */
export function phpUrlencode(text: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.-]/.test(char)) out += char;
    else if (byte === 0x20) out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
