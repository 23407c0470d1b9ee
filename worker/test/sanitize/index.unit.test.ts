import { describe, it } from "vitest";
import { safeUrl, sanitizeHtml, sanitizeRichText } from "../../src/sanitize/index.ts";

describe("sanitizeHtml", () => {
  it("keeps allowed markup and text", ({ expect }) => {
    expect(sanitizeHtml("<p>Hello <b>bold</b> <em>em</em><br>next</p>")).toBe(
      "<p>Hello <b>bold</b> <em>em</em><br>next</p>",
    );
    // A list item is implicitly closed by the next one, as the browser parses it (the hand-written
    // tokenizer nested them).
    expect(sanitizeHtml("<ul><li>one<li>two</ul>")).toBe("<ul><li>one</li><li>two</li></ul>");
  });

  it("strips scripts, styles, iframes, forms and their hostile content", ({ expect }) => {
    const cases: [string, string][] = [
      ["<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"],
      ["<SCRIPT SRC=//x.js></SCRIPT>ok", "ok"],
      ["<style>body{display:none}</style>text", "text"],
      ["<iframe src=//evil></iframe>after", "after"],
      ["<form action=//evil><input name=x><button>Go</button></form>", "Go"],
      ["<svg onload=alert(1)><circle/></svg>svg", "svg"],
      ["<math><mi xlink:href=javascript:alert(1)>x</mi></math>m", "m"],
      ["<object data=x></object><embed src=x>e", "e"],
      ["<noscript><img src=x onerror=alert(1)></noscript>n", "n"],
      ["<textarea><script>alert(1)</script></textarea>t", "t"],
      ["<template><img src=x onerror=1></template>t", "t"],
    ];
    for (const [input, output] of cases) expect(sanitizeHtml(input), input).toBe(output);
  });

  it("removes event handlers and style attributes", ({ expect }) => {
    expect(sanitizeHtml('<p onclick="alert(1)" style="color:red" class="x">t</p>')).toBe(
      "<p>t</p>",
    );
    expect(sanitizeHtml("<b onmouseover=alert(1)>t</b>")).toBe("<b>t</b>");
    expect(sanitizeHtml("<img src=https://x.test/a.png onerror=alert(1)>")).toBe(
      '<img src="https://x.test/a.png" loading="lazy" referrerpolicy="no-referrer">',
    );
  });

  it("strips javascript: and data: URLs, however they are disguised", ({ expect }) => {
    for (const href of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "java&#x09;script:alert(1)",
      "&#106;avascript:alert(1)",
      "&#x6A;avascript&colon;alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/relative-protocol",
      "/relative/path",
    ]) {
      const out = sanitizeHtml(`<a href="${href}">x</a>`);
      expect(out, href).toBe('<a rel="nofollow ugc noopener">x</a>');
    }
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA">')).toBe("");
  });

  it("gives links rel=nofollow ugc noopener", ({ expect }) => {
    expect(sanitizeHtml('<a href="https://example.com/x?a=1&amp;b=2" rel="opener">x</a>')).toBe(
      '<a href="https://example.com/x?a=1&amp;b=2" rel="nofollow ugc noopener" target="_blank">x</a>',
    );
    expect(sanitizeHtml('<a href="mailto:a@example.com">m</a>')).toContain(
      'href="mailto:a@example.com"',
    );
  });

  it("re-escapes text, so entity tricks stay text", ({ expect }) => {
    expect(sanitizeHtml("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt;",
    );
    expect(sanitizeHtml("1 < 2 > 0 & ok")).toBe("1 &lt; 2 &gt; 0 &amp; ok");
    // Every named reference of HTML is known now (only ~60 were), so é is decoded too.
    expect(sanitizeHtml("caf&eacute; &copy; &#169; &#x1F600;")).toBe("café © © 😀");
  });

  it("writes balanced markup from broken input (mutation XSS)", ({ expect }) => {
    const cases = [
      "<p><b>unclosed",
      "</p></div>stray closes",
      '<a href="https://x.test/">unterminated <b>',
      "<img src=x onerror=alert(1)//",
      '<a href="x" <script>alert(1)</script>>',
      "<<script>script>alert(1)<</script>/script>",
      "<!--><img src=x onerror=alert(1)>-->",
      "<p title='</p><script>alert(1)</script>'>x</p>",
      "<div><svg><p><style><img src=x onerror=alert(1)>",
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    ];
    for (const input of cases) {
      const out = sanitizeHtml(input);
      // Hostile text may survive as escaped text; what must not survive is markup.
      expect(out, input).not.toMatch(/<(script|style|svg|img|noscript)/i);
      expect(out, input).not.toMatch(/<[^>]*(\son\w+\s*=|javascript:)/i);
      // Every element we open is closed, in order.
      const stack: string[] = [];
      for (const [, close, name] of out.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/g)) {
        if (["br", "hr", "img"].includes(name!)) continue;
        if (close) expect(stack.pop(), input).toBe(name);
        else stack.push(name!);
      }
      expect(stack, input).toEqual([]);
    }
  });

  it("keeps long and unicode text readable", ({ expect }) => {
    const long = "Ä🙂ж".repeat(10_000);
    expect(sanitizeHtml(`<p>${long}</p>`)).toBe(`<p>${long}</p>`);
    expect(sanitizeHtml("a\u0000b")).toBe("ab");
  });
});

