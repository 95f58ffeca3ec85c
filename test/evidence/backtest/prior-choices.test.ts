import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runBacktest } from "../../../src/evidence/backtest/backtest.js";
import { CASE_INPUT_ASSUMPTIONS as A, caseInputs } from "../../../src/evidence/backtest/case-inputs.js";
import { backtestScenarioText, modelPredictor } from "../../../src/evidence/backtest/model-predictor.js";
import { calibrateCeasefireSpoilers, DEFAULT_SETTINGS, type CalibrationSettings } from "../../../src/evidence/calibration/calibrate.js";
import { loadCaseSet, packageRoot, type HistoricalCase } from "../../../src/evidence/cases/historical-cases.js";
import { evidenceOverrides, loadPriors } from "../../../src/evidence/priors/registry.js";
import { InputError } from "../../../src/errors.js";
import { loadScenarioText } from "../../../src/scenario/load.js";
import type { Prior } from "../../../src/scenario/prior.js";
import { evaluate } from "../../../src/sim/evaluate.js";

const base = readFileSync(join(packageRoot(), "scenarios", "ukraine-2025.yaml"), "utf8");
const ceasefires = loadCaseSet("ceasefires").cases;
/** small fits: the same 48-point design as `guarantor calibrate`, fewer trajectories per point */
const SMALL: CalibrationSettings = { ...DEFAULT_SETTINGS, trajectories: 150 };

type Overrides = Record<string, { dist: string; mean: number; sd: number }>;
const perspectives = (text: string) => (parse(text) as { perspectives: Record<string, { overrides: Overrides }> }).perspectives;

/** The registry's parameter priors as the calibration holds them fixed, read straight from the registry's entries. */
function registryParameterPriors(calibrated: boolean): Record<string, Prior> {
  const out: Record<string, Prior> = {};
  const entries = loadPriors().filter((p) => p.maps_to.kind === "parameter" && (calibrated || p.status !== "calibrated"));
  // calibrated entries win over the others for the same parameter
  for (const p of [...entries].sort((a, b) => Number(a.status === "calibrated") - Number(b.status === "calibrated"))) {
    const prior = p.maps_to.prior!;
    if (p.maps_to.parameter && p.maps_to.parameter in evidenceOverrides()) out[p.maps_to.parameter] = { dist: prior.dist, mean: prior.mean, sd: prior.sd } as Prior;
  }
  return out;
}

