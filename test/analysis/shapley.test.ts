import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { shapleyValues } from "../../src/analysis/shapley.js";
import { InputError } from "../../src/errors.js";

const one = (x: number) => Float64Array.of(x);
const means = (r: { values: { mean: number }[] }) => r.values.map((v) => v.mean);

describe("Shapley values", () => {
  it("split the glove game as in the textbook: 2/3 to the scarce left glove, 1/6 to each right glove", async () => {
    // Player 0 holds a left glove, players 1 and 2 a right glove; a pair is worth 1.
    const r = await shapleyValues(3, ([l, r1, r2]) => one(l && (r1 || r2) ? 1 : 0));
    means(r).forEach((v, i) => expect(v).toBeCloseTo([2 / 3, 1 / 6, 1 / 6][i], 12));
    expect(r.method).toBe("exact");
  });

  it("give the Shapley–Shubik power index of the weighted vote [51; 50, 49, 1] as 2/3, 1/6, 1/6", async () => {
    const weights = [50, 49, 1];
    const r = await shapleyValues(3, (m) => one(m.reduce((s, inS, i) => s + (inS ? weights[i] : 0), 0) >= 51 ? 1 : 0));
    means(r).forEach((v, i) => expect(v).toBeCloseTo([2 / 3, 1 / 6, 1 / 6][i], 12));
  });

  it("give 1/|T| to each member of T in the unanimity game u_T and nothing to the others", async () => {
    const inT = [true, false, true, true, false];
    const r = await shapleyValues(5, (m) => one(inT.every((t, i) => !t || m[i]) ? 1 : 0));
    means(r).forEach((v, i) => expect(v).toBeCloseTo(inT[i] ? 1 / 3 : 0, 12));
  });

  it("add up to v(all) − v(none) for any game (efficiency)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 64, maxLength: 64 }), async (n, table) => {
        const v = (m: readonly boolean[]) => one(table[m.reduce((mask, inS, i) => mask | (inS ? 1 << i : 0), 0)]);
        const r = await shapleyValues(n, v);
        const sum = means(r).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(table[2 ** n - 1] - table[0], 9);
        expect(r.total.mean).toBeCloseTo(table[2 ** n - 1] - table[0], 12);
      }),
      { numRuns: 60 },
    );
  });

  it("carry common noise through exactly: replicates shifted by the same amount give zero spread", async () => {
    const w = [1, -2, 0.5];
    const noise = [0.3, -0.1, 0.7, 0.2];
    const r = await shapleyValues(3, (m) => Float64Array.from(noise, (e) => e + m.reduce((s, inS, i) => s + (inS ? w[i] : 0), 0)));
    r.values.forEach((v, i) => {
      expect(v.mean).toBeCloseTo(w[i], 12);
      expect(v.se).toBeCloseTo(0, 12);
    });
  });

  it("estimate by sampled orderings when there are many players, within four standard errors of the exact values", async () => {
    // 12 players, additive part plus a pairwise interaction between players 0 and 1 (an ordering and
    // its reverse split it exactly, so se = 0 there) and a
    // three-way one among 2, 3, 4: the exact values are w_i + half of 3 for players 0 and 1,
    // w_i + a third of 6 for players 2..4.
    const w = [1, 2, 3, -1, 0.5, 0, 2, 1, -2, 4, 0.25, 1];
    const v = (m: readonly boolean[]) =>
      one(m.reduce((s, inS, i) => s + (inS ? w[i] : 0), 0) + (m[0] && m[1] ? 3 : 0) + (m[2] && m[3] && m[4] ? 6 : 0));
    const exact = w.map((wi, i) => wi + (i < 2 ? 1.5 : i < 5 ? 2 : 0));
    const r = await shapleyValues(12, v, { exactUpTo: 8, orderings: 200, seed: 3 });
    expect(r.method).toBe("sampled");
    r.values.forEach((phi, i) => {
      if (i >= 5) expect(phi.mean).toBeCloseTo(exact[i], 12);
      else expect(Math.abs(phi.mean - exact[i])).toBeLessThanOrEqual(4 * phi.se + 1e-12);
    });
    const exactRun = await shapleyValues(12, v, { exactUpTo: 12 });
    means(exactRun).forEach((phi, i) => expect(phi).toBeCloseTo(exact[i], 9));
  });

  it("rejects a value function whose replicate count changes", async () => {
    let calls = 0;
    await expect(shapleyValues(2, () => new Float64Array(++calls))).rejects.toThrow(InputError);
    await expect(shapleyValues(0, () => one(0))).rejects.toThrow(/between 1 and 30 players/);
  });
});
