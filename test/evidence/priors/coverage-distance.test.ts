import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { groupIndices } from "../../../src/evidence/priors/coverage.js";
import { perspectiveDistances, rootMeanSquareDistance } from "../../../src/evidence/priors/distance.js";
import { loadPriors } from "../../../src/evidence/priors/registry.js";
import { packageRoot } from "../../../src/evidence/cases/historical-cases.js";
import { loadScenarioFile } from "../../../src/scenario/load.js";
import { AnalysisRandom } from "../../../src/math/random.js";

describe("coverage: Sobol indices of a group of parameters", () => {
  // f = x1 + x2 + x1·x3, xi ~ U(−1, 1): V = 1/3 + 1/3 + 1/9 = 7/9; for G = {x1}: S_G = 3/7, T_G = 4/7
  const f = (x: number[]) => x[0] + x[1] + x[0] * x[2];
  const estimate = (group: boolean[], n: number, seed: number) => {
    const random = new AnalysisRandom(seed, 3);
    const draw = () => [0, 1, 2].map(() => 2 * random.nextFloat() - 1);
    const fA: number[] = [];
    const fB: number[] = [];
    const fAB: number[] = [];
    for (let r = 0; r < n; r++) {
      const a = draw();
      const b = draw();
      fA.push(f(a));
      fB.push(f(b));
      fAB.push(f(a.map((v, i) => (group[i] ? b[i] : v))));
    }
    return groupIndices(fA, fB, fAB);
  };

  it("recovers the analytic first-order and total indices of a group with an interaction", () => {
    const one = estimate([true, false, false], 40_000, 1);
    expect(one.variance).toBeCloseTo(7 / 9, 1);
    // SE of both estimators at this N ≈ 0.0043 (sd over 40 seeds); the tolerance is 7 SE
    expect(Math.abs(one.first - 3 / 7)).toBeLessThan(0.03);
    expect(Math.abs(one.total - 4 / 7)).toBeLessThan(0.03);
    const both = estimate([true, false, true], 40_000, 2);
    expect(Math.abs(both.first - 4 / 7)).toBeLessThan(0.03);
    expect(Math.abs(both.total - 4 / 7)).toBeLessThan(0.03);
  });
});

describe("distance of each perspective from the evidence", () => {
  const scenario = loadScenarioFile(join(packageRoot(), "scenarios", "ukraine-2025.yaml"));
  const rows = perspectiveDistances(scenario, loadPriors());

  it("gives every calibrated parameter of the model a row, for the baseline and every perspective but evidence", () => {
    const calibrated = loadPriors().filter((p) => p.status === "calibrated" && p.maps_to.parameter! in scenario.parameters);
    expect(rows.map((r) => r.parameter).sort()).toEqual(calibrated.map((p) => p.maps_to.parameter).sort());
    for (const r of rows) expect(r.perspectives.map((p) => p.perspective)).toEqual(["baseline", ...Object.keys(scenario.perspectives).filter((id) => id !== "evidence")]);
  });

  it("z is the standardized distance of the perspective's mean and F the evidence CDF there", () => {
    for (const r of rows) {
      for (const p of r.perspectives) {
        expect(p.standardized).toBeCloseTo((p.mean - r.evidence.mean) / r.evidence.sd, 10);
        expect(p.evidenceQuantile).toBeGreaterThanOrEqual(0);
        expect(p.evidenceQuantile).toBeLessThanOrEqual(1);
        // F is on the side of the median that z says (|z| > 1 cannot sit at the median)
        if (p.standardized > 1) expect(p.evidenceQuantile).toBeGreaterThan(0.5);
        if (p.standardized < -1) expect(p.evidenceQuantile).toBeLessThan(0.5);
      }
    }
    const rms = rootMeanSquareDistance(rows);
    expect(Object.keys(rms)).toContain("baseline");
  });
});
