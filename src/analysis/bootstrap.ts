/**
 * Bootstrap helpers shared by the sensitivity estimators: seeded resampling of row indices and
 * percentile intervals. Each estimator owns its statistic; this file only draws and summarises.
 */
import { InputError } from "../errors.js";
import type { IntervalEstimate } from "../contract/analysis.js";
import type { AnalysisRandom } from "../math/random.js";

export type { IntervalEstimate };

/** Fill `out` with n indices drawn uniformly with replacement from 0..n−1. */
export function resampleIndices(random: AnalysisRandom, out: Uint32Array): void {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = random.nextInt(n);
}

/** Quantile of sorted values with linear interpolation between order statistics (Hyndman & Fan type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Summarise bootstrap replicates of one statistic around its full-sample estimate. */
export function summariseReplicates(estimate: number, replicates: Float64Array, confidence: number): IntervalEstimate {
  const sorted = Float64Array.from(replicates).sort();
  let mean = 0;
  for (const r of sorted) mean += r;
  mean /= sorted.length;
  let squares = 0;
  for (const r of sorted) squares += (r - mean) * (r - mean);
  const se = sorted.length > 1 ? Math.sqrt(squares / (sorted.length - 1)) : NaN;
  const tail = (1 - confidence) / 2;
  return { estimate, se, low: sortedQuantile(sorted, tail), high: sortedQuantile(sorted, 1 - tail) };
}

/** Check a confidence level and a bootstrap count; the messages name the option. */
export function checkBootstrapOptions(resamples: number, confidence: number): void {
  if (!Number.isInteger(resamples) || resamples < 2) {
    throw new InputError(`bootstrap resamples must be an integer ≥ 2, got ${resamples}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new InputError(`confidence must be strictly between 0 and 1, got ${confidence}`);
  }
}
