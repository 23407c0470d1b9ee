import { fill } from "./scaling.ts";

/** Every shape that made a parser rescan the input, or grow a stack it then searches. */
export const ADVERSARIAL: Readonly<Record<string, (size: number) => string>> = {
  "tags with no closing >": (n) => fill("<b>", "<a ", n),
  "a tag name with no end": (n) => fill("<p>", "<a", n),
  "an unterminated quote": (n) => fill('<a href="', "x", n),
  "unterminated quotes, repeated": (n) => fill("", '<a href="', n),
  "unclosed formatting elements": (n) => fill("", "<b>", n),
  "formatting elements, all different": (n) => {
    let html = "";
    for (let i = 0; html.length < n; i++) html += `<b class=c${i}>`;
    return html.slice(0, n);
  },
  "formatting elements left open by a block": (n) => {
    let html = "";
    for (let i = 0; html.length < n; i++) html += `<div><b class=c${i}></div>x`;
    return html.slice(0, n);
  },
  "unclosed blocks": (n) => fill("", "<div>", n),
  "deeply nested lists": (n) => fill("", "<ul><li>", n),
  "list items, implicitly closed": (n) => fill("<ul>", "<li>", n),
  "end tags without start tags": (n) => fill("", "</b>", n),
  "</p> without <p> (each inserts one)": (n) => fill("", "</p>", n),
  "end tags searching open elements": (n) => fill("", "<span>", n / 2) + fill("", "</i>", n / 2),
  "links inside blocks (adoption agency)": (n) => fill("", "<a><div>", n),
  "unclosed tables": (n) => fill("", "<table>", n),
  "table cells, text fostered": (n) => fill("", "<table><td>x", n),
  "a comment without end": (n) => fill("<!--", "x", n),
  "comment openers": (n) => fill("", "<!--", n),
  "bogus comments without end": (n) => fill("", "<!", n),
  ampersands: (n) => fill("", "&", n),
  "references without semicolon": (n) => fill("", "&amp", n),
  "numeric references without semicolon": (n) => fill("", "&#x41", n),
  "a long entity-like name": (n) => fill("&", "a", n),
  "unclosed svg": (n) => fill("", "<svg>", n),
  "unclosed raw text": (n) => fill("", "<script>", n),
  "selects and options": (n) => fill("", "<select><option>", n),
};
