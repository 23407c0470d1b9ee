import { describe, it } from "vitest";
import { safeUrl, sanitizeHtml } from "./index.ts";

describe("sanitizeHtml", () => {
  it("keeps allowed markup and text", ({ expect }) => {
    expect(sanitizeHtml("<p>Hello <b>bold</b> <em>em</em><br>next</p>")).toBe(
      "<p>Hello <b>bold</b> <em>em</em><br>next</p>",
    );
    expect(sanitizeHtml("<ul><li>one<li>two</ul>")).toBe("<ul><li>one<li>two</li></li></ul>");
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
    expect(sanitizeHtml("caf&eacute; &copy; &#169; &#x1F600;")).toBe("caf&amp;eacute; © © 😀");
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

describe("safeUrl", () => {
  it("accepts only absolute URLs with an allowed scheme", ({ expect }) => {
    expect(safeUrl("https://example.com/a b", ["https:"])).toBe("https://example.com/a%20b");
    expect(safeUrl("http://example.com", ["https:"])).toBeNull();
    expect(safeUrl("not a url", ["https:"])).toBeNull();
  });
});
