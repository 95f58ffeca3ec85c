import { describe, expect, it } from "vitest";
import { findCruxes } from "../../src/analysis/cruxes.js";
import { findPairCruxes } from "../../src/analysis/pair-cruxes.js";
import { InputError } from "../../src/errors.js";
import { fakeProbe } from "./fake-probe.js";

// loss(a) − loss(b) = x + y − 1.6: with the other parameter at its prior mean (0.5) neither x nor y
// alone reaches a flip on its grid, but both high together do. w moves nothing.
const scenario = {
  options: ["a", "b"],
  parameters: {
    x: { dist: "uniform", min: 0, max: 1 },
    y: { dist: "uniform", min: 0, max: 1 },
    w: { dist: "uniform", min: 0, max: 1 },
  } as const,
  perspectives: { other: { w: { dist: "uniform", min: 0, max: 1 } } } as const,
  outcome: (option: string, outcome: string, v: Record<string, number>) => (outcome !== "loss" ? 0 : option === "a" ? v.x + v.y - 1.6 : 0),
  batches: 8,
  sharedNoise: 0.5,
  ownNoise: 0.01,
};

describe("pairwise crux search", () => {
  it("finds a flip that only two parameters together produce, with each perspective's joint prior mass on each side", async () => {
    const probe = fakeProbe(scenario);
    const single = await findCruxes(probe, { options: ["a", "b"], gridPoints: 4 });
    expect(single.cruxes).toEqual([]);
    const report = await findPairCruxes(probe, { options: ["a", "b"], gridPoints: 4, candidates: 2 });
    // x and y come closest to a flip alone (0.875 + 0.5 − 1.6 = −0.225 against w's −0.6)
    expect([...report.candidates].sort()).toEqual(["x", "y"]);
    expect(report.singleFlips).toEqual([]);
    expect(report.cruxes).toHaveLength(1);
    const crux = report.cruxes[0];
    expect(crux.x).toEqual([0.125, 0.375, 0.625, 0.875]);
    expect(crux.clear).toBe(true);
    // only the cell (0.875, 0.875) has a above b: 0.875 + 0.875 − 1.6 = 0.15; its mass under U(0,1)² is 0.25² (edges at the midpoints 0.75 and ∞)
    expect(crux.cells[3][3].mean).toBeCloseTo(0.15, 1);
    for (const p of ["baseline", "other"]) {
      expect(crux.shares[p].b).toBeCloseTo(0.0625, 12);
      expect(crux.shares[p].a).toBeCloseTo(0.9375, 12);
    }
    // 3 single scans of 4 points, one setting at the priors, one 4 × 4 pair
    expect(report.settingsEvaluated).toBe(1 + 3 * 4 + 16);
  });

  it("reports a parameter that flips the order alone, and pairs only those that do not", async () => {
    const probe = fakeProbe({ ...scenario, outcome: (option: string, outcome: string, v: Record<string, number>) => (outcome !== "loss" ? 0 : option === "a" ? v.x - 0.5 : 0) });
    const report = await findPairCruxes(probe, { options: ["a", "b"], gridPoints: 4, candidates: 2 });
    expect(report.singleFlips).toEqual(["x"]);
    expect([...report.candidates].sort()).toEqual(["w", "y"]);
    expect(report.cruxes).toEqual([]);
  });

  it("refuses what it cannot do with a message", async () => {
    const probe = fakeProbe(scenario);
    await expect(findPairCruxes(probe, { options: ["a", "z"] })).rejects.toThrow(InputError);
    await expect(findPairCruxes(probe, { options: ["a", "a"] })).rejects.toThrow(/two different options/);
    await expect(findPairCruxes(probe, { options: ["a", "b"], candidates: 1 })).rejects.toThrow(/at least 2 candidates/);
    await expect(findPairCruxes(probe, { options: ["a", "b"], parameters: ["q"] })).rejects.toThrow(/not an uncertain parameter/);
  });
});
