import { describe, it } from "vitest";
import { escapeAttribute, escapeText } from "../../src/sanitize/escape.ts";
import { sanitizeHtml } from "../../src/sanitize/index.ts";

describe("escaping", () => {
  it("escapes text so that no character starts markup or a reference", ({ expect }) => {
    expect(escapeText(`a & b < c > d " e ' f`)).toBe(`a &amp; b &lt; c &gt; d " e ' f`);
  });

  it("escapes both quotes in attribute values, so a value cannot end its attribute", ({
    expect,
  }) => {
    expect(escapeAttribute(`x" onerror="alert(1)`)).toBe("x&quot; onerror=&quot;alert(1)");
    expect(escapeAttribute(`x' onerror='alert(1)`)).toBe("x&#39; onerror=&#39;alert(1)");
    expect(escapeAttribute("<&>")).toBe("&lt;&amp;&gt;");
  });
});

describe("sanitised attributes", () => {
  it("keep a quote inside title and alt as text, never as a way out to an event handler", ({
    expect,
  }) => {
    // Single-quoted in the input, so the double quote is part of the value.
    expect(
      sanitizeHtml(`<a href="https://example.com/" title='x" onmouseover="alert(1)'>link</a>`),
    ).toBe(
      '<a href="https://example.com/" title="x&quot; onmouseover=&quot;alert(1)" rel="nofollow ugc noopener" target="_blank">link</a>',
    );
    expect(sanitizeHtml(`<img src="https://example.com/a.png" alt='a" onerror="alert(1)'>`)).toBe(
      '<img src="https://example.com/a.png" alt="a&quot; onerror=&quot;alert(1)" loading="lazy" referrerpolicy="no-referrer">',
    );
  });
});
