/** Colour maths for choosing marks that stay readable on the page's own background. */

/** [r, g, b, alpha] from a computed CSS colour ("rgb(…)", "rgba(…)", "rgb(r g b / a)"), or null. */
export function parseRgb(css: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith("%") ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: [number, number, number, number?]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Whether text sits on a dark background: the first opaque background found
 * walking up from the article decides; light text on an undecided background
 * also counts as dark.
 */
export function isDarkScheme(backgrounds: string[], textColor: string): boolean {
  for (const bg of backgrounds) {
    const c = parseRgb(bg);
    if (c && c[3] > 0.5) return luminance(c) < 0.3;
  }
  const text = parseRgb(textColor);
  return text !== null && luminance(text) > 0.6;
}