describe("sanitizeHtml parses as the browser does", () => {
  it("closes elements where the parser implies their end tags", ({ expect }) => {
    const cases: [string, string][] = [
      ["<p>a<p>b", "<p>a</p><p>b</p>"],
      ["<p>a<div>b</div>c", "<p>a</p><div>b</div>c"],
      ["<p>a<ul><li>b</ul>", "<p>a</p><ul><li>b</li></ul>"],
      ["<dl><dt>term<dd>one<dd>two</dl>", "<dl><dt>term</dt><dd>one</dd><dd>two</dd></dl>"],
      ["<h1>a<h2>b", "<h1>a</h1><h2>b</h2>"],
      ["<b>bold<i>both</b>italic</i>", "<b>bold<i>both</i></b><i>italic</i>"],
      ["</p>", "<p></p>"],
      ["a</br>b", "a<br>b"],
    ];
    for (const [input, output] of cases) expect(sanitizeHtml(input), input).toBe(output);
  });

  it("nests lists as written and closes list items implicitly", ({ expect }) => {
    expect(sanitizeHtml("<ul><li>a<ul><li>b<li>c</ul><li>d</ul>")).toBe(
      "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>",
    );
    expect(sanitizeHtml("<ol><li>1<ol><li>1.1</ol></ol>after")).toBe(
      "<ol><li>1<ol><li>1.1</li></ol></li></ol>after",
    );
  });

  it("decodes every named reference, case-sensitively, and legacy ones without ;", ({ expect }) => {
    expect(sanitizeHtml("&alpha; &Alpha; &le; &infin; &hellip; &NotEqualTilde;")).toBe(
      "α Α ≤ ∞ … ≂̸",
    );
    // Names are case-sensitive: &AMP; exists, &Amp; and &ALPHA; do not and stay literal.
    expect(sanitizeHtml("&AMP; &Amp; &ALPHA;")).toBe("&amp; &amp;Amp; &amp;ALPHA;");
    // A few legacy names are recognised without their semicolon, in text even before letters.
    expect(sanitizeHtml("&amp &lt &copy2024 &notit; &ampx")).toBe("&amp; &lt; ©2024 ¬it; &amp;x");
    // ... but not in an attribute when a letter, digit or "=" follows (query strings).
    expect(sanitizeHtml('<a href="https://x.test/?a=1&copy=2&amp">x</a>')).toBe(
      '<a href="https://x.test/?a=1&amp;copy=2&amp;" rel="nofollow ugc noopener" target="_blank">x</a>',
    );
    expect(sanitizeHtml('<a title="&notit; &ampx">x</a>')).toBe(
      '<a title="&amp;notit; &amp;ampx" rel="nofollow ugc noopener">x</a>',
    );
    // Numeric references: NUL and out of range become U+FFFD, 0x80-0x9F map as windows-1252.
    expect(sanitizeHtml("&#0;&#x110000;&#128;&#x92;&#65")).toBe("\ufffd\ufffd€’A");
  });

  it("drops <template>, <svg> and <math> with their content", ({ expect }) => {
    const cases: [string, string][] = [
      ["<template><b>x</b><script>alert(1)</script></template>t", "t"],
      ['<svg><a href="https://x.test/">link</a><text>t</text></svg>s', "s"],
      ["<math><mi>x</mi><mtext><b>y</b></mtext></math>m", "m"],
      ["<svg><![CDATA[</svg><b>x</b>]]></svg>c", "c"],
      ["<svg><foreignObject><p>inside</p></foreignObject></svg>f", "f"],
      // An HTML element in foreign content ends it, as in the browser: it is HTML again.
      ["<svg><p>out</p></svg>after", "<p>out</p>after"],
      ["<math><mi><b>in</b></mi><div>out</div></math>", "<div>out</div>"],
    ];
    for (const [input, output] of cases) expect(sanitizeHtml(input), input).toBe(output);
  });

  it("drops what the parser reads as raw text, RCDATA or plain text", ({ expect }) => {
    const cases: [string, string][] = [
      // With scripting on, as in the browser that shows it, <noscript> holds raw text.
      ["<noscript><b>x</b></noscript>n", "n"],
      ['<noscript><p title="</noscript><b>y</b>">', '<b>y</b>"&gt;'],
      ["<title><b>x</b></title>t", "t"],
      ["<textarea></p><b>x</b></textarea>t", "t"],
      ["<xmp><b>x</b></xmp>x", "x"],
      ["<style></style><b>s</b>", "<b>s</b>"],
      // <plaintext> never ends: everything after it is its text.
      ["a<plaintext><b>x</b></plaintext>more", "a"],
    ];
    for (const [input, output] of cases) expect(sanitizeHtml(input), input).toBe(output);
  });

  it("drops comments and CDATA outside foreign content", ({ expect }) => {
    const cases: [string, string][] = [
      ["a<!-- <b>x</b> -->b", "ab"],
      ["a<!-->b", "ab"],
      ["a<!--->b", "ab"],
      ["a<!-- --!>b", "ab"],
      ["a<!--b", "a"],
      ["a<?xml x?>b", "ab"],
      ["<!DOCTYPE html>d", "d"],
      // In HTML content CDATA is a bogus comment, which ends at the first ">".
      ["<div><![CDATA[<b>x</b>]]></div>", "<div>x]]&gt;</div>"],
    ];
    for (const [input, output] of cases) expect(sanitizeHtml(input), input).toBe(output);
  });

  it("keeps links, forms and selects apart as the parser does", ({ expect }) => {
    // A link never contains a link: the second start tag closes the first.
    expect(sanitizeHtml('<a href="https://a.test/">1<a href="https://b.test/">2</a>3</a>')).toBe(
      '<a href="https://a.test/" rel="nofollow ugc noopener" target="_blank">1</a>' +
        '<a href="https://b.test/" rel="nofollow ugc noopener" target="_blank">2</a>3',
    );
    expect(sanitizeHtml("<form><form>x</form>y</form>z")).toBe("xyz");
    expect(sanitizeHtml("<select><option>a<b>b</b></select>c")).toBe("c");
    expect(sanitizeHtml("<option>o</option>p")).toBe("p");
  });

  it("follows the table rules: implied sections, fostered text", ({ expect }) => {
    expect(sanitizeHtml("<table><tr><td>1<td>2</table>")).toBe(
      "<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    );
    expect(sanitizeHtml("<table>text<tr><th colspan=2 rowspan=x>h</table>")).toBe(
      'text<table><tbody><tr><th colspan="2">h</th></tr></tbody></table>',
    );
    expect(sanitizeHtml("<table><caption>c</caption><td>d</table>", { subset: "write" })).toBe(
      "cd",
    );
  });

  it("keeps text beyond the nesting cap and drops the wrappers", ({ expect }) => {
    const out = sanitizeHtml(`${"<div>".repeat(200)}deep<b>bold</b>`);
    expect(out.split("<div>").length - 1).toBe(64);
    expect(out).toBe(`${"<div>".repeat(64)}deepbold${"</div>".repeat(64)}`);
    const list = sanitizeHtml(`${"<ul><li>".repeat(100)}x`);
    expect(list.split("<li>").length - 1).toBe(32);
    expect(list.endsWith(`x${"</li></ul>".repeat(32)}`)).toBe(true);
    // Raw text is still dropped at the cap, not shown.
    expect(sanitizeHtml(`${"<span>".repeat(100)}<script>alert(1)</script>a`)).toBe(
      `${"<span>".repeat(64)}a${"</span>".repeat(64)}`,
    );
  });

  it("limits the input before parsing, and the write subset", ({ expect }) => {
    expect(sanitizeHtml("<b>abcdef</b>", { maxLength: 6 })).toBe("<b>abc</b>");
    expect(sanitizeRichText("<b>abcdef</b>", { maxLength: 6 })).toEqual({
      html: "<b>abc</b>",
      truncated: true,
    });
    expect(sanitizeRichText("<b>abc</b>")).toEqual({ html: "<b>abc</b>", truncated: false });
    expect(
      sanitizeHtml(
        '<h1>t</h1><img src="https://x.test/a.png"><p><a href="https://x.test/">l</a></p>',
        { subset: "write" },
      ),
    ).toBe('t<p><a href="https://x.test/" rel="nofollow ugc noopener" target="_blank">l</a></p>');
  });

  it("unwraps unknown elements whatever their name", ({ expect }) => {
    // Names of Object.prototype's properties are not allowed elements.
    expect(sanitizeHtml('<constructor title="x">c</constructor><tostring>t</tostring>')).toBe("ct");
    expect(sanitizeHtml("<image src=https://x.test/a.png>")).toBe(
      '<img src="https://x.test/a.png" loading="lazy" referrerpolicy="no-referrer">',
    );
  });
});

describe("cutting long rich text", () => {
  it("never cuts inside a tag, a character reference or a character", ({ expect }) => {
    // Inside a tag: the cut moves back to where it starts, so the link is dropped whole.
    expect(sanitizeHtml('ab<a href="https://x.test/long">l</a>', { maxLength: 12 })).toBe("ab");
    // Inside `&amp;`: the reference is dropped whole, not shown as "&am".
    expect(sanitizeHtml("ab&amp;cd", { maxLength: 5 })).toBe("ab");
    // Between the halves of a surrogate pair: the character is dropped whole.
    expect(sanitizeHtml("ab😀cd", { maxLength: 3 })).toBe("ab");
    expect(sanitizeHtml("ab😀cd", { maxLength: 4 })).toBe("ab😀");
    // The first and the last high surrogates too (U+10000 and U+10FFFF).
    expect(sanitizeHtml("ab\u{10000}cd", { maxLength: 3 })).toBe("ab");
    expect(sanitizeHtml("ab\u{10FFFF}cd", { maxLength: 3 })).toBe("ab");
  });

  it("says it cut only when the input was longer than the bound", ({ expect }) => {
    expect(sanitizeRichText("<b>abc</b>", { maxLength: 10 })).toEqual({
      html: "<b>abc</b>",
      truncated: false,
    });
    expect(sanitizeRichText("<b>abc</b>", { maxLength: 9 })).toEqual({
      html: "<b>abc</b>",
      truncated: true,
    });
  });

  it("never keeps more than the bound, whatever follows the cut", ({ expect }) => {
    // A `<` or `&` just past the cut is not one the cut is inside.
    expect(sanitizeHtml("abc <d", { maxLength: 3 })).toBe("abc");
    expect(sanitizeHtml("abc&amp;", { maxLength: 2 })).toBe("ab");
  });

  it("moves back to a `<` only when no `>` follows it, and only 1024 code units", ({ expect }) => {
    // A `<` with a space after it is text; the cut cannot tell, so it moves back all the same.
    expect(sanitizeHtml("a < bc> d", { maxLength: 5 })).toBe("a ");
    // A `>` after the `<`, before the cut: the cut is not inside a tag.
    expect(sanitizeHtml("a < b> cd", { maxLength: 8 })).toBe("a &lt; b&gt; c");
    const long = `a < ${"b".repeat(2000)}`;
    // The `<` is at 2: a cut 1024 after it moves back to it, one more does not.
    expect(sanitizeHtml(long, { maxLength: 2 + 1024 })).toBe("a ");
    expect(sanitizeHtml(long, { maxLength: 2 + 1025 })).toBe(`a &lt; ${"b".repeat(1027 - 4)}`);
  });

  it("moves back to a `&` only within 32 code units, from the very start too", ({ expect }) => {
    expect(sanitizeHtml("&amp;rest", { maxLength: 3 })).toBe("");
    const long = `a&${"x".repeat(100)}`;
    // The `&` is at 1: a cut 32 after it moves back to it, one more does not.
    expect(sanitizeHtml(long, { maxLength: 1 + 32 })).toBe("a");
    expect(sanitizeHtml(long, { maxLength: 1 + 33 })).toBe(`a&amp;${"x".repeat(32)}`);
  });
});

describe("safeUrl", () => {
  it("accepts only absolute URLs with an allowed scheme", ({ expect }) => {
    expect(safeUrl("https://example.com/a b", ["https:"])).toBe("https://example.com/a%20b");
    expect(safeUrl("http://example.com", ["https:"])).toBeNull();
    expect(safeUrl("not a url", ["https:"])).toBeNull();
  });

  it("resolves a relative URL against the base before the scheme check", ({ expect }) => {
    const base = "https://demo.userecho.com";
    expect(safeUrl("/s/attachments/1/0/2/a.png", ["https:"], base)).toBe(
      "https://demo.userecho.com/s/attachments/1/0/2/a.png",
    );
    expect(safeUrl("//cdn.example/a.png", ["https:"], base)).toBe("https://cdn.example/a.png");
    expect(safeUrl("javascript:alert(1)", ["https:"], base)).toBeNull();
    expect(safeUrl("java\tscript:alert(1)", ["https:"], base)).toBeNull();
    expect(safeUrl("/relative", ["https:"])).toBeNull();
  });
});
