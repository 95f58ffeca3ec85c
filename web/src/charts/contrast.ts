/**
 * Colour contrast by WCAG 2.x: relative luminance of an sRGB colour and the contrast ratio of two
 * colours, used to pick the text colour that reads on a filled cell (≥ 4.5:1 for normal text).
 */

/** "#rgb", "#rrggbb" or "rgb(r,g,b)" → [r, g, b] in 0…255. */
export function parseColor(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d) : (hex[1].match(/../g) as string[]);
    return digits.map((d) => parseInt(d, 16)) as [number, number, number];
  }
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/i.exec(color.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`not a colour: ${color}`);
}

/** WCAG relative luminance L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels. */
export function relativeLuminance(color: string): number {
  const [r, g, b] = parseColor(color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** (L_lighter + 0.05) / (L_darker + 0.05), from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** black, not a dark grey: with pure black one of the two choices always reaches 4.58:1 */
export const DARK_TEXT = "#000";
export const LIGHT_TEXT = "#fff";

/** The text colour (near-black or white) with the higher contrast on `background`. */
export function textOn(background: string): string {
  return contrastRatio(DARK_TEXT, background) >= contrastRatio(LIGHT_TEXT, background) ? DARK_TEXT : LIGHT_TEXT;
}
