import ts from "typescript";
import type { Plugin } from "vite";

/**
 * Minifies the static text of Lit's `html` and `css` tagged templates at build time. The JS
 * minifier leaves template strings alone, and their indentation is a sizeable share of the
 * bytes. Conservative by design:
 *
 * - `css`: whitespace collapsed and dropped around `{ } ; , :` — the templates hold plain rules.
 * - `html`: a whitespace run that spans a line break becomes one space, or nothing where it is
 *   only the formatter's indentation: between a tag's `>` and the next `<`, after a `>` that
 *   precedes an expression, before a closing tag that follows one (`<b>\n  ${x}\n</b>` →
 *   `<b>${x}</b>`, so `textContent` is the text) and at the template's ends. Single spaces are
 *   never touched, so text such as `${label} <button>` keeps its space.
 */
export function minifyLiterals(): Plugin {
  return {
    name: "userecho:minify-literals",
    enforce: "pre",
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !/\b(?:html|css)`/.test(code)) return null;
      return { code: minifySource(code, id), map: null };
    },
  };
}

export function minifySource(code: string, fileName = "module.ts"): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      (node.tag.text === "html" || node.tag.text === "css")
    ) {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      parts.forEach((part, index) => {
        const closesWithBacktick =
          ts.isNoSubstitutionTemplateLiteral(part) || part.kind === ts.SyntaxKind.TemplateTail;
        const start = part.getStart(source) + 1;
        const end = part.getEnd() - (closesWithBacktick ? 1 : 2);
        const raw = code.slice(start, end);
        const text =
          node.tag.getText(source) === "css"
            ? minifyCss(raw)
            : minifyHtml(raw, index === 0, index === parts.length - 1);
        edits.push({ start, end, text });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

function minifyCss(raw: string): string {
  return raw
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim();
}

function minifyHtml(raw: string, first: boolean, last: boolean): string {
  return raw.replace(/\s*\n\s*/g, (match: string, offset: number) => {
    const atStart = offset === 0;
    const atEnd = offset + match.length === raw.length;
    if ((atStart && first) || (atEnd && last)) return "";
    const before = atStart ? "" : raw[offset - 1];
    const after = atEnd ? "" : raw[offset + match.length];
    if (before === ">" && (after === "<" || atEnd)) return "";
    if (atStart && raw.startsWith("</", match.length)) return "";
    return " ";
  });
}
