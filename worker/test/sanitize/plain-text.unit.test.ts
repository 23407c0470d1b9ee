import { describe, it } from "vitest";
import fc from "fast-check";
import { plainTextToHtml } from "../../src/sanitize/plain-text.ts";
import { sanitizeHtml } from "../../src/sanitize/index.ts";

describe("plainTextToHtml", () => {
  it("shows markup and references as typed", ({ expect }) => {
    expect(plainTextToHtml("<video src=x onerror=alert(1)>")).toBe(
      "<p>&lt;video src=x onerror=alert(1)&gt;</p>",
    );
    expect(plainTextToHtml("a < b > c")).toBe("<p>a &lt; b &gt; c</p>");
    expect(plainTextToHtml("&amp; &lt; &#60; &")).toBe("<p>&amp;amp; &amp;lt; &amp;#60; &amp;</p>");
    expect(plainTextToHtml(`"quoted" 'single'`)).toBe(`<p>"quoted" 'single'</p>`);
  });

  it("splits paragraphs on blank lines and breaks lines with <br>", ({ expect }) => {
    expect(plainTextToHtml("one\ntwo\n\nthree")).toBe("<p>one<br>two</p><p>three</p>");
    expect(plainTextToHtml("one\r\ntwo\r\n\r\nthree")).toBe("<p>one<br>two</p><p>three</p>");
    expect(plainTextToHtml("one\rtwo\r\rthree")).toBe("<p>one<br>two</p><p>three</p>");
    // Any run of blank lines, whitespace-only ones too, is one paragraph break.
    expect(plainTextToHtml("a\n\n\n\nb\n \t \nc")).toBe("<p>a</p><p>b</p><p>c</p>");
    // Spaces inside a line stay as typed.
    expect(plainTextToHtml("  indented\n    more")).toBe("<p>indented<br>    more</p>");
  });

  it("trims the whole text", ({ expect }) => {
    expect(plainTextToHtml("\n\n  hello  \n\n")).toBe("<p>hello</p>");
    expect(plainTextToHtml("")).toBe("");
    expect(plainTextToHtml(" \r\n\t ")).toBe("");
    expect(plainTextToHtml("a\u0000b")).toBe("<p>ab</p>");
  });

  it(
    "writes HTML the write-subset sanitiser keeps as it is, text and all",
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.constantFrom(
              "a",
              "<",
              ">",
              "&",
              "amp;",
              "\n",
              "\r\n",
              "\r",
              " ",
              "\t",
              "é",
              "\u0000",
            ),
          ),
          fc.string({ unit: "grapheme" }),
          (parts, extra) => {
            const html = plainTextToHtml(parts.join("") + extra);
            return sanitizeHtml(html, { subset: "write" }) === html;
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
