import { unsafeCSS, type CSSResult } from "lit";

/**
 * The elements' `css` tag: Lit's `css`, without its run-time check that every interpolation is
 * itself a `css` result. Every stylesheet here is a constant of this package, interpolating only
 * constants; the check and its error message cost the board's first render 0.2 KB gzip. The
 * build minifies these templates as it does Lit's (`scripts/minify-literals.ts`).
 */
export function css(strings: TemplateStringsArray, ...values: (CSSResult | number)[]): CSSResult {
  return unsafeCSS(String.raw(strings, ...values.map(String)));
}
