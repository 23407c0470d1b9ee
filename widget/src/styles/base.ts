import { css, unsafeCSS } from "lit";

/**
 * Theme defaults. Each private `--_x` takes the public `--userecho-x` when the page sets it,
 * else the theme's default; the dark defaults serve both `theme="dark"` and `theme="auto"` under
 * `prefers-color-scheme: dark`.
 */
const theme = (values: Readonly<Record<string, string>>) =>
  unsafeCSS(
    Object.entries(values)
      .map(([name, value]) => `--_${name}:var(--userecho-${name},${value});`)
      .join(""),
  );

const light = theme({
  text: "#1f2328",
  muted: "#59636e",
  bg: "#fff",
  surface: "#f6f8fa",
  border: "#d1d9e0",
  accent: "#0a58ca",
  "on-accent": "#fff",
  danger: "#b42318",
  focus: "#0a58ca",
  skeleton: "#e8ebef",
});

const dark = theme({
  text: "#e6edf3",
  muted: "#9da7b3",
  bg: "#0d1117",
  surface: "#161b22",
  border: "#3d444d",
  accent: "#58a6ff",
  "on-accent": "#0d1117",
  danger: "#ff8b82",
  focus: "#58a6ff",
  skeleton: "#262c36",
});

/** Shared by every element: theme, focus, controls, lists, paging, skeletons, avatars. */
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
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  input,
  select,
  textarea,
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
  [aria-current="page"],
  [aria-pressed="true"] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .btn:disabled,
  .btn[aria-disabled="true"] {
    cursor: default;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [tabindex="-1"]:focus {
    outline: none;
  }
  a {
    color: var(--_accent);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
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
    border-bottom: 1px solid var(--_border);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.75rem;
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
