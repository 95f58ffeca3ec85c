import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptanceProbability,
  attackCutPoint,
  attackProbabilityPerWindow,
  challengerSuccessVsProtege,
  driftAlignment,
  guarantorResolve,
  perceivedResolve,
} from "../../src/models/stage-game.js";
import { normalQuantile } from "../../src/math/distributions.js";
import { Stream } from "../../src/math/random.js";

/** Draw from LogNormal(μ, σ) by inversion with an independent stream. */
const logNormal = (rng: Stream, mu: number, sigma: number) => Math.exp(mu + sigma * normalQuantile(rng.next()));
const prob = fc.double({ min: 0.01, max: 0.99, noNaN: true });
const pos = fc.double({ min: 0.05, max: 10, noNaN: true });

describe("the stage game (docs/MODEL.md §4) against brute-force Monte Carlo of the same game", () => {
  it("P(attack | window) equals the share of stakes for which attacking beats the status quo", () => {
    const cases = [
      { qHat: 0.0, piG: 0.1, kG: 4, piP: 0.45, kP: 1.2, mu: 0.2, sigma: 0.8 },
      { qHat: 0.3, piG: 0.1, kG: 4, piP: 0.45, kP: 1.2, mu: 0.2, sigma: 0.8 },
      { qHat: 0.8, piG: 0.05, kG: 8, piP: 0.6, kP: 0.5, mu: 1.0, sigma: 1.2 },
    ];
    const n = 200_000;
    for (const c of cases) {
      const rng = new Stream(7, 0, 99);
      let attacks = 0;
      for (let i = 0; i < n; i++) {
        const v = logNormal(rng, c.mu, c.sigma);
        // expected payoff of attacking against the believed intervention probability; status quo = 0
        const payoff = c.qHat * (c.piG * v - c.kG) + (1 - c.qHat) * (c.piP * v - c.kP);
        if (payoff > 0) attacks++;
      }
      const p = attackProbabilityPerWindow(attackCutPoint(c.qHat, c.piG, c.kG, c.piP, c.kP), c.mu, c.sigma);
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(attacks / n - p)).toBeLessThan(4 * se + 1e-12);
    }
  });

  it("guarantor resolve q = P(W + a > k) matches simulation of the stake W", () => {
    const n = 200_000;
    for (const [mu, sigma, k, a] of [
      [0, 1, 3.75, 1.5],
      [-0.7, 0.5, 2, 0.2],
      [0.3, 1.3, 5, 4],
    ]) {
      const rng = new Stream(11, 1, 5);
      let yes = 0;
      for (let i = 0; i < n; i++) if (logNormal(rng, mu, sigma) + a > k) yes++;
      const q = guarantorResolve(mu, sigma, k, a);
      expect(Math.abs(yes / n - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / n) + 1e-12);
    }
    expect(guarantorResolve(0, 1, 2, 2.5)).toBe(1);
  });
});

describe("the model behaves as its theory says", () => {
  it("higher perceived resolve lowers the attack probability when fighting the guarantors is the worse war", () => {
    fc.assert(
      fc.property(prob, prob, prob, prob, pos, pos, fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0.2, max: 2, noNaN: true }), (q1, q2, piG, piP, kG, kP, mu, sigma) => {
        fc.pre(kG / piG > kP / piP); // a war with the guarantors costs more per unit of success
        const [lo, hi] = q1 < q2 ? [q1, q2] : [q2, q1];
        const pLo = attackProbabilityPerWindow(attackCutPoint(lo, piG, kG, piP, kP), mu, sigma);
        const pHi = attackProbabilityPerWindow(attackCutPoint(hi, piG, kG, piP, kP), mu, sigma);
        return pHi <= pLo + 1e-15;
      }),
    );
  });

  it("a larger resolve discount raises the attack probability", () => {
    fc.assert(
      fc.property(prob, prob, prob, prob, prob, pos, pos, (q, d1, d2, piG, piP, kG, kP) => {
        fc.pre(kG / piG > kP / piP);
        const [lo, hi] = d1 < d2 ? [d1, d2] : [d2, d1];
        const attack = (d: number) => attackProbabilityPerWindow(attackCutPoint(perceivedResolve(q, d, Infinity, 0, 0), piG, kG, piP, kP), 0, 1);
        return attack(hi) >= attack(lo) - 1e-15;
      }),
    );
  });

  it("more arms supply lowers the challenger's chance against the protégé alone", () => {
    fc.assert(
      fc.property(prob, prob, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (base, denial, a1, a2, cap) => {
        const [lo, hi] = a1 < a2 ? [a1, a2] : [a2, a1];
        return challengerSuccessVsProtege(base, denial, hi, 0.3, cap) <= challengerSuccessVsProtege(base, denial, lo, 0.3, cap);
      }),
    );
  });

  it("Bayesian updating: standing firm raises perceived resolve, backing down lowers it", () => {
    fc.assert(
      fc.property(prob, prob, pos, fc.nat(20), fc.nat(20), (q, d, n0, firm, back) => {
        const base = perceivedResolve(q, d, n0, firm, back);
        return perceivedResolve(q, d, n0, firm + 1, back) >= base && perceivedResolve(q, d, n0, firm, back + 1) <= base;
      }),
    );
    // with no crises the belief is q(1 − d)
    expect(perceivedResolve(0.6, 0.25, 3, 0, 0)).toBeCloseTo(0.45, 15);
  });

  it("with high leverage and no guarantee, alignment drifts toward the challenger and settles at L", () => {
    const leverage = (1 - 0) * 0.7 * 0.95; // no guarantee: q̂ = 0
    let s = 0.3;
    const path = [s];
    for (let t = 0; t < 600; t++) path.push((s = driftAlignment(s, leverage, 0.2, 0.1, 0, 0)));
    for (let t = 1; t < path.length; t++) expect(path[t]).toBeGreaterThanOrEqual(path[t - 1]);
    // closed form of the linear recursion: s_t = L + (s_0 − L)(1 − κ/12)^t
    expect(path[240]).toBeCloseTo(leverage + (0.3 - leverage) * Math.pow(1 - 0.2 / 12, 240), 12);
    expect(path[240]).toBeGreaterThan(0.5);
  });

  it("neutrality keeps alignment at or above its floor", () => {
    fc.assert(fc.property(prob, prob, prob, (s, L, floor) => driftAlignment(s, L, 0.5, 0.5, 1, floor) >= floor));
  });

  it("a greater alignment threat lowers acceptance", () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), pos, fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), (a, w, t1, t2) => {
        const [lo, hi] = t1 < t2 ? [t1, t2] : [t2, t1];
        return acceptanceProbability(a, w, hi) <= acceptanceProbability(a, w, lo);
      }),
    );
    expect(acceptanceProbability(Infinity, 0, 5)).toBe(1);
  });
});
