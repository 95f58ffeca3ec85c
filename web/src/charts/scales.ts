/** Mapping data to pixels, and round tick values for axes. Pure; shared by every chart. */
import type { Extent, Position, Scale } from "./spec.js";

/** Position → pixel within [from, to] (to may be below from, as for a y axis). */
export function project(scale: Scale, range: [number, number]): (value: Position) => number {
  const [from, to] = range;
  if (scale.type === "band") {
    const step = (to - from) / Math.max(1, scale.domain.length);
    return (value) => from + step * (scale.domain.indexOf(String(value)) + 0.5);
  }
  const [d0, d1] = scale.domain;
  const span = d1 - d0 || 1;
  return (value) => from + ((Number(value) - d0) / span) * (to - from);
}

/** Extent → [start, end] pixels; a band fills its slot less a small gap. */
export function projectExtent(scale: Scale, range: [number, number]): (extent: Extent) => [number, number] {
  if (scale.type === "band") {
    const step = (range[1] - range[0]) / Math.max(1, scale.domain.length);
    const gap = step * 0.04;
    return (extent) => {
      const start = range[0] + step * scale.domain.indexOf(String(extent));
      return [start + gap, start + step - gap];
    };
  }
  const at = project(scale, range);
  return (extent) => (typeof extent === "string" ? [range[0], range[1]] : [at(extent[0]), at(extent[1])]);
}

/** About `count` round values (1, 2 or 5 × 10^k apart) covering the domain. */
export function ticks(domain: [number, number], count = 5): number[] {
  const [lo, hi] = domain;
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  // by index, not by repeated addition, and rounded to the step's decimals: no 0.30000000000000004
  const decimals = Math.min(20, Math.max(0, -Math.floor(Math.log10(step)) + 1));
  const first = Math.ceil(lo / step - 1e-9);
  const out: number[] = [];
  for (let i = first; i * step <= hi + step * 1e-9; i++) out.push(Number((i * step).toFixed(decimals)));
  return out;
}

export function formatTick(value: number, format: "percent" | "number"): string {
  if (format === "percent") return `${Number((value * 100).toPrecision(10))} %`;
  return Math.abs(value) >= 1000 ? value.toLocaleString("en-US") : String(Number(value.toPrecision(6)));
}
