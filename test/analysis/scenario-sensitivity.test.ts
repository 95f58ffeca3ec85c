import { describe, expect, it } from "vitest";
import { scenarioSensitivity } from "../../src/analysis/scenario-sensitivity.js";
import { ishigamiIndices } from "../../src/analysis/reference-functions.js";
import { fakeProbe } from "./fake-probe.js";

const uniformPi = { dist: "uniform", min: -Math.PI, max: Math.PI } as const;
// loss(a) is Ishigami's function of x1..x3 plus 0.25·w; loss(b) = 0.25·w + 1, so the
// difference a − b is Ishigami's function minus 1 and does not depend on w.
const scenario = {
  options: ["a", "b"],
  parameters: { x1: uniformPi, x2: uniformPi, x3: uniformPi, w: { dist: "uniform", min: 0, max: 4 }, fixed: { dist: "fixed", value: 2 } } as const,
  perspectives: { narrow: { w: { dist: "fixed", value: 1 } } } as const,
  outcome: (option: string, _outcome: string, v: Record<string, number>) =>
    option === "a" ? Math.sin(v.x1) + 7 * Math.sin(v.x2) ** 2 + 0.1 * v.x3 ** 4 * Math.sin(v.x1) + 0.25 * v.w : 0.25 * v.w + 1,
  batches: 1,
  sharedNoise: 0.3,
};

describe("sensitivity of a scenario's outcome", () => {
  it("recovers Ishigami's indices for the difference between two options, and none for a parameter that cancels", async () => {
    const report = await scenarioSensitivity(fakeProbe(scenario), { method: "sobol", outcome: "loss", option: "a", versus: "b", baseSamples: 2048, seed: 7 });
    expect(report.label).toBe("loss(a) − loss(b)");
    expect(report.parameters).toEqual(["x1", "x2", "x3", "w"]);
    const known = ishigamiIndices();
    for (const [i, name] of ["x1", "x2", "x3"].entries()) {
      const row = report.rows.find((r) => r.parameter === name)!;
      expect(known.first[i]).toBeGreaterThanOrEqual(row.first!.low);
      expect(known.first[i]).toBeLessThanOrEqual(row.first!.high);
      expect(known.total[i]).toBeGreaterThanOrEqual(row.total!.low);
      expect(known.total[i]).toBeLessThanOrEqual(row.total!.high);
    }
    const w = report.rows.find((r) => r.parameter === "w")!;
    expect(w.total!.estimate).toBeCloseTo(0, 12);
    expect(report.rows[0].parameter).toBe("x1");
    expect(report.evaluations).toBe(2048 * 6);
  });

  it("screens with Morris in units of the prior's quantile scale", async () => {
    // loss(b) = 0.25·w + 1 with w ~ U(0, 4): a step of ½ in quantile moves w by 2, the loss by 0.5.
    const report = await scenarioSensitivity(fakeProbe(scenario), { method: "morris", outcome: "loss", option: "b", morrisTrajectories: 8, seed: 1, bootstrap: 50 });
    const w = report.rows.find((r) => r.parameter === "w")!;
    expect(w.muStar!.estimate).toBeCloseTo(1, 12);
    expect(w.mu).toBeCloseTo(1, 12);
    expect(report.rows[0].parameter).toBe("w");
    expect(report.rows.filter((r) => r.parameter !== "w").every((r) => r.muStar!.estimate === 0)).toBe(true);
  });

  it("varies only what is uncertain under the chosen perspective", async () => {
    const report = await scenarioSensitivity(fakeProbe(scenario), { method: "morris", outcome: "loss", option: "a", perspective: "narrow", morrisTrajectories: 4, bootstrap: 10 });
    expect(report.parameters).toEqual(["x1", "x2", "x3"]);
    await expect(scenarioSensitivity(fakeProbe(scenario), { method: "sobol", outcome: "loss", option: "a", parameters: ["fixed"] })).rejects.toThrow(/fixed value/);
    await expect(scenarioSensitivity(fakeProbe(scenario), { method: "sobol", outcome: "loss", option: "a", versus: "a" })).rejects.toThrow(/two different options/);
    await expect(scenarioSensitivity(fakeProbe(scenario), { method: "sobol", outcome: "loss", option: "z" })).rejects.toThrow(/unknown option "z"/);
  });
});
