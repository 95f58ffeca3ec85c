import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { loadCaseSet, packageRoot, type HistoricalCase } from "../../../src/evidence/cases/historical-cases.js";
import { backtestScenarioText, modelPredictor, shiftedPrior } from "../../../src/evidence/backtest/model-predictor.js";
import { CASE_INPUT_ASSUMPTIONS as A, caseInputs } from "../../../src/evidence/backtest/case-inputs.js";
import { evidenceOverrides, loadPriors } from "../../../src/evidence/priors/registry.js";

const base = readFileSync(join(packageRoot(), "scenarios", "ukraine-2025.yaml"), "utf8");
const baseDoc = parse(base) as { parameters: Record<string, { mean: number; sd: number }> };

function dyad(covariates: Record<string, number>): HistoricalCase {
  return { id: "x", label: "x", year: 1900, yearsAtRisk: 10, event: 0, covariates: { major_power_pact: 0, decisive_outcome: 0, rivalry: 0, world_war: 0, major_power_belligerent: 0, pact_between: 0, ...covariates } };
}
function ceasefire(covariates: Record<string, number>): HistoricalCase {
  return { id: "y", label: "y", year: 1990, yearsAtRisk: 5, event: 1, covariates: { peacekeeping: 0, truce: 0, victory: 0, post_cold_war: 1, consent_mission: 0, enforcement_mission: 0, ...covariates } };
}

describe("each historical case's own model inputs", () => {
  it("an inter-state dyad with a major-power pact gets a ratified defence treaty, and no spoilers", () => {
    const i = caseInputs("interstate", dyad({ major_power_pact: 1 }));
    expect(i.commitments).toEqual([{ type: "collective_defense", guarantors: ["GP"], ratified: true }]);
    expect(i.spoilers).toEqual([]);
    expect(i.shifts).toEqual([]);
    expect(caseInputs("interstate", dyad({})).commitments).toEqual([]);
  });

  it("rivalry raises and a decisive outcome lowers the challenger's stake; both together cancel", () => {
    expect(caseInputs("interstate", dyad({ rivalry: 1 })).shifts).toEqual([{ parameter: "challenger_stake_log_mean", add: A.rivalryStakeShift }]);
    expect(caseInputs("interstate", dyad({ decisive_outcome: 1 })).shifts).toEqual([{ parameter: "challenger_stake_log_mean", add: A.decisiveStakeShift }]);
    expect(caseInputs("interstate", dyad({ rivalry: 1, decisive_outcome: 1 })).shifts).toEqual([]);
    expect(caseInputs("interstate", dyad({ rivalry: 1, decisive_outcome: 1 })).profile).toBe("rivalry1-decisive1");
  });

  it("a civil-war cease-fire has spoilers; peacekeepers become a UN force, an enforcement mission a mandated force at the line", () => {
    const bare = caseInputs("ceasefires", ceasefire({}));
    expect(bare.commitments).toEqual([]);
    expect(bare.spoilers).toHaveLength(1);
    expect(bare.spoilers[0].base_rate_per_year).toBe(A.civilWarSpoilerRatePerYear);
    expect(caseInputs("ceasefires", ceasefire({ peacekeeping: 1, consent_mission: 1 })).commitments).toEqual([{ type: "un_mandate", troops: A.peacekeepingTroops }]);
    const enforcement = caseInputs("ceasefires", ceasefire({ peacekeeping: 1, enforcement_mission: 1 }));
    expect(enforcement.option).toBe("enforcement-mission");
    expect(enforcement.commitments[0]).toMatchObject({ type: "reassurance_force", un_mandate: true, deployment: "front" });
  });

  it("a truce doubles the spoilers' rate; a victory lowers the stake", () => {
    expect(caseInputs("ceasefires", ceasefire({ truce: 1 })).shifts).toEqual([{ parameter: "spoiler_rate_scale", times: A.truceSpoilerFactor }]);
    expect(caseInputs("ceasefires", ceasefire({ victory: 1 })).shifts).toEqual([{ parameter: "challenger_stake_log_mean", add: A.decisiveStakeShift }]);
  });

  it("shifted priors: add moves a normal mean, times scales a lognormal's mean and sd, anything else is refused", () => {
    expect(shiftedPrior({ dist: "normal", mean: -0.5, sd: 0.4 }, { parameter: "p", add: 0.5 })).toEqual({ dist: "normal", mean: 0, sd: 0.4 });
    expect(shiftedPrior({ dist: "lognormal", mean: 1, sd: 0.4 }, { parameter: "p", times: 2 })).toEqual({ dist: "lognormal", mean: 2, sd: 0.8 });
    expect(() => shiftedPrior({ dist: "beta", mean: 0.5, sd: 0.1 }, { parameter: "p", add: 0.1 })).toThrow(/normal prior is expected/);
    expect(() => shiftedPrior({ dist: "beta", mean: 0.5, sd: 0.1 }, { parameter: "p", times: 2 })).toThrow(/cannot scale/);
  });
});

