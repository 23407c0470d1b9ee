import {
  defaultTreeAdapter,
  html,
  Parser,
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
  type Token,
} from "parse5";
import { escapeAttribute, escapeText } from "./escape.ts";

export { plainTextToHtml } from "./plain-text.ts";

/**
 * Allow-list HTML sanitiser for UserEcho rich text (topic descriptions, comments).
 *
 * The input is parsed by parse5, a conformant HTML parser, as the `innerHTML` of a `<div>`: the
 * tree it builds is the one a browser builds (implied end tags, the adoption agency, table
 * foster-parenting, raw-text and foreign content, every named character reference). That tree is
 * walked against our allow-list and written out from scratch: text re-escaped, only allowed
 * elements and attributes, every attribute double-quoted and escaped, every element closed, no
 * comments. The output therefore holds no markup the browser could read differently from us (no
 * raw text, no foreign content, no comments, nothing unescaped), which is what defeats entity
 * tricks and mutation XSS. Unwrapping a disallowed element can leave an allowed one where the
 * parser would not have put it (a `<div>` inside a `<p>`, say); the browser then re-nests it, but
 * it still builds only the elements and attributes written here.
 *
 * Time is linear in the input: parse5's tokenizer is, and its tree builder is kept so by capping
 * the depth of open elements (`MAX_DEPTH`), which bounds every search of that stack.
 */

/** Elements kept, with the attributes each may carry. */
const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
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
  }),
);

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

/** Allowed elements that have no content and no end tag. */
const VOID = new Set(["br", "hr", "img"]);

/**
 * Elements removed together with everything inside them. Every element outside the HTML namespace
 * (SVG, MathML and whatever they hold) is removed that way too.
 */
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

/**
 * Elements whose content the tokenizer reads as text up to their end tag (with scripting on, as
 * in the browser that shows the output, `<noscript>` is one of them). They cannot nest.
 */
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

/**
 * Deepest nesting of elements kept. Deeper start tags are ignored by the parser (their text
 * stays), so the searches of the open-element stack it makes per token stay short.
 */
const MAX_DEPTH = 64;

const LINK_REL = "nofollow ugc noopener";
const URL_ATTRIBUTES = new Set(["href", "src"]);

type Element = DefaultTreeAdapterTypes.Element;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;

/**
 * parse5's tree builder, with the nesting depth capped. parse5 exports `Parser` but marks it
 * internal, as it does `openElements` and `onStartTag`: this is why parse5's version is pinned
 * exactly, and the linear-time tests must pass again before it changes.
 */
class DepthCappedParser extends Parser<DefaultTreeAdapterMap> {
  override onStartTag(token: Token.TagToken): void {
    // `depth` counts the fragment's root <html> too. A raw-text element still opens at the cap
    // (it holds only text, so the stack grows by one at most): its content stays dropped rather
    // than shown as text. In foreign content those names are ordinary, nestable elements.
    if (
      this.openElements.depth > MAX_DEPTH &&
      (this.currentNotInHTML || !RAW_TEXT.has(token.tagName))
    ) {
      this.skipNextNewLine = false;
      return;
    }
    super.onStartTag(token);
  }
}

let divContext: Element | undefined;

/**
 * The longest rich text passed on, in UTF-16 code units of HTML (README, "Public API"): a
 * description or comment longer than this is cut, and its answer says `truncated: true`.
 */
export const MAX_RICH_TEXT_LENGTH = 262_144;

export interface SanitizeOptions {
  /** Longest input accepted; beyond it the rest is cut (at a tag boundary, before parsing). */
  maxLength?: number;
  /** `read` (default): what UserEcho content may show; `write`: what a user may submit. */
  subset?: "read" | "write";
  /**
   * The URL relative `href` and `src` are resolved against before their scheme is checked:
   * UserEcho stores pasted images and links between topics relative to the community's host.
   * Without it, only absolute URLs pass.
   */
  base?: string;
}

/** Sanitised HTML, and whether the input was longer than the bound and cut. */
export interface RichText {
  html: string;
  truncated: boolean;
}

/**
 * Rewrites untrusted HTML as canonical HTML that holds only allowed elements and attributes.
 *
 * @param input HTML as UserEcho stores it, or as a user wrote it.
 * @param options `maxLength` (default {@link MAX_RICH_TEXT_LENGTH}), `subset` (default `read`)
 *   and `base`.
 * @example sanitizeRichText('<p onclick="x()">a<p>b') // { html: '<p>a</p><p>b</p>', truncated: false }
 */
export function sanitizeRichText(input: string, options: SanitizeOptions = {}): RichText {
  const maxLength = options.maxLength ?? MAX_RICH_TEXT_LENGTH;
  const truncated = input.length > maxLength;
  const source = truncated ? input.slice(0, safeCut(input, maxLength)) : input;
  // The context element is only read (its name, namespace and ancestors), so one serves all calls.
  // Stryker disable next-line StringLiteral,ArrayDeclaration: parse5 treats any ordinary element alike as a fragment's context
  divContext ??= defaultTreeAdapter.createElement("div", html.NS.HTML, []);
  const parser = DepthCappedParser.getFragmentParser<DefaultTreeAdapterMap>(divContext);
  parser.tokenizer.write(source, true);
  const out = writeAllowed(
    parser.getFragment().childNodes,
    options.subset === "write",
    options.base,
  );
  return { html: out, truncated };
}

