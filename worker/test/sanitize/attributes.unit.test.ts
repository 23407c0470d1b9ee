import { describe, it } from "vitest";
import { sanitizeHtml } from "../../src/sanitize/index.ts";

const IMG_TAIL = 'loading="lazy" referrerpolicy="no-referrer">';

describe("sanitised URLs and sizes", () => {
  it("lets images load only over http(s): a mailto: image is dropped, a mailto: link kept", ({
    expect,
  }) => {
    expect(sanitizeHtml('<img src="mailto:a@b.c" alt="x">')).toBe("");
    expect(sanitizeHtml('<img src="http://x.test/a.png">')).toBe(
      `<img src="http://x.test/a.png" ${IMG_TAIL}`,
    );
    expect(sanitizeHtml('<a href="mailto:a@b.c">m</a>')).toBe(
      '<a href="mailto:a@b.c" rel="nofollow ugc noopener" target="_blank">m</a>',
    );
    // Spaces the parser leaves in, no-break ones too, are not part of the URL.
    expect(sanitizeHtml('<a href="\u00a0https://x.test/ ">s</a>')).toBe(
      '<a href="https://x.test/" rel="nofollow ugc noopener" target="_blank">s</a>',
    );
    expect(sanitizeHtml('<a href="http://x.test/">h</a>')).toBe(
      '<a href="http://x.test/" rel="nofollow ugc noopener" target="_blank">h</a>',
    );
  });

  it("keeps sizes and spans of one to four digits only", ({ expect }) => {
    expect(sanitizeHtml('<img src="https://x.test/a.png" width="100" height="abc">')).toBe(
      `<img src="https://x.test/a.png" width="100" ${IMG_TAIL}`,
    );
    expect(sanitizeHtml('<img src="https://x.test/a.png" width="12345" height=" 12 ">')).toBe(
      `<img src="https://x.test/a.png" height=" 12 " ${IMG_TAIL}`,
    );
    for (const width of ["10px", "x10", "1e3", ""]) {
      expect(sanitizeHtml(`<img src="https://x.test/a.png" width="${width}">`), width).toBe(
        `<img src="https://x.test/a.png" ${IMG_TAIL}`,
      );
    }
    expect(
      sanitizeHtml(
        '<table><tr><td colspan="2" rowspan="x">c</td><th rowspan="3" colspan="1e3">h</th></tr></table>',
      ),
    ).toBe('<table><tbody><tr><td colspan="2">c</td><th rowspan="3">h</th></tr></tbody></table>');
  });

  it("counts only nesting against the depth cap, never siblings", ({ expect }) => {
    const siblings = "<b>x</b>".repeat(100);
    expect(sanitizeHtml(`<p>${siblings}</p>`)).toBe(`<p>${siblings}</p>`);
  });

  it("drops comments and foreign content, keeping the HTML that breaks out of it", ({ expect }) => {
    expect(sanitizeHtml("<!-- c --><p>a</p>")).toBe("<p>a</p>");
    expect(sanitizeHtml("<svg><p>x</p></svg><math><b>y</b></math>")).toBe("<p>x</p><b>y</b>");
    expect(sanitizeHtml("<svg><title>t</title><desc>d</desc></svg>z")).toBe("z");
  });
});
