/**
 * Baseline predictors for the backtest: the base rate (Kaplan–Meier risk of the training cases,
 * the same forecast for everyone) and a Cox model fitted on the training cases (risk by
 * covariates, Breslow baseline hazard).
 */
import type { HistoricalCase } from "../cases/historical-cases.js";
import { fitCox } from "../stats/cox.js";
import { kaplanMeier, survivalAt } from "../stats/kaplan-meier.js";
import { survivalSample } from "../stats/survival-data.js";
import type { Predictor } from "./predictor.js";

const sampleOf = (cases: readonly HistoricalCase[]) =>
  survivalSample(cases.map((c) => c.yearsAtRisk), cases.map((c) => c.event));

/** Everyone gets the training set's Kaplan–Meier risk 1 − Ŝ(k). */
export function baseRatePredictor(): Predictor {
  return {
    id: "base-rate",
    label: "base rate (Kaplan–Meier of the training cases)",
    predict(training, test, horizons) {
      const curve = kaplanMeier(sampleOf(training));
      const risks = horizons.map((k) => 1 - survivalAt(curve, k));
      return test.map(() => [...risks]);
    },
  };
}

/** Cox model on the named covariates: P(T ≤ k | x) = 1 − exp(−Ĥ₀(k)·exp(β̂·(x − x̄))). */
export function coxPredictor(covariates: readonly string[]): Predictor {
  return {
    id: "cox",
    label: `Cox model fitted on the training cases (${covariates.join(", ")})`,
    predict(training, test, horizons) {
      const names = [...covariates];
      const means = names.map((n) => training.reduce((s, c) => s + c.covariates[n], 0) / training.length);
      const fit = fitCox({
        sample: sampleOf(training),
        covariates: Float64Array.from(training.flatMap((c) => names.map((n, j) => c.covariates[n] - means[j]))),
        names,
      });
      const linear = (c: HistoricalCase) => names.reduce((s, n, j) => s + fit.coefficients[j] * (c.covariates[n] - means[j]), 0);
      const baseline = breslowCumulativeHazard(training, training.map(linear));
      return test.map((c) => {
        const relativeRisk = Math.exp(linear(c));
        return horizons.map((k) => 1 - Math.exp(-baseline(k) * relativeRisk));
      });
    },
  };
}

/** Breslow estimator Ĥ₀(t) = Σ_{tᵢ ≤ t} dᵢ / Σ_{j ∈ R(tᵢ)} exp(ηⱼ), as a step function. */
export function breslowCumulativeHazard(cases: readonly HistoricalCase[], linearPredictor: readonly number[]): (t: number) => number {
  const order = cases.map((_, i) => i).sort((a, b) => cases[a].yearsAtRisk - cases[b].yearsAtRisk);
  const riskScore = linearPredictor.map(Math.exp);
  let atRisk = riskScore.reduce((s, r) => s + r, 0);
  const times: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let start = 0; start < order.length; ) {
    const t = cases[order[start]].yearsAtRisk;
    let deaths = 0;
    let leaving = 0;
    let end = start;
    for (; end < order.length && cases[order[end]].yearsAtRisk === t; end++) {
      deaths += cases[order[end]].event;
      leaving += riskScore[order[end]];
    }
    if (deaths > 0) {
      total += deaths / atRisk;
      times.push(t);
      cumulative.push(total);
    }
    atRisk -= leaving;
    start = end;
  }
  return (t: number) => {
    let value = 0;
    for (let i = 0; i < times.length && times[i] <= t; i++) value = cumulative[i];
    return value;
  };
}
