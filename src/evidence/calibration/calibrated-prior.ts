/**
 * What a calibration produces: a prior for one model parameter with its method, data and the
 * tolerance within which a re-derivation must agree (docs/EVIDENCE.md §7). Shared by the fits,
 * the registry writer and the check.
 */

export type Family = "beta" | "gamma" | "lognormal" | "normal";

export interface CalibratedPrior {
  id: string;
  parameter: string;
  measures: string;
  prior: { dist: Family; mean: number; sd: number };
  /** the point estimate (MLE, posterior mean) on the parameter's scale */
  estimate: number;
  method: string;
  data: string;
  citation: string;
  how: string;
  caveats: string;
  /**
   * |stored − re-derived| allowed for the prior's mean and sd: 3 Monte Carlo standard errors of the
   * posterior mean for simulation-based fits; for likelihood fits the optimizer's tolerance, which is
   * below the 4 significant digits stored, so that rounding sets it
   */
  tolerance: number;
  /** figures of the fit worth reporting (sample sizes, log-likelihoods, implausibilities…) */
  figures: Record<string, number | string>;
}

/** Round to 4 significant digits (what the registry stores). */
export function round4(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(4)) : x;
}

/** Tolerance for a likelihood fit: half a unit in the 4th significant digit of the larger of mean and sd, plus the optimizer's error. */
export function roundingTolerance(mean: number, sd: number): number {
  const scale = Math.max(Math.abs(mean), Math.abs(sd));
  return 5 * 10 ** (Math.floor(Math.log10(scale)) - 3) + 1e-6 * scale;
}
