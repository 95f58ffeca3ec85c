/**
 * The backtest's out-of-sample cease-fire spoiler rate (docs/EVIDENCE.md §4, §7.8): instead of the
 * registry's σ_S, fitted to every cease-fire without peacekeepers (test cases included), the model
 * predictor re-fits it on the training cases only, by the history matching of `guarantor calibrate`
 * (src/evidence/calibration/calibrate.ts, same dimension, points, trajectories and seed), and
 * forecasts the test cases with that prior.
 */
import { InputError } from "../../errors.js";
import type { Prior } from "../../scenario/prior.js";
import { CEASEFIRE_SPOILER_DIMENSION, calibrateCeasefireSpoilers, ceasefireRiskTargets, type CalibrationSettings } from "../calibration/calibrate.js";
import type { HistoricalCase } from "../cases/historical-cases.js";
import type { EvaluateOptions } from "../../sim/evaluate.js";

export interface CeasefireSpoilerRefit {
  /** the test cases forecast with this fit */
  testIds: string[];
  /** training cease-fires without peacekeepers the rate was fitted to, and how many of them failed */
  trainingCases: number;
  failures: number;
  /** Kaplan–Meier risks of failure of those cases, the history matching's targets */
  targets: { years: number; observed: number; stdErr: number }[];
  seed: number;
  trajectoriesPerPoint: number;
  points: number;
  kept: number;
  cutoff: number;
  /** smallest and largest σ_S among the kept points */
  keptRange: [number, number];
  best: { implausibility: number; scale: number; simulated: number[] };
  /** the fitted prior of σ_S in the cease-fires (mean and sd of the kept points, 4 significant digits) */
  prior: { dist: "lognormal"; mean: number; sd: number };
}

/**
 * Fit σ_S of the cease-fires to the training cases without peacekeepers, the other priors held at
 * `fixed` (the evidence priors the backtest runs under). Fails when fewer than two design points
 * are plausible: a prior needs a spread.
 */
export async function refitCeasefireSpoilers(
  scenarioText: string, fixed: Record<string, Prior>, training: readonly HistoricalCase[], settings: CalibrationSettings, executor?: EvaluateOptions["executor"],
): Promise<CeasefireSpoilerRefit> {
  const trainingCases = training.filter((c) => c.covariates.peacekeeping !== 1);
  if (trainingCases.length === 0) {
    throw new InputError("backtest: the training cases have no cease-fire without peacekeepers to refit the cease-fires' spoiler rate to");
  }
  const { matching, priors, cases } = await calibrateCeasefireSpoilers(scenarioText, fixed, settings, { cases: training, description: "training cases of the backtest" }, executor);
  const keptValues = matching.kept.map((k) => matching.points[k].values[0]);
  const best = { implausibility: matching.best.implausibility, scale: matching.best.values[0], simulated: matching.best.simulated };
  if (priors.length === 0 || keptValues.length < 2) {
    throw new InputError(
      `backtest: refitting the cease-fires' spoiler rate on ${cases.length} training cease-fires without peacekeepers kept ${keptValues.length} of ${matching.points.length} design points ` +
      `(best implausibility ${best.implausibility.toFixed(2)} at σ_S = ${best.scale.toFixed(2)}); at least two are needed for a prior${howItMisses(best, cases)}`,
    );
  }
  const { mean, sd } = priors[0].prior;
  return {
    testIds: [],
    trainingCases: cases.length,
    failures: cases.filter((c) => c.event === 1).length,
    targets: ceasefireRiskTargets(cases),
    seed: settings.seed,
    trajectoriesPerPoint: settings.trajectories,
    points: matching.points.length,
    kept: keptValues.length,
    cutoff: matching.cutoff,
    keptRange: [Math.min(...keptValues), Math.max(...keptValues)],
    best,
    prior: { dist: "lognormal", mean, sd },
  };
}

/** How the best point of a failed refit misses the record, and what to do (for its message). */
function howItMisses(best: { scale: number; simulated: number[] }, cases: readonly HistoricalCase[]): string {
  const { lower, upper } = CEASEFIRE_SPOILER_DIMENSION;
  // the outer tenth of the log range on either side
  const edge = Math.log(upper / lower) / 10;
  const where = Math.log(upper / best.scale) < edge ? "at the top of" : Math.log(best.scale / lower) < edge ? "at the bottom of" : "inside";
  const targets = ceasefireRiskTargets(cases);
  const risks = (values: number[]) => values.map((v) => v.toFixed(2)).join(", ");
  return (
    `. At that point, ${where} the range searched (σ_S ${lower}–${upper}), the model's risks of failure within ${targets.map((t) => t.years).join(", ")} years are ` +
    `${risks(best.simulated)} against the record's ${risks(targets.map((t) => t.observed))}; fit to a larger set of cases, or keep the registry's rate (--ceasefire-spoilers registry)`
  );
}
