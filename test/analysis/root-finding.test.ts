import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findRoot, signChanges } from "../../src/analysis/root-finding.js";

const bracket = (f: (x: number) => number, low: number, high: number) => ({ low, high, valueAtLow: f(low), valueAtHigh: f(high) });

describe("bracketed root finding", () => {
  it("finds the root of cos x = x (the Dottie number 0.7390851332151607)", async () => {
    const f = (x: number) => Math.cos(x) - x;
    const r = await findRoot(f, bracket(f, 0, 1), { tolerance: 1e-13 });
    expect(r.root).toBeCloseTo(0.7390851332151607, 12);
    expect(r.evaluations).toBeLessThan(20);
  });

  it("finds the root of Wallis's cubic x³ − 2x − 5 (2.0945514815423265)", async () => {
    const f = (x: number) => x ** 3 - 2 * x - 5;
    const r = await findRoot(f, bracket(f, 2, 3), { tolerance: 1e-13 });
    expect(r.root).toBeCloseTo(2.0945514815423265, 12);
  });

  it("keeps the root inside the bracket for step functions, where regula falsi alone stalls", async () => {
    fc.assert(
      fc.asyncProperty(fc.double({ min: 0.001, max: 0.999, noNaN: true }), async (jump) => {
        const f = (x: number) => (x < jump ? -1 : 2);
        const r = await findRoot(f, bracket(f, 0, 1), { tolerance: 1e-9, maxEvaluations: 200 });
        expect(r.bracket.low).toBeLessThanOrEqual(jump);
        expect(r.bracket.high).toBeGreaterThanOrEqual(jump);
        expect(r.bracket.high - r.bracket.low).toBeLessThan(1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it("returns an exact zero at once and refuses a bracket without a sign change", async () => {
    const f = (x: number) => x - 0.5;
    expect((await findRoot(f, bracket(f, 0, 1))).root).toBe(0.5);
    await expect(findRoot(f, bracket(f, 0.6, 1))).rejects.toThrow(/no sign change/);
  });

  it("lists the grid intervals where a tabulated function changes sign", () => {
    expect(signChanges([0, 1, 2, 3, 4], [1, -1, -2, 3, 3])).toEqual([
      { low: 0, high: 1, valueAtLow: 1, valueAtHigh: -1 },
      { low: 2, high: 3, valueAtLow: -2, valueAtHigh: 3 },
    ]);
    expect(signChanges([0, 1, 2], [1, 0, -1]).map((b) => [b.low, b.high])).toEqual([[0, 1]]);
  });
});
