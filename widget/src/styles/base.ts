import { unsafeCSS } from "lit";
import { css } from "./css.ts";
import { DARK, LIGHT, themeDeclarations } from "./palette.ts";

const light = unsafeCSS(themeDeclarations(LIGHT));
const dark = unsafeCSS(themeDeclarations(DARK));

// `.root:lang(he)`: the roots whose words are written right to left, one selector per locale of
// RTL_LOCALES (i18n/locales.ts; locales.test.ts holds the two together). The root's `lang` is
// its words' language.

// Skeletons pulse as one block, not bar by bar: every animated bar became a composited layer
// (60 for 20 placeholder rows), and the compositor's work on them shared the page's cores while
// the first rows were drawn (docs/BENCHMARKS.md, long tasks).

/**
 * Shared by every element, and all a board's first render needs: theme, focus, buttons, the
 * search box, lists, skeletons, avatars. The rest is `controlStyles` (control-styles.ts).
 */
export const baseStyles = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  .root {
    ${light}
    --_radius: var(--userecho-radius, 8px);
    color-scheme: light;
    font-family: var(--userecho-font);
    color: var(--_text);
    background: var(--_bg);
    border-radius: var(--_radius);
    padding: var(--userecho-spacing, 1rem);
    line-height: 1.45;
    container-type: inline-size;
    direction: ltr;
  }
  .root:lang(he) {
    direction: rtl;
  }
  .dark {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    .auto {
      ${dark}
      color-scheme: dark;
    }
  }
  * {
    box-sizing: border-box;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  input,
  .btn {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.4em 0.6em;
  }
  .btn {
    background: var(--_surface);
    cursor: pointer;
  }
  .primary,
  [aria-pressed="true"] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [tabindex="-1"]:focus {
    outline: none;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .list > li {
    padding: 0.6rem 0;
    border-block-end: 1px solid var(--_border);
  }
  .state {
    padding: 1rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    margin: 0.75rem 0;
  }
  .avatar {
    position: relative;
    inline-size: 1.5em;
    block-size: 1.5em;
    border-radius: 50%;
    flex: none;
    background: var(--_skeleton);
    display: inline-grid;
    place-items: center;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_text);
  }
  .avatar img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    border-radius: 50%;
  }
  .sk {
    display: grid;
    grid-template-columns: 2.5rem 1fr;
    gap: 0.5rem 0.75rem;
    padding: 0.6rem 0;
  }
  .bar {
    block-size: 0.9em;
    border-radius: 4px;
    background: var(--_skeleton);
  }
  .skeleton {
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .bar:first-child {
    grid-row: span 2;
    block-size: 2.5rem;
  }
  .bar:last-child {
    inline-size: 40%;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
