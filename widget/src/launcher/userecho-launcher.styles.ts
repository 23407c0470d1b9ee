import { DARK, LIGHT, themeDeclarations } from "../styles/palette.ts";

/** Plain text tagged `css` so the build minifies it as it does Lit's (the launcher has no Lit). */
const css = String.raw;

/**
 * The launcher's tab: on a side of the window (`right`, `left`), or a round floating button in
 * a corner, above the page. Its dialog's rules come with the dialog (`dialog.ts`). The host itself draws
 * nothing (`display: contents`), so the page's layout never sees it. Motion only when the
 * visitor has not asked for less. Positions are physical on purpose: `right` is the window's
 * right in any language. A side tab's text reads from bottom to top, its corners round on the
 * page's side. On a narrow screen (under 40rem, where the dialog is a full-screen sheet) a side
 * tab with its label would lie over the page's own controls: there it is an icon, 1.5rem wide
 * (the body's margin and a board's padding), in the gutter at the screen's edge, and a corner
 * button is an icon too; the label stays for screen readers. (Comments inside the template
 * would ship, hence here.)
 */
export const launcherStyles = css`
  :host {
    display: contents;
  }
  [hidden] {
    display: none !important;
  }
  .root {
    display: contents;
    ${themeDeclarations(LIGHT)}
    color-scheme: light;
    font-family: var(--userecho-font);
    line-height: 1.45;
  }
  .dark {
    ${themeDeclarations(DARK)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    .auto {
      ${themeDeclarations(DARK)}
      color-scheme: dark;
    }
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .launcher {
    position: fixed;
    z-index: 2147483000;
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.6em 1em;
    border: none;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.25);
  }
  .launcher svg {
    inline-size: 1.2em;
    block-size: 1.2em;
    fill: currentColor;
    flex: none;
  }
  .right,
  .left {
    top: 50%;
    writing-mode: vertical-rl;
    transform: translateY(-50%) rotate(180deg);
  }
  .right {
    right: 0;
    border-radius: 0 var(--userecho-radius, 8px) var(--userecho-radius, 8px) 0;
  }
  .left {
    left: 0;
    border-radius: var(--userecho-radius, 8px) 0 0 var(--userecho-radius, 8px);
  }
  .right svg,
  .left svg {
    transform: rotate(180deg);
  }
  .bottom-right,
  .bottom-left,
  .top-right,
  .top-left {
    border-radius: 2em;
    padding: 0.8em 1.2em;
  }
  .bottom-right,
  .bottom-left {
    bottom: 1.25rem;
  }
  .top-right,
  .top-left {
    top: 1.25rem;
  }
  .bottom-right,
  .top-right {
    right: 1.25rem;
  }
  .bottom-left,
  .top-left {
    left: 1.25rem;
  }
  @media (max-width: 40rem) {
    .launcher span {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .right,
    .left {
      width: 1.5rem;
      height: 3rem;
      padding: 0;
      justify-content: center;
    }
    .bottom-right,
    .bottom-left,
    .top-right,
    .top-left {
      padding: 0.9em;
    }
    .bottom-right,
    .bottom-left {
      bottom: calc(1rem + env(safe-area-inset-bottom, 0px));
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .launcher {
      transition: filter 0.15s;
    }
    .launcher:hover {
      filter: brightness(1.1);
    }
  }
`;
