/** Small text helpers shared by the seed and the entity serialisers. */

// Letters that Unicode NFD does not split into base letter + accent.
const UNSPLITTABLE: Readonly<Record<string, string>> = {
  ø: "o",
  ł: "l",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  đ: "d",
  þ: "th",
};

/** Lowercases and strips accents; characters without a Latin form are left as they are. */
export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[øłßæœđþ]/g, (letter) => UNSPLITTABLE[letter] ?? letter);
}

/**
 * URL slug: ASCII letters and digits joined by `-`, at most `maxLength` characters.
 * Returns "" when nothing Latin is left (Cyrillic, Japanese, emoji only).
 */
export function slugify(text: string, maxLength = 50): string {
  const slug = foldToAscii(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "");
}

/** Escapes text for use inside HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  if (!/[&<>"']/.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntity(entity: string, body: string): string {
  if (!body.startsWith("#")) return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  const hex = body[1] === "x" || body[1] === "X";
  const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
}

/** Visible text of an HTML fragment: tags dropped, common entities decoded (for search). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, decodeEntity)
    .replace(/\s+/g, " ")
    .trim();
}

/** ISO-8601 UTC with milliseconds and `Z`, the API's timestamp format. */
export function isoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
