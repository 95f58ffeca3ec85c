/**
 * The answers of the analysis layer (docs/ANALYSIS.md): sensitivity reports, crux reports and maps
 * of the best option, as plain data. src/analysis/ builds them, the CLI prints them, the API's
 * analysis jobs carry them (`AnalysisResult`) and the web app draws them.
 */
import type { OutcomeName } from "./outcomes.js";

/** An estimate with a bootstrap standard error and a percentile confidence interval. */
export interface IntervalEstimate {
  estimate: number;
  se: number;
  low: number;
  high: number;
}

/** The quantity an analysis studies: an outcome of one option, or its difference from another's. */
export interface AnalysisTarget {
  outcome: OutcomeName;
  option: string;
  /** when set: outcome(option) − outcome(versus), with common random numbers */
  versus?: string;
}

export interface SensitivityRow {
  parameter: string;
  /** Sobol first-order index S_i */
  first?: IntervalEstimate;
  /** Sobol total index ST_i */
  total?: IntervalEstimate;
  /** Morris μ* per unit of prior quantile: the mean absolute change over half the prior's range */
  muStar?: IntervalEstimate;
  mu?: number;
  sigma?: number;
}

export interface SensitivityReport {
  method: "sobol" | "morris";
  target: AnalysisTarget;
  label: string;
  perspective: string;
  parameters: string[];
  evaluations: number;
  trajectoriesPerPoint: number;
  /** Sobol: mean and variance of the target over the design */
  mean?: number;
  variance?: number;
  confidence: number;
  /** sorted by total index (Sobol) or μ* (Morris), largest first */
  rows: SensitivityRow[];
}

export interface DifferenceEstimate {
  value: number;
  mean: number;
  se: number;
}

export interface CruxThreshold {
  value: number;
  /** values where the difference is within z standard errors of 0 (delta method on the final bracket) */
  band: [number, number];
}

export interface CruxRegion {
  from: number;
  to: number;
  /** the option with the lower outcome in this region */
  lower: string;
  /** prior mass of the parameter in this region, per perspective */
  shares: Record<string, number>;
}

export interface Crux {
  parameter: string;
  outcome: OutcomeName;
  options: [string, string];
  thresholds: CruxThreshold[];
  regions: CruxRegion[];
  /** outcome(a) − outcome(b) along the grid */
  scan: DifferenceEstimate[];
  /** largest minus smallest difference on the grid */
  swing: number;
  /** the difference is beyond z standard errors of 0 on both sides of some threshold */
  clear: boolean;
}

export interface CruxReport {
  perspective: string;
  options: string[];
  outcomes: OutcomeName[];
  parametersScanned: string[];
  trajectoriesPerSetting: number;
  batches: number;
  settingsEvaluated: number;
  /** clear cruxes first, each group sorted by swing, largest first */
  cruxes: Crux[];
}

/**
 * A flip of two options' order that shows only when two parameters move together: on a grid of
 * both at their pooled prior quantiles, cells where each option is the lower one.
 */
export interface PairCrux {
  parameters: [string, string];
  outcome: OutcomeName;
  options: [string, string];
  /** grid values of the first (x) and the second (y) parameter */
  x: number[];
  y: number[];
  /** outcome(a) − outcome(b) in cell [j][i] (y_j, x_i), with its batch standard error */
  cells: { mean: number; se: number }[][];
  /**
   * per perspective, the joint prior mass of the cells where each option is lower (cells reach
   * halfway to their neighbours and to ±∞ at the edges; the parameters' priors are independent)
   */
  shares: Record<string, Record<string, number>>;
  /** some cell has a beyond z standard errors below b, and some cell above */
  clear: boolean;
}

export interface PairCruxReport {
  perspective: string;
  options: [string, string];
  outcome: OutcomeName;
  /** the parameters paired: those whose one-at-a-time scan came closest to a flip without flipping */
  candidates: string[];
  /** parameters whose scan alone flips the order (the one-at-a-time finder sees them) */
  singleFlips: string[];
  trajectoriesPerSetting: number;
  batches: number;
  settingsEvaluated: number;
  /** pairs with cells on both sides; clear ones first, then by the smaller side's largest share */
  cruxes: PairCrux[];
}

export interface MapCell {
  best: string;
  /** how much better the best option is than the runner-up (positive) */
  margin: { mean: number; se: number };
  /** margin beyond z standard errors */
  clear: boolean;
}

/** Two parameters on a grid and the best option in each cell. */
export interface BestOptionMap {
  outcome: OutcomeName;
  perspective: string;
  options: string[];
  x: { parameter: string; values: number[] };
  y: { parameter: string; values: number[] };
  /** cells[yi][xi] */
  cells: MapCell[][];
}

/** What a finished analysis job holds: a sensitivity report, or a crux report with its map (or why there is none). */
export type AnalysisResult =
  | { kind: "sensitivity"; report: SensitivityReport }
  | { kind: "cruxes"; report: CruxReport; map: BestOptionMap | null; mapNote: string | null };
