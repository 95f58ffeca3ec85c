/**
 * When an analysis is too small to say anything: the warning before a Sobol run below the advised
 * size, and the note after one whose intervals are too wide to rank parameters, each with the size
 * to try (docs/ANALYSIS.md). Pure, so that the rules are tested in Node.
 */
import type { SensitivityReport } from "../../src/contract/analysis.js";

/** below this many Sobol base samples the intervals are too wide to rank parameters */
export const SOBOL_ADVISED = 64;
/** the largest size the server accepts (src/server/analysis-schemas.ts) */
export const SOBOL_MAX = 256;
/** an interval of a total index wider than this cannot tell a parameter that matters from one that does not */
export const SOBOL_USEFUL_WIDTH = 0.5;

/** The warning before a run, or "" when the size is enough for a first look. */
export function sobolSizeWarning(baseSamples: number): string {
  if (baseSamples >= SOBOL_ADVISED) return "";
  return `With ${baseSamples} Sobol base samples the indices are mostly noise (intervals can reach below 0 and above 1). Use at least ${SOBOL_ADVISED} for a first look, 128–256 to rank parameters; each takes longer in proportion.`;
}

/**
 * The note after a run whose widest total-index interval spans more than SOBOL_USEFUL_WIDTH, with a
 * size to try: four times as many samples (intervals shrink as 1/√N, so about half as wide), at
 * most the server's limit; null when the intervals are narrow enough.
 */
export function sobolResultNote(report: SensitivityReport, baseSamples: number): string | null {
  const widest = Math.max(0, ...report.rows.map((r) => (r.total ? r.total.high - r.total.low : 0)));
  if (widest <= SOBOL_USEFUL_WIDTH) return null;
  const suggestion = Math.min(SOBOL_MAX, baseSamples * 4);
  return suggestion > baseSamples
    ? `The widest interval spans ${widest.toFixed(2)}: at N = ${baseSamples} these indices cannot rank the parameters. Try N = ${suggestion}.`
    : `The widest interval spans ${widest.toFixed(2)} even at N = ${baseSamples}, the largest size offered: more trajectories per setting, or fewer parameters, would narrow it.`;
}
