/**
 * Black or white, whichever reads better on `hex` (`#rrggbb`): status colours come from the
 * community's settings, so the badge text must be chosen, not assumed. The larger of the two
 * contrasts is always at least 4.58:1, above WCAG AA for normal text.
 */
export function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.179 ? "#000" : "#fff";
}
