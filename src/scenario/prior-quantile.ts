/**
 * Quantile functions of priors, θ = F⁻¹(u): kept apart from the priors' schema (prior.ts) so that
 * the simulation workers, which only draw, do not load the schema library.
 */
import { betaQuantile, betaQuantileFunction, gammaQuantile, gammaQuantileFunction, normalCdf, normalQuantile } from "../math/distributions.js";
import type { Prior } from "./prior.js";

/** Beta(a, b) with the prior's mean and sd: a = m·ν, b = (1 − m)·ν, ν = m(1 − m)/sd² − 1. */
function betaShapes(p: { mean: number; sd: number }): [number, number] {
  const nu = (p.mean * (1 - p.mean)) / (p.sd * p.sd) - 1;
  return [p.mean * nu, (1 - p.mean) * nu];
}

/** Gamma(shape k, scale θ) with the prior's mean and sd: k = m²/sd², θ = sd²/m. */
function gammaShapeScale(p: { mean: number; sd: number }): [number, number] {
  return [(p.mean * p.mean) / (p.sd * p.sd), (p.sd * p.sd) / p.mean];
}

/** The inverse CDF F⁻¹(u) of a prior, u ∈ (0,1). */
export function priorQuantile(p: Prior, u: number): number {
  switch (p.dist) {
    case "fixed":
      return p.value;
    case "uniform":
      return p.min + u * (p.max - p.min);
    case "normal": {
      if (p.min === undefined && p.max === undefined) return p.mean + p.sd * normalQuantile(u);
      const lo = p.min === undefined ? 0 : normalCdf((p.min - p.mean) / p.sd);
      const hi = p.max === undefined ? 1 : normalCdf((p.max - p.mean) / p.sd);
      const x = p.mean + p.sd * normalQuantile(lo + u * (hi - lo));
      return Math.min(Math.max(x, p.min ?? -Infinity), p.max ?? Infinity);
    }
    case "lognormal": {
      const s2 = Math.log(1 + (p.sd * p.sd) / (p.mean * p.mean));
      return Math.exp(Math.log(p.mean) - s2 / 2 + Math.sqrt(s2) * normalQuantile(u));
    }
    case "beta":
      return betaQuantile(u, ...betaShapes(p));
    case "gamma":
      return gammaQuantile(u, ...gammaShapeScale(p));
  }
}

/**
 * F⁻¹ of a prior as a function, for drawing it many times: the same values as priorQuantile, but
 * beta and gamma priors are tabulated once so that a draw costs about one CDF evaluation.
 */
export function priorQuantileFunction(p: Prior): (u: number) => number {
  let q = quantileFunctions.get(p);
  if (!q) {
    q = buildQuantileFunction(p);
    quantileFunctions.set(p, q);
  }
  return q;
}

/** Built quantile functions by prior object: perspectives share the priors they do not override. */
const quantileFunctions = new WeakMap<Prior, (u: number) => number>();

function buildQuantileFunction(p: Prior): (u: number) => number {
  switch (p.dist) {
    case "beta":
      return betaQuantileFunction(...betaShapes(p));
    case "gamma":
      return gammaQuantileFunction(...gammaShapeScale(p));
    default:
      return (u) => priorQuantile(p, u);
  }
}
