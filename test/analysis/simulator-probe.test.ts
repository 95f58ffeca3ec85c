import { describe, expect, it } from "vitest";
import { batchSeed, simulatorProbe, targetBatches } from "../../src/analysis/probe.js";
import { explainPerspectives } from "../../src/analysis/perspective-shapley.js";
import { findCruxes } from "../../src/analysis/cruxes.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { evaluate } from "../../src/sim/evaluate.js";

const scenario = loadScenarioFile(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url).pathname);
const pair = ["article5-treaty", "neutrality-istanbul"];

describe("the analyses on the simulator", () => {
  it("a probe's batches are evaluations with the batch seeds, and batch 0 is the run's own seed", async () => {
    const probe = simulatorProbe(scenario, { seed: 11, trajectories: 200, batches: 2 });
    const overrides = { moral_hazard: { dist: "fixed", value: 0.7 } } as const;
    const got = await probe.run({ perspective: "restraint", overrides }, pair);
    for (const b of [0, 1]) {
      const direct = await evaluate(scenario, { seed: batchSeed(11, b), trajectories: 100, options: pair, perspectives: ["restraint"], overrides });
      for (const row of direct.results) expect(got.get(row.option)!.loss[b]).toBe(row.outcomes.loss.mean);
    }
    expect(batchSeed(11, 0)).toBe(11);
  });

  it("explaining deterrence against the baseline: contributions add up to the gap, which is the two perspectives' own results", async () => {
    // six of deterrence's overrides: exact enumeration of the 2^6 coalitions stays cheap
    const deterrence = scenario.perspectives.deterrence;
    const six = { ...scenario, perspectives: { deterrence: { ...deterrence, overrides: Object.fromEntries(Object.entries(deterrence.overrides).slice(0, 6)) } } };
    const probe = simulatorProbe(six, { seed: 5, trajectories: 150, batches: 3 });
    const report = await explainPerspectives(probe, { from: "baseline", to: "deterrence", targets: [{ outcome: "loss", option: pair[0], versus: pair[1] }] });
    const differing = Object.keys(six.perspectives.deterrence.overrides).length;
    expect(differing).toBe(6);
    expect(report.parameters.length).toBe(differing);
    expect(report.coalitionsEvaluated).toBe(2 ** differing);
    const [e] = report.explanations;
    const sum = e.contributions.reduce((s, c) => s + c.mean, 0);
    expect(sum).toBeCloseTo(e.gap.mean, 9);
    // The full coalition is the deterrence perspective itself, with the same seeds (common random numbers).
    const direct = await probe.run({ perspective: "deterrence", overrides: {} }, pair);
    const batches = targetBatches(direct, { outcome: "loss", option: pair[0], versus: pair[1] });
    expect(e.atTo.mean).toBeCloseTo(batches.reduce((s, v) => s + v, 0) / batches.length, 12);
  });

  it("a crux threshold separates parameter values where the simulator ranks the options one way and the other", async () => {
    // Whether a crux shows up depends on the scenario's calibration (the synthetic probes of
    // cruxes.test.ts check that one is found); here: whatever the simulator yields, the report agrees
    // with its own scan, and every grid setting was simulated.
    const probe = simulatorProbe(scenario, { seed: 3, trajectories: 200, batches: 4 });
    const report = await findCruxes(probe, { options: ["budapest-pledge", "article5-treaty"], parameters: ["acceptance_threat_weight", "crisis_escalation_probability"], gridPoints: 5 });
    for (const crux of report.cruxes) {
      for (const region of crux.regions) {
        const inside = crux.scan.filter((d) => d.value > region.from && d.value < region.to);
        for (const d of inside) expect(d.mean < 0 ? crux.options[0] : crux.options[1]).toBe(region.lower);
      }
      for (const t of crux.thresholds) {
        expect(t.band[0]).toBeLessThanOrEqual(t.value);
        expect(t.band[1]).toBeGreaterThanOrEqual(t.value);
      }
    }
    expect(report.settingsEvaluated).toBeGreaterThanOrEqual(10);
  });
});