describe("the backtest's choice of priors for the simulator", () => {
  const sample = [
    ceasefires.find((c) => c.covariates.peacekeeping === 0 && c.covariates.truce === 0 && c.covariates.victory === 0)!,
    ceasefires.find((c) => c.covariates.peacekeeping === 0 && c.covariates.truce === 1)!,
  ];

  it("the default is the registry's cease-fire spoiler rate under the calibrated priors, with the same label and forecasts as before the choice existed", async () => {
    const explicit = backtestScenarioText(base, "ceasefires", 10, sample, { evidencePriors: "calibrated", ceasefireSpoilers: "registry" });
    expect(explicit).toBe(backtestScenarioText(base, "ceasefires", 10, sample));
    const registry = loadPriors().find((p) => p.id === "calibrated_ceasefire_spoiler_rate_scale")!.maps_to.prior!;
    expect(perspectives(explicit).settlement.overrides.spoiler_rate_scale).toMatchObject({ mean: registry.mean, sd: registry.sd });
    const plain = modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 200 });
    const chosen = modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 200, evidencePriors: "calibrated", ceasefireSpoilers: "registry" });
    expect(plain.label).toBe("guarantor's simulator (evidence priors, each case's own inputs, 200 trajectories, seed 7)");
    expect(chosen.label).toBe(plain.label);
    expect(chosen.trainingFree).toBe(true);
    expect(await chosen.predict([], sample, [2, 5])).toEqual(await plain.predict([], sample, [2, 5]));
  });

  it("interstate gives the cease-fires the dyads' spoiler rate (times the truce factor) and says so", () => {
    const interstate = evidenceOverrides().spoiler_rate_scale;
    const p = perspectives(backtestScenarioText(base, "ceasefires", 10, sample, { evidencePriors: "calibrated", ceasefireSpoilers: "interstate" }));
    expect(p.settlement.overrides.spoiler_rate_scale).toMatchObject({ mean: interstate.mean, sd: interstate.sd });
    expect(p.truce.overrides.spoiler_rate_scale.mean).toBeCloseTo(interstate.mean * A.truceSpoilerFactor, 12);
    expect(modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 200, ceasefireSpoilers: "interstate" }).label).toMatch(/the inter-state spoiler rate in the cease-fires/);
  });

  it("uncalibrated leaves out every calibrated entry of the registry: the other priors stay, the scenario's own take the calibrated parameters' place", () => {
    const expected = registryParameterPriors(false);
    const p = perspectives(backtestScenarioText(base, "ceasefires", 10, sample, { evidencePriors: "uncalibrated", ceasefireSpoilers: "interstate" }));
    const calibratedOnly = loadPriors().filter((e) => e.status === "calibrated").map((e) => e.maps_to.parameter!).filter((name) => !(name in expected));
    expect(calibratedOnly.length).toBeGreaterThan(0);
    for (const name of calibratedOnly) expect(p.settlement.overrides, name).not.toHaveProperty(name);
    for (const [name, prior] of Object.entries(expected)) expect(p.settlement.overrides[name], name).toMatchObject(prior);
    // the truce profile still doubles whatever σ_S the scenario has
    const scenarioScale = (parse(base) as { parameters: Overrides }).parameters.spoiler_rate_scale;
    expect(p.truce.overrides.spoiler_rate_scale.mean).toBeCloseTo(scenarioScale.mean * A.truceSpoilerFactor, 12);
    const label = modelPredictor({ caseSet: "interstate", seed: 7, trajectories: 200, evidencePriors: "uncalibrated" }).label;
    expect(label).toMatch(/evidence priors without the registry's calibrated entries/);
  });

  it("refuses choices that mean nothing: a cease-fire spoiler rate for the dyads, the registry's calibrated rate without the calibrated priors", () => {
    expect(() => modelPredictor({ caseSet: "interstate", seed: 1, trajectories: 10, ceasefireSpoilers: "refit" })).toThrow(InputError);
    expect(() => modelPredictor({ caseSet: "interstate", seed: 1, trajectories: 10, ceasefireSpoilers: "registry" })).toThrow(/civil-war cease-fires only/);
    expect(() => modelPredictor({ caseSet: "ceasefires", seed: 1, trajectories: 10, evidencePriors: "uncalibrated", ceasefireSpoilers: "registry" }))
      .toThrow(/calibrated entries, which the uncalibrated evidence priors leave out/);
  });
});

