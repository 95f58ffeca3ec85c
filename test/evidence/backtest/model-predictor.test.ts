import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { loadCaseSet, packageRoot } from "../../../src/evidence/cases/historical-cases.js";
import { backtestScenarioText, CASE_OPTIONS, modelPredictor } from "../../../src/evidence/backtest/model-predictor.js";

const base = readFileSync(join(packageRoot(), "scenarios", "ukraine-2025.yaml"), "utf8");

describe("the simulator as a backtest predictor", () => {
  it("generates a valid scenario with one option per kind of case and the evidence priors", () => {
    for (const set of ["interstate", "ceasefires"] as const) {
      const text = backtestScenarioText(base, set, 10);
      const scenario = loadScenarioText(text, `backtest-${set}.yaml`);
      expect(scenario.options.map((o) => o.id)).toEqual(CASE_OPTIONS[set].map((o) => o.id));
      const doc = parse(text) as { perspectives: { evidence: { overrides: Record<string, unknown> } } };
      expect(doc.perspectives.evidence.overrides).toHaveProperty("peacekeeping_incident_reduction");
    }
  });

  it("every case matches exactly one option", () => {
    for (const set of ["interstate", "ceasefires"] as const) {
      for (const c of loadCaseSet(set).cases) expect(CASE_OPTIONS[set].filter((o) => o.matches(c))).toHaveLength(1);
    }
  });

  it("forecasts are probabilities that grow with the horizon, identical for cases of the same kind, and reproducible", async () => {
    const cases = loadCaseSet("ceasefires").cases;
    const pair = [cases.find((c) => c.covariates.peacekeeping === 0)!, cases.find((c) => c.covariates.peacekeeping === 1)!];
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
