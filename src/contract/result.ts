/**
 * The shape of an evaluation's results: the stable contract read by the CLI's --json output,
 * the run store, the HTTP API and the web app. Outcome names keep their names and meaning; the
 * outcomes and the states are each listed once, in outcomes.ts and states.ts.
 */
import type { OutcomeName } from "./outcomes.js";
import type { StateShares } from "./states.js";

export type { OutcomeName } from "./outcomes.js";
export type { StateShares } from "./states.js";

/** A Monte Carlo estimate: the mean over trajectories and its standard error. */
export interface Estimate {
  mean: number;
  se: number;
}

export interface SurvivalCurve {
  /** months since the settlement: 0, 1, …, H */
  months: number[];
  /** P(no major war yet at month t | accepted), Kaplan–Meier (no censoring but the horizon) */
  survival: number[];
  se: number[];
  /** number of accepted trajectories the curve is over */
  n: number;
}

export interface Histogram {
  /** bin edges, length = counts.length + 1 */
  edges: number[];
  counts: number[];
}

/** One state that could fight (a guarantor or supplier): how often it fought (docs/MODEL.md §8.2). */
export interface CoalitionShare {
  /** the state's id in the scenario's `actors.guarantors` */
  state: string;
  /** P(the state fought the challenger at least once), over all trajectories and over accepted ones */
  p_fought: Estimate;
  p_fought_given_accept: Estimate;
}

export interface OptionPerspectiveResult {
  option: string;
  perspective: string;
  trajectories: number;
  outcomes: Record<OutcomeName, Estimate>;
  survival: SurvivalCurve;
  states: StateShares;
  alignment_at_horizon: Histogram;
  /** per state that could fight, in the scenario's order (added in model v2; absent in older results) */
  coalition?: CoalitionShare[];
}

export interface RankingEntry {
  option: string;
  loss: Estimate;
  rank: number;
}

export interface EvaluationResult {
  scenario: string;
  seed: number;
  trajectories: number;
  horizon_years: number;
  options: { id: string; label: string }[];
  /**
   * loss_weights: the weights of this perspective's loss, the scenario's with the perspective's own
   * override (docs/MODEL.md §8); absent in results from before perspectives could carry weights,
   * which used `loss_weights` below for every perspective (src/contract/loss.ts: `lossWeightsOf`)
   */
  perspectives: { id: string; label: string; source: string; loss_weights?: Partial<Record<OutcomeName, number>> }[];
  /** the scenario's loss weights (a perspective may override some: see `perspectives`) */
  loss_weights: Partial<Record<OutcomeName, number>>;
  results: OptionPerspectiveResult[];
  /** per perspective: options ordered by expected loss (lower is better) */
  ranking: { perspective: string; order: RankingEntry[] }[];
  /** how the trajectories were simulated: "event" (event-driven, default) or "monthly" */
  mode?: "event" | "monthly";
  /** present when the run was asked for a precision (--precision): what it reached */
  precision?: PrecisionReport;
}

/** A run to a target standard error: every probability outcome's SE against the target. */
export interface PrecisionReport {
  /** the target standard error of every probability outcome */
  target: number;
  /** the largest standard error of any probability outcome at the end */
  reached: number;
  /** true when reached ≤ target; false when the trajectory cap stopped the run first */
  converged: boolean;
  /** the cap on trajectories per option and perspective */
  maxTrajectories: number;
  /** where the largest standard error sits */
  worst: { option: string; perspective: string; outcome: OutcomeName };
}

/** Running estimates of one option under one perspective, sent with progress events. */
export interface ProgressEstimate {
  option: string;
  perspective: string;
  trajectories: number;
  loss: Estimate;
  p_war_resumes_horizon: Estimate;
  p_sphere_at_horizon: Estimate;
}

export interface Progress {
  done: number;
  /** trajectories × options × perspectives planned so far (grows between rounds of a --precision run) */
  total: number;
  /** the estimates so far, for every option and perspective already started */
  estimates?: ProgressEstimate[];
}
