import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { calibrate } from "../../../src/evidence/calibration/calibrate.js";
import { compareCalibrated } from "../../../src/evidence/calibration/check.js";
import { calibrateTreatyAudienceCost, treatyResolve } from "../../../src/evidence/calibration/reliability.js";
import { packageRoot } from "../../../src/evidence/cases/historical-cases.js";
import { withEvidencePerspective } from "../../../src/evidence/priors/evidence-perspective.js";
import { evidenceOverrides, loadPriors } from "../../../src/evidence/priors/registry.js";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { AnalysisRandom } from "../../../src/math/random.js";

const scenarioText = readFileSync(join(packageRoot(), "scenarios", "ukraine-2025.yaml"), "utf8");
const scenario = loadScenarioText(scenarioText, "ukraine-2025.yaml");

describe("calibration", () => {
  it("re-derives every calibrated prior of the registry within its stored tolerance", async () => {
    const report = await calibrate({ scenario, scenarioText });
    const checks = compareCalibrated(loadPriors(), report.priors);
    expect(checks.length).toBeGreaterThanOrEqual(7);
    for (const c of checks) expect(c, c.id).toMatchObject({ agrees: true });
    // the fitted targets are reproduced under the calibrated priors (|z| < 3, the history-matching cutoff)
    const fitted = report.predictive.filter((r) => !r.label.includes("not fitted"));
    expect(fitted).toHaveLength(6);
    for (const r of fitted) expect(r.z, r.label).toBeLessThan(3);
  }, 600_000);

  it("the evidence perspective of the bundled scenario uses every calibrated prior the model has", () => {
    const doc = parse(scenarioText) as { perspectives: { evidence: { overrides: Record<string, { dist: string; mean: number; sd: number }> } } };
    const expected = evidenceOverrides();
    const calibrated = loadPriors().filter((p) => p.status === "calibrated").map((p) => p.maps_to.parameter!);
    for (const name of calibrated.filter((n) => n in expected)) {
      expect(doc.perspectives.evidence.overrides[name], name).toMatchObject({ dist: expected[name].dist, mean: expected[name].mean, sd: expected[name].sd });
    }
  });

  it("rewriting the evidence perspective changes no other line of the scenario", () => {
    const updated = withEvidencePerspective(scenarioText, { window_rate_per_year: { dist: "gamma", mean: 0.1, sd: 0.05, source: "test \"quoted\"" } });
    const before = scenarioText.split("\n");
    const after = updated.split("\n");
    const start = before.findIndex((l, i) => l === "    overrides:" && before.slice(0, i).includes("  evidence:"));
    expect(after.slice(0, start + 1)).toEqual(before.slice(0, start + 1));
    expect(after[start + 1]).toBe('      window_rate_per_year: { dist: gamma, mean: 0.1, sd: 0.05, source: "test \\"quoted\\"" }');
    const reparsed = loadScenarioText(updated, "x.yaml");
    expect(reparsed.perspectives.evidence.overrides.window_rate_per_year).toMatchObject({ mean: 0.1 });
    expect(Object.keys(reparsed.perspectives)).toEqual(Object.keys(scenario.perspectives));
  });

  it("the treaty-resolve mapping agrees with a brute-force draw of W + a_T > k₀", () => {
    const random = new AnalysisRandom(9, 2);
    let fights = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = Math.sqrt(-2 * Math.log(random.nextFloat() || 1e-12)) * Math.cos(2 * Math.PI * random.nextFloat());
      if (Math.exp(-0.7 + 1.0 * z) + 0.8 > 1.5) fights++;
    }
    const q = treatyResolve(-0.7, 1.0, 1.5, 0.8);
    expect(Math.abs(fights / n - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / n));
    expect(treatyResolve(-0.7, 1.0, 1.5, 1.6)).toBe(1);
  });

  it("ABC on a reliability figure reproduces the figure among accepted draws, and a higher figure needs a higher audience cost", () => {
    const options = { priors: scenario.parameters, seed: 1, draws: 40_000 };
    const half = calibrateTreatyAudienceCost({ mean: 0.5, sd: 0.05 }, options);
    const high = calibrateTreatyAudienceCost({ mean: 0.8, sd: 0.05 }, options);
    expect(Math.abs(half.acceptedResolve - 0.5)).toBeLessThan(0.05);
    expect(high.mean - half.mean).toBeGreaterThan(3 * Math.hypot(high.monteCarloStdErr, half.monteCarloStdErr));
  });
});
