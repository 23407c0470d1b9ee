/**
 * The theme's default colours, for `light` and for `dark` (also `auto` under
 * `prefers-color-scheme: dark`). Plain data, so both the Lit elements (`base.ts`) and the
 * launcher, which draws without Lit, take them from here.
 */
export const LIGHT = {
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
};

export const DARK: typeof LIGHT = {
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
};

/**
 * Declarations giving each private `--_x` the public `--userecho-x` when the page sets it, else
 * the palette's default.
 */
export function themeDeclarations(palette: Readonly<Record<string, string>>): string {
  return Object.entries(palette)
    .map(([name, value]) => `--_${name}:var(--userecho-${name},${value});`)
    .join("");
}