describe("the simulator as a backtest predictor", () => {
  it("generates a valid scenario with one option per set of commitments and one perspective per profile, evidence priors in each", () => {
    for (const set of ["interstate", "ceasefires"] as const) {
      const cases = loadCaseSet(set).cases;
      const text = backtestScenarioText(base, set, 10, cases);
      const scenario = loadScenarioText(text, `backtest-${set}.yaml`);
      expect(new Set(scenario.options.map((o) => o.id))).toEqual(new Set(cases.map((c) => caseInputs(set, c).option)));
      const doc = parse(text) as { perspectives: Record<string, { overrides: Record<string, { mean: number }> }> };
      expect(new Set(Object.keys(doc.perspectives))).toEqual(new Set(cases.map((c) => caseInputs(set, c).profile)));
      for (const p of Object.values(doc.perspectives)) expect(p.overrides).toHaveProperty("peacekeeping_incident_reduction");
    }
  });

  it("cease-fires use the spoiler rate scale calibrated on cease-fires (times the truce factor), dyads the inter-state one", () => {
    const calibrated = loadPriors().find((p) => p.id === "calibrated_ceasefire_spoiler_rate_scale")!.maps_to.prior!;
    const interstate = evidenceOverrides().spoiler_rate_scale;
    expect(calibrated.mean).toBeGreaterThan(interstate.mean);
    const cf = parse(backtestScenarioText(base, "ceasefires", 10, [ceasefire({}), ceasefire({ truce: 1 })])) as { perspectives: Record<string, { overrides: Record<string, { mean: number; sd: number }> }> };
    expect(cf.perspectives.settlement.overrides.spoiler_rate_scale).toMatchObject({ mean: calibrated.mean, sd: calibrated.sd });
    expect(cf.perspectives.truce.overrides.spoiler_rate_scale.mean).toBeCloseTo(calibrated.mean * A.truceSpoilerFactor, 12);
    const is = parse(backtestScenarioText(base, "interstate", 10, [dyad({})])) as { perspectives: Record<string, { overrides: Record<string, { mean: number }> }> };
    expect(is.perspectives["rivalry0-decisive0"].overrides.spoiler_rate_scale.mean).toBe(interstate.mean);
  });

  it("a rivalry profile's stake prior is the base prior moved by the stated shift", () => {
    const text = backtestScenarioText(base, "interstate", 10, [dyad({ rivalry: 1 })]);
    const doc = parse(text) as { perspectives: Record<string, { overrides: Record<string, { mean: number; sd: number }> }> };
    const prior = doc.perspectives["rivalry1-decisive0"].overrides.challenger_stake_log_mean;
    expect(prior.mean).toBeCloseTo(baseDoc.parameters.challenger_stake_log_mean.mean + A.rivalryStakeShift, 12);
    expect(prior.sd).toBe(baseDoc.parameters.challenger_stake_log_mean.sd);
  });

  it("forecasts are probabilities that grow with the horizon, equal for cases with equal inputs, and reproducible", async () => {
    const cases = loadCaseSet("ceasefires").cases;
    const pair = [cases.find((c) => c.covariates.peacekeeping === 0 && c.covariates.truce === 1)!, cases.find((c) => c.covariates.peacekeeping === 1)!];
    const predictor = modelPredictor({ caseSet: "ceasefires", seed: 7, trajectories: 300 });
    const first = await predictor.predict([], [...pair, pair[0]], [2, 5, 10]);
    for (const row of first) {
      expect(row.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(row[0]).toBeLessThanOrEqual(row[1]);
      expect(row[1]).toBeLessThanOrEqual(row[2]);
    }
    expect(first[2]).toEqual(first[0]);
    expect(await predictor.predict([], [...pair, pair[0]], [2, 5, 10])).toEqual(first);
  });
});
