/**
 * The pluggable predictor interface of the backtest: anything that, having seen training cases,
 * gives each test case a probability that war resumes within each horizon. Baselines, the
 * simulator-backed model, or a user's own forecaster plug in here.
 */
import type { HistoricalCase } from "../cases/historical-cases.js";

export interface Predictor {
  id: string;
  label: string;
  /**
   * Probabilities P(war resumes within horizons[h] years) for each test case: result[i][h].
   * Must use only `training` (plus fixed, pre-registered assumptions) to stay out of sample.
   */
  /** true if predictions do not depend on the training cases (e.g. a simulator with fixed priors): predicted once for all */
  trainingFree?: boolean;
  predict(training: readonly HistoricalCase[], test: readonly HistoricalCase[], horizons: readonly number[]): Promise<number[][]> | number[][];
}

/** What happened to a case by k years: 1 war resumed, 0 peace held, null unknown (censored before k). */
export function outcomeWithin(c: HistoricalCase, years: number): 0 | 1 | null {
  if (c.event === 1 && c.yearsAtRisk <= years) return 1;
  if (c.yearsAtRisk >= years) return 0;
  return null;
}
