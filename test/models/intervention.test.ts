import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coalitionAttackCutPoint,
  coalitionProbability,
  costAgainstCoalition,
  drawCoalition,
  mixedCoalitionProbability,
  mixedExpectedCost,
  mixedExpectedSuccess,
  orderByResolve,
  drawnInState,
  entanglementRate,
  expectedCost,
  expectedSuccess,
  interventionProbability,
  stayingOutCost,
  successAgainstCoalition,
} from "../../src/models/intervention.js";
import { attackCutPoint, guarantorResolve } from "../../src/models/stage-game.js";
import { Stream } from "../../src/math/random.js";

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const pos = fc.double({ min: 0.05, max: 10, noNaN: true });

/** E[f(M)] by enumerating all 2ⁿ coalitions: an independent route to the product forms. */
function enumerate(q: number[], m: number[], f: (weight: number) => number): number {
  let total = 0;
  for (let mask = 0; mask < 1 << q.length; mask++) {
    let p = 1;
    let weight = 0;
    for (let j = 0; j < q.length; j++) {
      if (mask & (1 << j)) {
        p *= q[j];
        weight += m[j];
      } else p *= 1 - q[j];
    }
    total += p * f(weight);
  }
  return total;
}

describe("intervention: every state has a propensity, a commitment only adds to it", () => {
  it("with stake weight 1 it is model v1's q_j = P(W + a > k)", () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), pos, pos, pos, (mu, sigma, k, a) => {
        expect(interventionProbability(1, mu, sigma, k, a)).toBeCloseTo(guarantorResolve(mu, sigma, k, a), 12);
      }),
    );
  });

  it("an uncommitted state with a stake still intervenes sometimes; one without a stake never does", () => {
    expect(interventionProbability(1, 0, 1, 3.75, 0)).toBeCloseTo(0.093125, 5); // 1 − Φ(ln 3.75) = 1 − Φ(1.321756)
    expect(interventionProbability(0, 0, 1, 3.75, 0)).toBe(0);
    expect(interventionProbability(0, 0, 1, 3.75, 4)).toBe(1);
  });

  it("the cost of staying out adds audience, tripwire and sunk supply costs", () => {
    expect(stayingOutCost(1.5, 1, 12_500, 0.2, 1)).toBeCloseTo(1.5 + 1.25 + 0.2, 12);
  });

  it("q_j rises with the cost of staying out and with the stake weight", () => {
    fc.assert(
      fc.property(pos, pos, pos, pos, prob, prob, (k, c1, c2, sigma, w1, w2) => {
        // up to rounding: ln(w) of two weights a few ulps apart can round the other way
        const ulps = 1e-12;
        expect(interventionProbability(1, 0, sigma, k, Math.max(c1, c2))).toBeGreaterThanOrEqual(interventionProbability(1, 0, sigma, k, Math.min(c1, c2)) - ulps);
        expect(interventionProbability(Math.max(w1, w2), 0, sigma, k, 0)).toBeGreaterThanOrEqual(interventionProbability(Math.min(w1, w2), 0, sigma, k, 0) - ulps);
      }),
    );
  });
});

describe("coalitions: who fights changes the war", () => {
  it("one state of weight 1 gives model v1's expected success, cost and cut point", () => {
    fc.assert(
      fc.property(prob, fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), pos, pos, (q, piG, piP, kP, kG) => {
        const qa = Float64Array.of(q);
        const one = Float64Array.of(1);
        const lo = Math.min(piG, piP), hi = Math.max(piG, piP);
        expect(expectedSuccess(qa, one, 1, hi, lo)).toBeCloseTo(q * lo + (1 - q) * hi, 12);
        expect(expectedCost(qa, one, 1, kP, kG)).toBeCloseTo(q * kG + (1 - q) * kP, 10);
        expect(coalitionAttackCutPoint(qa, one, 1, hi, lo, kP, kG) / attackCutPoint(q, lo, kG, hi, kP)).toBeCloseTo(1, 10);
      }),
    );
  });

  it("the product forms equal the expectation over all 2ⁿ coalitions", () => {
    const q = [0.3, 0.05, 0.6, 0.2, 0];
    const m = [0.6, 0.1, 0.15, 0.3, 0.2];
    const [piP, piG, kP, kG] = [0.45, 0.1, 1.2, 4];
    const qa = Float64Array.from(q), ma = Float64Array.from(m);
    expect(expectedSuccess(qa, ma, 5, piP, piG)).toBeCloseTo(enumerate(q, m, (w) => successAgainstCoalition(w, piP, piG)), 14);
    expect(expectedCost(qa, ma, 5, kP, kG)).toBeCloseTo(enumerate(q, m, (w) => costAgainstCoalition(w, kP, kG)), 13);
    expect(coalitionProbability(qa, 5)).toBeCloseTo(enumerate(q, m, (w) => (w > 0 ? 1 : 0)), 14);
  });

  it("a state that may join never helps the challenger (π_G ≤ π_P, k_G ≥ k_P)", () => {
    fc.assert(
      fc.property(fc.array(prob, { minLength: 1, maxLength: 6 }), prob, fc.double({ min: 0, max: 1, noNaN: true }), (qs, extra, weight) => {
        const n = qs.length;
        const q = Float64Array.from([...qs, extra]);
        const m = Float64Array.from([...qs.map(() => 0.2), weight]);
        expect(expectedSuccess(q, m, n + 1, 0.45, 0.1)).toBeLessThanOrEqual(expectedSuccess(q, m, n, 0.45, 0.1) + 1e-15);
        expect(expectedCost(q, m, n + 1, 1.2, 4)).toBeGreaterThanOrEqual(expectedCost(q, m, n, 1.2, 4) - 1e-15);
      }),
    );
  });
});

