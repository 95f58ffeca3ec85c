import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillPerceivedMemberResolve, holdProbability, posteriorCoalitionResolve } from "../../src/models/beliefs.js";
import { coalitionProbability } from "../../src/models/intervention.js";
import { perceivedResolve } from "../../src/models/stage-game.js";

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const count = fc.integer({ min: 0, max: 30 });

describe("beliefs: Beta–Bernoulli learning from tests of the defending side", () => {
  it("the posterior mean is model v1's formula", () => {
    fc.assert(
      fc.property(prob, prob, fc.double({ min: 0.1, max: 20, noNaN: true }), count, count, (q, d, n0, f, b) => {
        expect(posteriorCoalitionResolve(q, d, n0, f, b)).toBeCloseTo(perceivedResolve(q, d, n0, f, b), 14);
      }),
    );
  });

  it("equals the mean of the Beta posterior computed by quadrature (the stated likelihood)", () => {
    // prior Beta(n₀m, n₀(1−m)), likelihood x^F (1−x)^B: posterior mean by the midpoint rule
    const [q, d, n0, F, B] = [0.4, 0.3, 3, 2, 5];
    const m = q * (1 - d);
    const [a, b] = [n0 * m, n0 * (1 - m)];
    let num = 0, den = 0;
    const N = 200_000;
    for (let i = 0; i < N; i++) {
      const x = (i + 0.5) / N;
      const w = Math.pow(x, a - 1 + F) * Math.pow(1 - x, b - 1 + B);
      num += x * w;
      den += w;
    }
    expect(posteriorCoalitionResolve(q, d, n0, F, B)).toBeCloseTo(num / den, 6);
  });

  it("standing firm raises the belief, backing down lowers it; no test leaves the prior mean", () => {
    expect(posteriorCoalitionResolve(0.4, 0.3, 3, 1, 0)).toBeGreaterThan(0.28);
    expect(posteriorCoalitionResolve(0.4, 0.3, 3, 0, 1)).toBeLessThan(0.28);
    expect(posteriorCoalitionResolve(0.4, 0.3, 3, 0, 0)).toBeCloseTo(0.28, 14);
    expect(posteriorCoalitionResolve(0.4, 0.3, Infinity, 7, 1)).toBeCloseTo(0.28, 14);
  });
});

describe("beliefs about members: the coalition belief spread over who might fight", () => {
  it("the members' beliefs recombine to the coalition belief and keep the members' order", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 7 }), prob, (qs, target) => {
        const q = Float64Array.from(qs);
        const out = new Float64Array(qs.length);
        const Q = coalitionProbability(q, qs.length);
        const combined = fillPerceivedMemberResolve(out, q, qs.length, Q, target);
        if (Q > 0) {
          // Q = 1 − Π(1 − q_j) carries a rounding error of about n·ε, a relative error n·ε/Q that the
          // exponent ln(1 − Q̂)/ln(1 − Q) passes on to the recombined belief (large when every q_j is tiny)
          const tolerance = 1e-9 + (4 * qs.length * Number.EPSILON * target) / Q;
          expect(Math.abs(combined - target)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(coalitionProbability(out, qs.length) - target)).toBeLessThanOrEqual(tolerance);
        } else expect(combined).toBe(0);
        for (let i = 0; i < qs.length; i++)
          for (let j = 0; j < qs.length; j++) if (qs[i] < qs[j]) expect(out[i]).toBeLessThanOrEqual(out[j] + 1e-12);
      }),
    );
  });

  it("believing the actual resolve returns the members' actual q_j", () => {
    const q = Float64Array.of(0.1, 0.3, 0, 0.05);
    const out = new Float64Array(4);
    fillPerceivedMemberResolve(out, q, 4, coalitionProbability(q, 4), coalitionProbability(q, 4));
    for (let j = 0; j < 4; j++) expect(out[j]).toBeCloseTo(q[j], 12);
  });

  it("members certain to fight carry a belief below 1 alone", () => {
    const q = Float64Array.of(1, 0.3, 1);
    const out = new Float64Array(3);
    expect(fillPerceivedMemberResolve(out, q, 3, 1, 0.75)).toBeCloseTo(0.75, 14);
    expect(out[1]).toBe(0);
    expect(out[0]).toBeCloseTo(0.5, 14);
  });

  it("ĥ = Q̂ + (1 − Q̂)(1 − π_P): the protégé alone holds unless it would lose", () => {
    expect(holdProbability(0, 0.45)).toBeCloseTo(0.55, 14);
    expect(holdProbability(1, 0.45)).toBe(1);
    expect(holdProbability(0.5, 0.4)).toBeCloseTo(0.8, 14);
  });
});
