/** Colours: a categorical palette for options, fixed colours for states, a sequential ramp. */
import { textOn } from "./contrast.js";

export const CATEGORICAL = ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#ff9da7", "#9c755f", "#bab0ab"];

export const categorical = (i: number): string => CATEGORICAL[i % CATEGORICAL.length];

export const STATE_COLORS: Record<string, string> = {
  armed_peace: "#59a14f",
  crisis: "#edc949",
  limited_war: "#f28e2c",
  direct_war: "#e15759",
  nuclear_use: "#4b1d3f",
  no_settlement: "#9d9d9d",
};

const LIGHT = [247, 251, 255];
const DARK = [8, 48, 107];

/** t in [0,1] → a blue from light to dark; with the text colour that reads on it (WCAG contrast ≥ 4.5:1). */
export function sequential(t: number): { fill: string; text: string } {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const rgb = LIGHT.map((l, i) => Math.round(l + (DARK[i] - l) * clamped));
  const fill = `rgb(${rgb.join(",")})`;
  return { fill, text: textOn(fill) };
}
