import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaQuantile, betaQuantileFunction, gammaQuantile, gammaQuantileFunction, incompleteBeta, quinticHermite, incompleteGamma, logGamma, normalCdf, normalQuantile, upperIncompleteGamma } from "../../src/math/distributions.js";
import { priorQuantile } from "../../src/scenario/prior-quantile.js";

// Reference values: Abramowitz & Stegun tables and R 4.x (pnorm, qnorm, pbeta, qbeta, pgamma, lgamma),
// quoted to the digits shown there.
describe("special functions against published values", () => {
  it("Φ(x)", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 14);
    expect(normalCdf(-6) / 9.865876450376946e-10).toBeCloseTo(1, 8);
    // against an independent route, Φ(x) = Q(½, x²/2)/2 for x < 0 (continued fraction for Q)
    // (Hart's approximation: absolute error < 1e-15 everywhere, relative error up to ~1e-8 beyond |x| = 7.07, where it switches to a continued fraction)
    for (let x = -8; x < 0; x += 0.37) {
      const reference = 0.5 * upperIncompleteGamma(0.5, (x * x) / 2);
      expect(Math.abs(normalCdf(x) - reference)).toBeLessThan(1e-15);
      expect(Math.abs(normalCdf(x) / reference - 1)).toBeLessThan(1e-8);
    }
  });

  it("Φ⁻¹(p) to double precision", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    fc.assert(fc.property(fc.double({ min: -8, max: 5, noNaN: true }), (x) => Math.abs(normalQuantile(normalCdf(x)) - x) < 1e-8 * Math.max(1, Math.abs(x))));
  });

  it("ln Γ", () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247001, 14); // ln √π
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
  });

  it("regularised incomplete beta and gamma", () => {
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14); // 1 − (1/2)^4·(1 + 4·... ) = 11/16
    expect(incompleteBeta(0.3, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.3)), 13);
    expect(incompleteGamma(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    expect(incompleteGamma(0.5, 1.3)).toBeCloseTo(2 * normalCdf(Math.sqrt(2.6)) - 1, 13); // P(½, x) = erf(√x)
  });

  it("beta and gamma quantiles invert their CDFs", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.3, max: 30, noNaN: true }), fc.double({ min: 0.3, max: 30, noNaN: true }), (p, a, b) => {
        // x̂ is the quantile up to the resolution of doubles: the CDF brackets p a few ulps either side
        const x = betaQuantile(p, a, b);
        const d = 8 * Number.EPSILON * Math.max(x, 1e-300);
        return incompleteBeta(Math.max(0, x - d), a, b) <= p + 1e-12 && incompleteBeta(Math.min(1, x + d), a, b) >= p - 1e-12;
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.2, max: 50, noNaN: true }), (p, k) => {
        const x = gammaQuantile(p, k, 1);
        return Math.abs(incompleteGamma(k, x) - p) < 1e-9;
      }),
    );
    expect(gammaQuantile(0.5, 1, 2)).toBeCloseTo(2 * Math.LN2, 12); // exponential median
  });

  it("the quintic Hermite interpolant reproduces a quintic from its ends' values and derivatives", () => {
    const c = [0.3, -1.2, 2.5, 0.7, -4, 1.9]; // p(t) = Σ c_k t^k
    const p = (t: number) => c.reduce((a, ck, k) => a + ck * t ** k, 0);
    const dp = (t: number) => c.reduce((a, ck, k) => a + (k > 0 ? k * ck * t ** (k - 1) : 0), 0);
    const d2p = (t: number) => c.reduce((a, ck, k) => a + (k > 1 ? k * (k - 1) * ck * t ** (k - 2) : 0), 0);
    for (const t of [0, 0.1, 0.37, 0.5, 0.9, 1]) expect(quinticHermite(p(0), dp(0), d2p(0), p(1), dp(1), d2p(1), t)).toBeCloseTo(p(t), 13);
  });

  it("tabulated quantile functions give the quantiles of the direct search to 1e-12", () => {
    // shapes from U- and J-shaped to nearly normal; u in every grid cell, the outermost included
    const shapes = [0.15, 0.5, 1, 2.7, 12, 80, 400];
    const us = Array.from({ length: 2000 }, (_, i) => (i + 0.37) / 2000).concat([1e-9, 1e-4, 1 - 1e-4, 1 - 1e-9]);
    let worst = 0;
    for (const a of shapes)
      for (const b of shapes) {
        const q = betaQuantileFunction(a, b);
        for (const u of us) worst = Math.max(worst, Math.abs(q(u) - betaQuantile(u, a, b)) / betaQuantile(u, a, b));
      }
    for (const k of [0.05, 0.2, 1, 3, 9, 50, 1000]) {
      const q = gammaQuantileFunction(k, 2.5);
      for (const u of us) worst = Math.max(worst, Math.abs(q(u) - gammaQuantile(u, k, 2.5)) / gammaQuantile(u, k, 2.5));
    }
    // cells are used as interpolated only where checked to 1e-13; elsewhere both solve F(x) = u and
    // differ by the CDF's own rounding (≈1e-13 at shape 1000)
    expect(worst).toBeLessThan(1e-12);
    expect(gammaQuantileFunction(1, 2)(0.5)).toBeCloseTo(2 * Math.LN2, 14);
    expect(betaQuantileFunction(2, 2)(0.5)).toBeCloseTo(0.5, 15);
  });

  it("priors drawn by inversion have the moments they were given", () => {
    const n = 20000;
    for (const prior of [
      { dist: "beta" as const, mean: 0.3, sd: 0.1 },
      { dist: "gamma" as const, mean: 2, sd: 0.7 },
      { dist: "lognormal" as const, mean: 4, sd: 1.5 },
    ]) {
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const x = priorQuantile(prior, (i + 0.5) / n); // stratified: the quadrature error is O(1/n)
        sum += x;
        sumSq += x * x;
      }
      const mean = sum / n;
      expect(mean).toBeCloseTo(prior.mean, 2);
      expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(prior.sd, 1);
    }
  });
});

describe("quantile tables refuse shapes they cannot tabulate", () => {
  it("a NaN, zero, negative or infinite shape throws at once instead of searching", () => {
    for (const bad of [NaN, 0, -1, Infinity]) {
      expect(() => betaQuantileFunction(bad, 2)).toThrow(/shape parameter/);
      expect(() => gammaQuantileFunction(2, bad)).toThrow(/shape parameter/);
    }
  });
});
