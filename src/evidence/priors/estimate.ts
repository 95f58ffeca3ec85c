/**
 * The priors of the registry that are estimated here, recomputed from the bundled historical
 * cases: Cox hazard ratios and Kaplan–Meier risks. The registry stores the rounded results; a test
 * and `guarantor evidence priors --check` recompute them so the two cannot drift apart.
 */
import { loadCaseSet, type HistoricalCase } from "../cases/historical-cases.js";
import { fitCox } from "../stats/cox.js";
import { kaplanMeier, survivalAt } from "../stats/kaplan-meier.js";
import { survivalSample } from "../stats/survival-data.js";

export interface EstimatedFigure {
  /** point estimate on the natural scale (hazard ratio or probability) */
  estimate: number;
  /** standard error: of log HR for hazard ratios, of the probability for risks */
  stdErr: number;
  n: number;
  events: number;
}

/** How each estimated-here entry of priors.yaml is computed (keyed by entry id). */
export const ESTIMATORS: Record<string, () => EstimatedFigure> = {
  hr_renewed_war_major_power_pact: () =>
    hazardRatio(loadCaseSet("interstate").cases, ["major_power_pact", "decisive_outcome", "rivalry"]),
  hr_ceasefire_failure_peacekeeping: () =>
    hazardRatio(postColdWar(), ["peacekeeping"]),
  risk_renewed_interstate_war_10y: () => risk(loadCaseSet("interstate").cases, 10),
  risk_ceasefire_failure_5y_without_peacekeepers: () => risk(postColdWar().filter((c) => c.covariates.peacekeeping === 0), 5),
  risk_ceasefire_failure_5y_with_peacekeepers: () => risk(postColdWar().filter((c) => c.covariates.peacekeeping === 1), 5),
};

function postColdWar(): HistoricalCase[] {
  return loadCaseSet("ceasefires").cases.filter((c) => c.covariates.post_cold_war === 1);
}

/** Hazard ratio of the first covariate, adjusted for the rest. */
export function hazardRatio(cases: HistoricalCase[], names: string[]): EstimatedFigure {
  const fit = fitCox({
    sample: survivalSample(cases.map((c) => c.yearsAtRisk), cases.map((c) => c.event)),
    covariates: Float64Array.from(cases.flatMap((c) => names.map((n) => c.covariates[n]))),
    names,
  });
  return { estimate: fit.hazardRatios[0], stdErr: fit.standardErrors[0], n: fit.n, events: fit.events };
}

/** Kaplan–Meier risk 1 − Ŝ(k) with its Greenwood standard error. */
export function risk(cases: HistoricalCase[], years: number): EstimatedFigure {
  const curve = kaplanMeier(survivalSample(cases.map((c) => c.yearsAtRisk), cases.map((c) => c.event)));
  let index = -1;
  for (let i = 0; i < curve.time.length && curve.time[i] <= years; i++) index = i;
  return {
    estimate: 1 - survivalAt(curve, years),
    stdErr: index === -1 ? 0 : curve.stdErrSurvival[index],
    n: curve.n,
    events: curve.events,
  };
}
