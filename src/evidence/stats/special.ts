/**
 * Special functions the evidence statistics need: log-gamma, the regularized incomplete gamma
 * function, and from them the normal and chi-square distributions (p-values, quantiles).
 * Written for double precision so that test statistics and p-values match R to ~1e-12; the
 * gamma functions are the special functions (src/math/distributions.ts), shared rather than repeated.
 */

import { incompleteGamma, logGamma, upperIncompleteGamma } from "../../math/distributions.js";

export { logGamma };

/** Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === Infinity) return 1;
  return incompleteGamma(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the far tail. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === Infinity) return 0;
  return upperIncompleteGamma(a, x);
}

/** P(χ²_df > statistic): the p-value of a chi-square test. */
export function chiSquareSurvival(statistic: number, degreesOfFreedom: number): number {
  if (statistic <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, statistic / 2);
}

/** Φ(x), the standard normal CDF, via erfc(z) = Q(1/2, z²) so both tails keep relative accuracy. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const half = 0.5 * regularizedGammaQ(0.5, (x * x) / 2);
  return x < 0 ? half : 1 - half;
}

/** P(|Z| > |z|) for a standard normal Z. */
export function twoSidedNormalPValue(z: number): number {
  return regularizedGammaQ(0.5, (z * z) / 2);
}

/** Standard normal density φ(x). */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Φ⁻¹(p): a rough logistic-tail start refined by Newton's method on the accurate CDF above
 * (Halley steps would be faster; a handful of Newton steps already reach full precision).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return Number.NaN;
  }
  if (p > 0.5) return -normalQuantile(1 - p);
  // start: tail approximation Φ⁻¹(p) ≈ −sqrt(−2 ln p) corrected
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  for (let i = 0; i < 50; i++) {
    const step = (normalCdf(x) - p) / normalDensity(x);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}