describe("refitting the cease-fires' spoiler rate on the training cases", () => {
  const training = ceasefires.filter((c) => c.year < 1989);
  const test = ceasefires.filter((c) => c.year >= 1989).slice(0, 6);

  it("fits the same prior as the calibration run directly on the training cases, and forecasts with it", async () => {
    const predictor = modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 200, ceasefireSpoilers: "refit", refitSettings: SMALL });
    expect(predictor.trainingFree).toBe(false);
    expect(predictor.label).toMatch(/spoiler rate refitted on the training cease-fires without peacekeepers \(history matching, seed 16, 150 trajectories per point\)/);
    const forecasts = await predictor.predict(training, test, [2, 5]);
    expect(predictor.refits).toHaveLength(1);
    const refit = predictor.refits[0];
    const direct = await calibrateCeasefireSpoilers(base, registryParameterPriors(true), SMALL, { cases: training });
    expect(refit.prior).toEqual(direct.priors[0].prior);
    expect(refit.kept).toBe(direct.matching.kept.length);
    expect(refit.best.implausibility).toBe(direct.matching.best.implausibility);
    const withoutPeacekeepers = training.filter((c) => c.covariates.peacekeeping === 0);
    expect(refit.trainingCases).toBe(withoutPeacekeepers.length);
    expect(refit.failures).toBe(withoutPeacekeepers.filter((c) => c.event === 1).length);
    expect(refit.testIds).toEqual(test.map((c) => c.id));
    // the forecasts are the simulator's on the backtest scenario with that prior given directly
    const text = backtestScenarioText(base, "ceasefires", 5, test, { evidencePriors: "calibrated", ceasefireSpoilers: { ...refit.prior, source: "test" } });
    expect(perspectives(text).settlement.overrides.spoiler_rate_scale).toMatchObject(refit.prior);
    const scenario = loadScenarioText(text, "direct.yaml");
    const result = await evaluate(scenario, { seed: 7, trajectories: 200, perspectives: Object.keys(scenario.perspectives) });
    const expected = test.map((c) => {
      const inputs = caseInputs("ceasefires", c);
      const curve = result.results.find((r) => r.option === inputs.option && r.perspective === inputs.profile)!.survival.survival;
      return [2, 5].map((k) => 1 - curve[Math.min(curve.length - 1, 12 * k)]);
    });
    expect(forecasts).toEqual(expected);
    expect(forecasts).not.toEqual(await modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 200 }).predict([], test, [2, 5]));
  }, 60_000);

  it("the cease-fires before 1989 give a lower rate than the registry's, fitted to all cease-fires, and lower forecasts without peacekeepers", async () => {
    const registry = loadPriors().find((p) => p.id === "calibrated_ceasefire_spoiler_rate_scale")!.maps_to.prior!;
    const predictor = modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 400, ceasefireSpoilers: "refit", refitSettings: SMALL });
    const bare = test.filter((c) => c.covariates.peacekeeping === 0 && c.covariates.truce === 0).slice(0, 1);
    expect(bare).toHaveLength(1);
    const refitted = await predictor.predict(training, bare, [5]);
    expect(predictor.refits[0].prior.mean).toBeLessThan(registry.mean - 2 * registry.sd);
    const inSample = await modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 400 }).predict([], bare, [5]);
    expect(refitted[0][0]).toBeLessThan(inSample[0][0]);
  }, 60_000);

  it("leave-one-out refits once per distinct training set: a left-out case with peacekeepers leaves the fit on all the others", async () => {
    const withPk = ceasefires.filter((c) => c.covariates.peacekeeping === 1).slice(0, 2);
    const without = ceasefires.filter((c) => c.covariates.peacekeeping === 0).slice(0, 10);
    const cases: HistoricalCase[] = [...without, ...withPk];
    const predictor = modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 100, ceasefireSpoilers: "refit", refitSettings: { ...SMALL, trajectories: 100 } });
    const progress: number[] = [];
    await runBacktest({ cases, predictors: [predictor], horizons: [2], scheme: { kind: "leave-one-out" }, onProgress: (_, done) => progress.push(done) });
    expect(progress).toEqual(cases.map((_, i) => i + 1));
    expect(predictor.refits).toHaveLength(without.length + 1);
    const shared = predictor.refits.find((r) => r.trainingCases === without.length)!;
    expect(shared.testIds).toEqual(withPk.map((c) => c.id));
    expect(predictor.refits.filter((r) => r.trainingCases === without.length - 1)).toHaveLength(without.length);
  }, 120_000);

  it("a training set without cease-fires lacking peacekeepers cannot be refitted, and says so", async () => {
    const predictor = modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 50, ceasefireSpoilers: "refit", refitSettings: SMALL });
    const onlyPk = ceasefires.filter((c) => c.covariates.peacekeeping === 1);
    await expect(predictor.predict(onlyPk, test.slice(0, 1), [2])).rejects.toThrow(/no cease-fire without peacekeepers to refit/);
  });
});
