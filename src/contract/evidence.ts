/**
 * The answers of the evidence layer (docs/EVIDENCE.md) as the API gives them: survival of peace by
 * group for a historical case set, and the backtest's scores and reliability bins. src/evidence/
 * computes the scores, src/server/evidence-api.ts shapes the answers, the web app draws them.
 */

/** The bundled historical case sets. */
export type CaseSetName = "interstate" | "ceasefires";

/** One Kaplan–Meier curve of a group of cases (one row per distinct time). */
export interface GroupSurvivalCurve {
  /** `covariate=value` */
  group: string;
  n: number;
  events: number;
  /** median years of peace; null when the curve never falls to one half */
  median: number | null;
  time: number[];
  nRisk: number[];
  survival: number[];
  /** pointwise confidence interval */
  lower: number[];
  upper: number[];
}

/** GET /api/evidence/survival */
export interface SurvivalByGroup {
  data: CaseSetName;
  title: string;
  /** the covariate the cases are split by */
  by: string;
  /** the `name=0|1` filter applied first, if any */
  where: string | null;
  covariates: string[];
  /** how the intervals are computed, in words */
  confidence: string;
  curves: GroupSurvivalCurve[];
  /** log-rank test across the groups; null for a single group */
  logRank: { chiSquare: number; degreesOfFreedom: number; pValue: number } | null;
  /** the duration dependence of the hazard over all the cases shown (docs/EVIDENCE.md §7.2; added after the first version) */
  duration?: DurationDependence;
}

/** h(t) = h0·(ψ + (1 − ψ)e^(−t/T_D)) by maximum likelihood; intervals null where the likelihood peaks at an edge of the search box. */
export interface DurationDependence {
  n: number;
  events: number;
  floor: number;
  decayMonths: number;
  baseHazardPerYear: number;
  likelihoodRatio: number;
  intervals: { floor: [number, number]; decayMonths: [number, number] } | null;
}

export type ValidationScheme = { kind: "leave-one-out" } | { kind: "time-split"; splitYear: number };

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanForecast: number;
  observedFrequency: number;
  /** binomial standard error of the observed frequency, sqrt(ō(1−ō)/n) */
  observedStdErr: number;
}

export interface BrierDecomposition {
  n: number;
  /** BS = (1/N) Σ (fᵢ − oᵢ)² */
  brier: number;
  /** Monte Carlo-free sampling SE of the mean squared error: sd((f − o)²)/√N */
  brierStdErr: number;
  /** REL = (1/N) Σₖ nₖ (f̄ₖ − ōₖ)² (lower is better) */
  reliability: number;
  /** RES = (1/N) Σₖ nₖ (ōₖ − ō)² (higher is better) */
  resolution: number;
  /** UNC = ō (1 − ō) */
  uncertainty: number;
  /** BS − (REL − RES + UNC): zero when all forecasts in a bin are equal (within-bin variance terms) */
  withinBinResidual: number;
  /** 1 − BS/UNC: skill against always forecasting the sample base rate */
  skillVersusBaseRate: number;
  baseRate: number;
  bins: ReliabilityBin[];
}

export interface PredictorScore {
  predictor: string;
  score: BrierDecomposition;
  /** mean of the per-case difference in squared error against the first predictor, and its SE (negative = better) */
  differenceVsReference: { mean: number; stdErr: number };
}

export interface HorizonResult {
  years: number;
  /** test cases whose outcome at this horizon is known */
  n: number;
  /** test cases censored before the horizon (outcome unknown, left out) */
  censoredBefore: number;
  events: number;
  scores: PredictorScore[];
}

/** GET /api/evidence/backtest: one horizon of the backtest. */
export interface BacktestAnswer {
  data: CaseSetName;
  title: string;
  scheme: ValidationScheme;
  testCases: number;
  predictors: { id: string; label: string }[];
  horizon: HorizonResult;
  /** whether the simulator is among the predictors */
  modelIncluded: boolean;
  note: string;
}

/** A prior's distribution by its mean and sd (what the calibration fit compares). */
export interface PriorMoments {
  dist: string;
  mean: number;
  sd: number;
}

/** One calibrated prior of the registry (src/evidence/priors.yaml, docs/EVIDENCE.md §7) beside the scenario's own. */
export interface CalibratedPriorFit {
  id: string;
  parameter: string;
  /** what the prior measures, in the registry's words */
  measures: string;
  method: string;
  data: string;
  citation: string;
  /** the prior `guarantor calibrate` derived: the `evidence` perspective's override */
  calibrated: PriorMoments;
  /** the bundled scenario's own prior for the parameter (sd 0 for a fixed value, (max − min)/√12 for a uniform) */
  scenario: PriorMoments;
  /** the fit's figures as the registry stores them (log-likelihoods, standard errors, counts, …) */
  figures: Record<string, number | string>;
  /** each perspective's distance from the calibrated prior (docs/EVIDENCE.md §7.6) */
  distances: { perspective: string; mean: number; evidenceQuantile: number; standardized: number }[];
}

/** GET /api/evidence/calibration: every calibrated prior of a parameter the bundled scenario has. */
export interface CalibrationAnswer {
  scenario: string;
  priors: CalibratedPriorFit[];
  note: string;
}
