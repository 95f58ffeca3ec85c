import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { morrisAnalysis, morrisDesign } from "../../src/analysis/morris.js";
import { sobolG } from "../../src/analysis/reference-functions.js";
import { InputError } from "../../src/errors.js";

function linear(coefficients: number[]) {
  return (points: Float64Array, count: number, dimension: number) => {
    const out = new Float64Array(count);
    for (let p = 0; p < count; p++) {
      for (let i = 0; i < coefficients.length; i++) out[p] += coefficients[i] * points[p * dimension + i];
    }
    return out;
  };
}

describe("Morris design", () => {
  it("moves exactly one factor by half the unit interval at each step, and every factor once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.constantFrom(2, 4, 6, 8), fc.integer({ min: 0, max: 1e6 }), (k, p, seed) => {
        const d = morrisDesign({ factors: k, trajectories: 3, levels: p, seed });
        for (let t = 0; t < 3; t++) {
          const moved = new Set<number>();
          for (let s = 0; s < k; s++) {
            const before = d.points.subarray((t * (k + 1) + s) * k, (t * (k + 1) + s + 1) * k);
            const after = d.points.subarray((t * (k + 1) + s + 1) * k, (t * (k + 1) + s + 2) * k);
            const changed = [...before.keys()].filter((i) => before[i] !== after[i]);
            expect(changed.length).toBe(1);
            expect(Math.abs(after[changed[0]] - before[changed[0]])).toBeCloseTo(0.5, 12);
            moved.add(changed[0]);
          }
          expect(moved.size).toBe(k);
        }
        expect(d.points.every((u) => u > 0 && u < 1)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("gives each trajectory its own stream, so a trajectory does not depend on how many there are", () => {
    const few = morrisDesign({ factors: 5, trajectories: 3, seed: 9 });
    const many = morrisDesign({ factors: 5, trajectories: 10, seed: 9 });
    expect(Array.from(many.points.subarray(0, few.points.length))).toEqual(Array.from(few.points));
  });

  it("rejects odd level counts, too few trajectories and gaps in groups", () => {
    expect(() => morrisDesign({ factors: 3, trajectories: 4, levels: 5 })).toThrow(/even integer/);
    expect(() => morrisDesign({ factors: 3, trajectories: 1 })).toThrow(InputError);
    expect(() => morrisDesign({ factors: 3, trajectories: 4, groups: [0, 2, 2] })).toThrow(/without gaps/);
    expect(() => morrisDesign({ factors: 3, trajectories: 4, groups: [0, 1] })).toThrow(/one group index per factor/);
  });
});

describe("Morris elementary effects", () => {
  it("recover the coefficients of a linear function exactly, with σ = 0", async () => {
    const c = [3, -2, 0, 0.5];
    const result = await morrisAnalysis(linear(c), { factors: 4, trajectories: 20, seed: 1, bootstrap: 50 });
    result.effects.forEach((e, i) => {
      expect(e.mu).toBeCloseTo(c[i], 12);
      expect(e.muStar.estimate).toBeCloseTo(Math.abs(c[i]), 12);
      expect(e.sigma).toBeCloseTo(0, 12);
    });
  });

  it("recover the G function's closed-form μ* = 2/(1+a_i) and σ inside their intervals (p = 4)", async () => {
    // With p = 4 the cells' centres are 1/8, 3/8, 5/8, 7/8, where |4u − 2| is 1.5, 0.5, 0.5, 1.5:
    // each step changes g_i by ±1/(1+a_i) while the other factors sit at uniform levels with
    // E g_j = 1, so E|EE_i| = 2/(1+a_i), E EE_i = 0 and E EE_i² = 4/(1+a_i)² Π_{j≠i} E g_j²,
    // E g_j² = ((1.5+a_j)² + (0.5+a_j)²) / (2(1+a_j)²). Derivation in docs/ANALYSIS.md.
    const a = [0, 1, 4.5, 9, 99];
    const r = 2000;
    const result = await morrisAnalysis(sobolG(a), { factors: 5, trajectories: r, seed: 4, levels: 4, bootstrap: 500 });
    const squareMean = a.map((aj) => ((1.5 + aj) ** 2 + (0.5 + aj) ** 2) / (2 * (1 + aj) ** 2));
    result.effects.forEach((e, i) => {
      const muStar = 2 / (1 + a[i]);
      expect(muStar).toBeGreaterThanOrEqual(e.muStar.low);
      expect(muStar).toBeLessThanOrEqual(e.muStar.high);
      const others = squareMean.reduce((acc, v, j) => (j === i ? acc : acc * v), 1);
      const sigma = (2 / (1 + a[i])) * Math.sqrt(others);
      // σ's sampling sd ≈ σ·sqrt((κ − 1)/(4r)) with a kurtosis κ below 3 here: 4 of those is below 2.5σ/sqrt(r).
      expect(Math.abs(e.sigma - sigma)).toBeLessThan((2.5 * sigma) / Math.sqrt(r));
      expect(Math.abs(e.mu)).toBeLessThan((4 * sigma) / Math.sqrt(r));
    });
    const ranking = result.effects.map((e, i) => [e.muStar.estimate, i]).sort((x, y) => y[0] - x[0]).map(([, i]) => i);
    expect(ranking.slice(0, 4)).toEqual([0, 1, 2, 3]);
  });

  it("screens a group of factors by the absolute effect of moving them together", async () => {
    // f = u1 + 2u2 moved together: each factor goes up or down by ½ independently, so
    // |Δf|/Δ is 3 or 1 with equal probability and μ*_group = 2; the lone third factor has μ* = 5.
    const result = await morrisAnalysis(linear([1, 2, 5]), { factors: 3, trajectories: 4000, seed: 2, groups: [0, 0, 1], bootstrap: 300 });
    expect(result.effects.length).toBe(2);
    const group = result.effects[0];
    expect(2).toBeGreaterThanOrEqual(group.muStar.low);
    expect(2).toBeLessThanOrEqual(group.muStar.high);
    expect(Number.isNaN(group.mu)).toBe(true);
    expect(result.effects[1].muStar.estimate).toBeCloseTo(5, 12);
  });

  it("gives the same effects however the trajectories are split into jobs", async () => {
    const model = sobolG([0, 2, 5]);
    const whole = await morrisAnalysis(model, { factors: 3, trajectories: 50, seed: 3, trajectoriesPerJob: 50, bootstrap: 20 });
    const split = await morrisAnalysis(model, { factors: 3, trajectories: 50, seed: 3, trajectoriesPerJob: 7, bootstrap: 20 });
    expect(split).toEqual(whole);
  });
});