describe("entanglement: states outside the coalition are drawn in by their exposure", () => {
  it("the rate sums exposure × resolve over states not yet fighting", () => {
    const q = Float64Array.of(0.2, 0.5, 0.1);
    const exposure = Float64Array.of(1, 0.5, 0);
    expect(entanglementRate(q, exposure, Uint8Array.of(0, 0, 0), 3, 0.5)).toBeCloseTo(0.5 * (0.2 + 0.25), 14);
    expect(entanglementRate(q, exposure, Uint8Array.of(1, 0, 0), 3, 0.5)).toBeCloseTo(0.5 * 0.25, 14);
  });

  it("draws a state in proportion to exposure × resolve", () => {
    const q = Float64Array.of(0.2, 0.5, 0.1, 0.4);
    const exposure = Float64Array.of(1, 0.5, 0, 1);
    const inC = Uint8Array.of(0, 0, 0, 1);
    const rng = new Stream(3, 0, 1);
    const counts = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[drawnInState(q, exposure, inC, 4, rng.next())]++;
    const expected = [0.2 / 0.45, 0.25 / 0.45, 0, 0];
    for (let j = 0; j < 4; j++) {
      const se = Math.sqrt((expected[j] * (1 - expected[j])) / n);
      expect(Math.abs(counts[j] / n - expected[j])).toBeLessThan(4 * se + 1e-12);
    }
    expect(drawnInState(q, Float64Array.of(0, 0, 0, 0), inC, 4, 0.5)).toBe(-1);
  });
});

describe("the coalition law: a mixture of one common shock and independent decisions", () => {
  const q = Float64Array.of(0.3, 0.05, 0.6, 0.2);
  const m = Float64Array.of(0.55, 0.1, 0.15, 0.2);
  const order = new Int32Array(4);
  const [piP, piG, kP, kG] = [0.45, 0.1, 1.2, 4];

  it("with ρ_c = 1 the coalition probability is model v1's maximum; with ρ_c = 0 the independent form", () => {
    expect(mixedCoalitionProbability(q, 4, 1)).toBeCloseTo(0.6, 14);
    expect(mixedCoalitionProbability(q, 4, 0)).toBeCloseTo(coalitionProbability(q, 4), 14);
  });

  it("the nested expectation is the average over the common shock of the nested coalition", () => {
    // integrate over U on a fine grid: the coalition is {j : q_j > 1 − U}
    const N = 200_000;
    let s = 0, c = 0;
    for (let i = 0; i < N; i++) {
      const u = (i + 0.5) / N;
      let w = 0;
      for (let j = 0; j < 4; j++) if (q[j] > 1 - u) w += m[j];
      s += successAgainstCoalition(w, piP, piG);
      c += costAgainstCoalition(w, kP, kG);
    }
    expect(mixedExpectedSuccess(q, m, 4, order, 1, piP, piG)).toBeCloseTo(s / N, 5);
    expect(mixedExpectedCost(q, m, 4, order, 1, kP, kG)).toBeCloseTo(c / N, 4);
  });

  it("drawing coalitions reproduces the law's expected success and coalition probability", () => {
    const rng = new Stream(5, 0, 2);
    const uniforms = new Float64Array(4);
    const inC = new Uint8Array(4);
    const n = 100_000;
    let sum = 0, any = 0;
    for (let i = 0; i < n; i++) {
      const c0 = rng.next(), c1 = rng.next();
      for (let j = 0; j < 4; j++) uniforms[j] = rng.next();
      const w = drawCoalition(q, m, 4, 0.7, c0, c1, uniforms, inC);
      sum += successAgainstCoalition(w, piP, piG);
      if (w > 0) any++;
    }
    const Q = mixedCoalitionProbability(q, 4, 0.7);
    expect(Math.abs(any / n - Q)).toBeLessThan(4 * Math.sqrt((Q * (1 - Q)) / n));
    // π(M) ∈ [π_G, π_P]: its sd is at most (π_P − π_G)/2
    expect(Math.abs(sum / n - mixedExpectedSuccess(q, m, 4, order, 0.7, piP, piG))).toBeLessThan((4 * (piP - piG)) / 2 / Math.sqrt(n));
  });

  it("orders states by resolve, largest first, ties in scenario order", () => {
    orderByResolve(Float64Array.of(0.2, 0.5, 0.2, 0.9), 4, order);
    expect(Array.from(order)).toEqual([3, 1, 0, 2]);
  });
});