/** {@link sanitizeRichText}'s HTML alone. */
export function sanitizeHtml(input: string, options: SanitizeOptions = {}): string {
  return sanitizeRichText(input, options).html;
}

/**
 * Where to cut `input` at most `limit` code units in: never inside a tag (so no tag, attribute
 * or URL is cut in half: the cut moves back to where the tag starts), never inside a character
 * reference, and never between the two halves of a surrogate pair.
 */
function safeCut(input: string, limit: number): number {
  let cut = limit;
  const tagStart = input.lastIndexOf("<", cut - 1);
  if (tagStart > input.lastIndexOf(">", cut - 1) && cut - tagStart <= 1024) {
    cut = tagStart;
  } else {
    const reference = input.lastIndexOf("&", cut - 1);
    if (reference >= 0 && cut - reference <= 32 && !/[;\s<>]/.test(input.slice(reference, cut))) {
      cut = reference;
    }
  }
  const last = input.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return Math.max(0, cut);
}

/**
 * Writes the allowed part of a parsed tree. Iterative, so that no input can exhaust the call
 * stack, with the walk's stack in plain arrays and the output built by concatenation: both much
 * cheaper than an object per level and an array of parts.
 */
function writeAllowed(nodes: ChildNode[], writeSubset: boolean, base: string | undefined): string {
  let out = "";
  // Per level of the walk: its nodes, the next one to visit, and the end tag to write after the
  // last ("" when the element is unwrapped).
  const levelNodes: ChildNode[][] = [nodes];
  const levelNext: number[] = [0];
  const levelEndTag: string[] = [""];
  let level = 0;
  let depth = 0; // elements written and not closed yet
  while (level >= 0) {
    const siblings = levelNodes[level]!;
    const index = levelNext[level]!;
    if (index === siblings.length) {
      const endTag = levelEndTag[level]!;
      // The parser caps the depth before the writer could (DepthCappedParser), so no slip in
      // the writer's count shows.
      // Stryker disable StringLiteral: see above
      if (endTag !== "") {
        out += endTag;
        depth -= 1;
      }
      // Stryker restore StringLiteral
      level -= 1;
      continue;
    }
    levelNext[level] = index + 1;
    const node = siblings[index]!;
    if (node.nodeName === "#text") {
      out += escapeText((node as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    // Comments and doctypes are dropped, and so is all foreign content.
    // Stryker disable next-line LogicalOperator: foreign content only sits inside <svg> or <math>, dropped with their content anyway
    if (!("tagName" in node) || node.namespaceURI !== html.NS.HTML) continue;
    const name = node.tagName;
    if (DROP_WITH_CONTENT.has(name)) continue;
    const allowedAttributes = ALLOWED.get(name);
    let endTag = "";
    if (allowedAttributes && (!writeSubset || WRITE_SUBSET.has(name)) && depth < MAX_DEPTH) {
      // Most allowed elements may carry no attribute at all: no need to look at theirs.
      const attributes =
        allowedAttributes.length === 0
          ? ""
          : cleanAttributes(name, node.attrs, allowedAttributes, base);
      if (attributes === null) continue; // e.g. an <img> without a safe src
      out += `<${name}${attributes}>`;
      if (VOID.has(name)) continue;
      endTag = `</${name}>`;
      // Stryker disable next-line AssignmentOperator: the parser caps the depth first (DepthCappedParser)
      depth += 1;
    }
    // Anything else is unwrapped: its content stays.
    level += 1;
    levelNodes[level] = node.childNodes;
    levelNext[level] = 0;
    levelEndTag[level] = endTag;
  }
  return out;
}

function cleanAttributes(
  element: string,
  attributes: readonly { name: string; value: string }[],
  allowed: readonly string[],
  base: string | undefined,
): string | null {
  const kept = new Map<string, string>();
  // parse5 has already decoded character references and kept the first of duplicate attributes.
  for (const { name, value } of attributes) {
    if (!allowed.includes(name) || kept.has(name)) continue;
    if (URL_ATTRIBUTES.has(name)) {
      const url = safeUrl(
        value,
        element === "img" ? ["https:", "http:"] : ["https:", "http:", "mailto:"],
        base,
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
 * URLs with an allowed scheme only, relative ones resolved against `base` first (so the scheme
 * checked is the one the browser would use). The check runs on the URL as the WHATWG parser (the
 * browser's) reads it: it drops tabs and newlines anywhere, so `java\tscript:` is caught too.
 *
 * @param value A URL as the HTML parser decoded it (character references already resolved).
 * @param schemes Allowed schemes, with their colon (`https:`).
 * @param base The URL relative ones are resolved against; without it they are refused.
 * @returns The URL, absolute and serialised, or null.
 */
export function safeUrl(value: string, schemes: readonly string[], base?: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return null;
  }
  return schemes.includes(url.protocol) ? url.href : null;
}
