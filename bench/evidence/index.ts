/**
 * Benchmarks of the evidence layer: a Cox fit with the PH check on the 374 war-dyads, and a
 * leave-one-out backtest of the baselines (374 Cox refits). Prints wall-clock figures only.
 */
import { loadCaseSet } from "../../src/evidence/cases/historical-cases.js";
import { runBacktest } from "../../src/evidence/backtest/backtest.js";
import { baseRatePredictor, coxPredictor } from "../../src/evidence/backtest/baselines.js";
import { coxZph } from "../../src/evidence/stats/cox-zph.js";
import { fitCox } from "../../src/evidence/stats/cox.js";
import { survivalSample } from "../../src/evidence/stats/survival-data.js";

export async function run(): Promise<void> {
  const cases = loadCaseSet("interstate").cases;
  const names = ["major_power_pact", "decisive_outcome", "rivalry"];
  const data = {
    sample: survivalSample(cases.map((c) => c.yearsAtRisk), cases.map((c) => c.event)),
    covariates: Float64Array.from(cases.flatMap((c) => names.map((n) => c.covariates[n]))),
    names,
  };
  const repeats = 50;
  let start = performance.now();
  for (let i = 0; i < repeats; i++) fitCox(data);
  console.log(`Cox fit, n = ${cases.length}, p = 3: ${((performance.now() - start) / repeats).toFixed(2)} ms`);
  const fit = fitCox(data);
  start = performance.now();
  for (let i = 0; i < repeats; i++) coxZph(data, fit);
  console.log(`cox.zph on the same fit: ${((performance.now() - start) / repeats).toFixed(2)} ms`);
  start = performance.now();
  await runBacktest({ cases, predictors: [baseRatePredictor(), coxPredictor(names)], horizons: [2, 5, 10], scheme: { kind: "leave-one-out" } });
  console.log(`leave-one-out backtest of the baselines (${cases.length} folds): ${(performance.now() - start).toFixed(0)} ms`);
}
