/**
 * The place of a board and a leaderboard, held from the moment `widget.js` runs until the
 * element's code arrives and it draws itself, so that nothing below it moves when it does; a
 * host page needs no CSS of its own for that. For each, a rule for the element while it is not
 * defined: as tall as its first render (skeleton rows, as many as its `page-size` or `limit`),
 * narrow or wide as the board is (one breakpoint, a content box of 36rem, with the default
 * `--userecho-spacing` of 1rem). `test/e2e/reserve.test.ts` holds the two together.
 *
 * The element is its own size container, so its `::before` can ask how wide it is. A
 * constructed stylesheet and `style.setProperty` are the CSSOM, which a strict CSP
 * (`style-src 'self'`) allows. The roadmap is not held: its columns' height depends on what
 * they hold.
 */

/** `height` plus the root's padding, as the block size of `tag` until it is defined. */
const held = (tag: string, height: string) =>
  `${tag}:not(:defined)::before{content:"";display:block;block-size:calc(2*var(--userecho-spacing,1rem) + ${height})}`;

/**
 * The board: heading line, toolbar (with its margins), the paging's place, then its rows. In a
 * narrow board the actions, the search and the filters each take a line, and rows are taller.
 * The leaderboard: heading, rows as tall as a user's.
 */
const RULES =
  ":is(userecho-feedback,userecho-top-users):not(:defined){display:block;container-type:inline-size}" +
  held("userecho-feedback", "9.1875em + 3.2rem + 6px + var(--r,20)*(3.5em + 1.2rem + 3px)") +
  `@container (max-width:38rem){${held("userecho-feedback", "14.2375em + 4.4rem + 8px + var(--r,20)*(4.9em + 1.2rem + 3px)")}}` +
  held("userecho-top-users", "1.8125em + var(--r,10)*(3.2rem + 1px)");

let sheet: CSSStyleSheet | undefined;

/**
 * Holds the place of every board and leaderboard of the page not defined yet; call again when
 * elements are added. Each gets its row count (`--r`) from its attribute, as the element reads
 * it.
 */
export function reserve(): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(RULES);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  for (const element of document.querySelectorAll<HTMLElement>(
    ":is(userecho-feedback,userecho-top-users):not(:defined)",
  )) {
    const count = parseInt(
      element.getAttribute(element.localName === "userecho-feedback" ? "page-size" : "limit")!,
    );
    if (count > 0) element.style.setProperty("--r", `${Math.min(count, 100)}`);
  }
}
