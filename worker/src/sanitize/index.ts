import { decodeEntities, escapeAttribute, escapeText } from "./entities.ts";

/**
 * Allow-list HTML sanitiser for UserEcho rich text (topic descriptions, comments).
 *
 * It does not patch the input: it tokenises it and writes a new document from scratch, with
 * every text run decoded and re-escaped, only allowed elements and attributes, every attribute
 * quoted, and every element closed. Input the tokeniser does not understand ends up as escaped
 * text. That canonical output is what defeats entity tricks and mutation XSS: what the browser
 * parses is exactly what we wrote.
 */

/** Elements kept, with the attributes each may carry. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  a: ["href", "title"],
  img: ["src", "alt", "title", "width", "height"],
  p: [],
  br: [],
  hr: [],
  div: [],
  span: [],
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  s: [],
  strike: [],
  del: [],
  ins: [],
  mark: [],
  sub: [],
  sup: [],
  small: [],
  code: [],
  pre: [],
  kbd: [],
  blockquote: [],
  q: [],
  ul: [],
  ol: [],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  table: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ["colspan", "rowspan"],
  td: ["colspan", "rowspan"],
  caption: [],
  figure: [],
  figcaption: [],
};

/** What users may write themselves: formatting and links, no images, tables or headings. */
const WRITE_SUBSET = new Set([
  "a",
  "p",
  "br",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
]);

const VOID = new Set([
  "br",
  "hr",
  "img",
  "area",
  "base",
  "col",
  "embed",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
  "param",
  "keygen",
]);

/** Elements removed together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "noscript",
  "noembed",
  "noframes",
  "template",
  "svg",
  "math",
  "textarea",
  "select",
  "option",
  "title",
  "head",
  "xmp",
  "plaintext",
  "canvas",
  "audio",
  "video",
  "picture",
  "portal",
  "dialog",
]);

/** Elements whose content the HTML parser reads as raw text up to the matching end tag. */
const RAW_TEXT = new Set([
  "script",
  "style",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "xmp",
  "textarea",
  "title",
  "plaintext",
]);

const LINK_REL = "nofollow ugc noopener";
const URL_ATTRIBUTES = new Set(["href", "src"]);

export interface SanitizeOptions {
  /** Longest input accepted; beyond it the rest is cut (before parsing, so it stays balanced). */
  maxLength?: number;
  /** `read` (default): what UserEcho content may show; `write`: what a user may submit. */
  subset?: "read" | "write";
}

export function sanitizeHtml(input: string, options: SanitizeOptions = {}): string {
  const html = input.slice(0, options.maxLength ?? 100_000);
  // Lower-cased once: dropped elements are found in it, and doing it per element would make
  // a body of many dropped tags cost quadratic time.
  const lower = html.toLowerCase();
  const writeSubset = options.subset === "write";
  const out: string[] = [];
  const open: string[] = [];
  let i = 0;

  const text = (raw: string) => {
    if (raw) out.push(escapeText(decodeEntities(raw).replace(/\0/g, "")));
  };

  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    i = lt;

    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith("<!", i) || html.startsWith("<?", i)) {
      // Doctype, CDATA, processing instruction: dropped.
      const end = html.indexOf(">", i);
      i = end === -1 ? html.length : end + 1;
      continue;
    }

    const tag = readTag(html, i);
    if (!tag) {
      // A lone "<": it is text.
      text("<");
      i += 1;
      continue;
    }
    i = tag.end;

    if (tag.closing) {
      closeElement(tag.name, open, out);
      continue;
    }
    if (DROP_WITH_CONTENT.has(tag.name)) {
      if (!tag.selfClosing && !VOID.has(tag.name)) i = skipElement(lower, i, tag.name);
      continue;
    }
    const allowedAttributes = ALLOWED[tag.name];
    if (!allowedAttributes || (writeSubset && !WRITE_SUBSET.has(tag.name))) continue; // unwrap

    const attributes = cleanAttributes(tag.name, tag.attributes, allowedAttributes);
    if (attributes === null) continue; // e.g. an <img> without a safe src
    out.push(`<${tag.name}${attributes}>`);
    if (!VOID.has(tag.name)) open.push(tag.name);
  }
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return out.join("");
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: [string, string][];
  end: number;
}

const TAG_NAME = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/;

/** Reads a start or end tag at `start`, the way the HTML tokeniser does in the data state. */
function readTag(html: string, start: number): Tag | null {
  const match = TAG_NAME.exec(html.slice(start, start + 64));
  if (!match) return null;
  const closing = match[1] === "/";
  const name = match[2]!.toLowerCase();
  let i = start + match[0].length;
  const attributes: [string, string][] = [];
  let selfClosing = false;

  while (i < html.length) {
    const c = html[i]!;
    if (c === ">") return { name, closing, selfClosing, attributes, end: i + 1 };
    if (/[\s/]/.test(c)) {
      selfClosing = c === "/" && html[i + 1] === ">";
      i += 1;
      continue;
    }
    // Attribute name: up to whitespace, "/", ">" or "=" (a leading "=" belongs to the name).
    let nameEnd = i + 1;
    while (nameEnd < html.length && !/[\s/>=]/.test(html[nameEnd]!)) nameEnd += 1;
    const attributeName = html.slice(i, nameEnd).toLowerCase();
    i = nameEnd;
    while (i < html.length && /\s/.test(html[i]!)) i += 1;
    let value = "";
    if (html[i] === "=") {
      i += 1;
      while (i < html.length && /\s/.test(html[i]!)) i += 1;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return null; // unterminated: the browser would swallow the rest
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        let valueEnd = i;
        while (valueEnd < html.length && !/[\s>]/.test(html[valueEnd]!)) valueEnd += 1;
        value = html.slice(i, valueEnd);
        i = valueEnd;
      }
    }
    if (!closing) attributes.push([attributeName, decodeEntities(value)]);
  }
  return null; // no ">": not a tag
}

/** Skips past the end of a dropped element, counting nested elements of the same name. */
function skipElement(lower: string, from: number, name: string): number {
  if (RAW_TEXT.has(name)) {
    if (name === "plaintext") return lower.length;
    const end = findEndTag(lower, from, name);
    return end === -1 ? lower.length : end;
  }
  let depth = 1;
  let i = from;
  const opening = patternFor(OPENING_PATTERNS, name, (n) => `<(/?)${n}(?=[\\s/>])`);
  while (depth > 0) {
    opening.lastIndex = i;
    const match = opening.exec(lower);
    if (!match) return lower.length;
    const close = lower.indexOf(">", match.index);
    if (close === -1) return lower.length;
    const selfClosing = lower[close - 1] === "/";
    if (match[1] === "/") depth -= 1;
    else if (!selfClosing) depth += 1;
    i = close + 1;
  }
  return i;
}

function findEndTag(lower: string, from: number, name: string): number {
  const pattern = patternFor(END_TAG_PATTERNS, name, (n) => `</${n}(?=[\\s/>])[^>]*>`);
  pattern.lastIndex = from;
  const match = pattern.exec(lower);
  return match ? match.index + match[0].length : -1;
}

// One compiled pattern per element name, reused (names come from fixed sets above).
const OPENING_PATTERNS = new Map<string, RegExp>();
const END_TAG_PATTERNS = new Map<string, RegExp>();

function patternFor(cache: Map<string, RegExp>, name: string, source: (n: string) => string) {
  let pattern = cache.get(name);
  if (!pattern) {
    pattern = new RegExp(source(name), "g");
    cache.set(name, pattern);
  }
  return pattern;
}

function closeElement(name: string, open: string[], out: string[]): void {
  const index = open.lastIndexOf(name);
  if (index === -1) return; // a stray end tag: dropped
  while (open.length > index) out.push(`</${open.pop()}>`);
}

function cleanAttributes(
  element: string,
  attributes: [string, string][],
  allowed: readonly string[],
): string | null {
  const kept = new Map<string, string>();
  for (const [name, value] of attributes) {
    if (!allowed.includes(name) || kept.has(name)) continue;
    if (URL_ATTRIBUTES.has(name)) {
      const url = safeUrl(
        value,
        element === "img" ? ["https:", "http:"] : ["https:", "http:", "mailto:"],
      );
      if (url) kept.set(name, url);
      continue;
    }
    if (
      (name === "width" || name === "height" || name === "colspan" || name === "rowspan") &&
      !/^\d{1,4}$/.test(value.trim())
    ) {
      continue;
    }
    kept.set(name, value);
  }
  if (element === "img") {
    if (!kept.has("src")) return null;
    kept.set("loading", "lazy");
    kept.set("referrerpolicy", "no-referrer");
  }
  if (element === "a") {
    kept.set("rel", LINK_REL);
    if (kept.has("href")) kept.set("target", "_blank");
  }
  let result = "";
  for (const [name, value] of kept) result += ` ${name}="${escapeAttribute(value)}"`;
  return result;
}

/**
 * Absolute URLs with an allowed scheme only. The check runs on the URL as the WHATWG parser (the
 * browser's) reads it: it drops tabs and newlines anywhere, so `java\tscript:` is caught too.
 */
export function safeUrl(value: string, schemes: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return schemes.includes(url.protocol) ? url.href : null;
}
