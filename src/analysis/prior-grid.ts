/**
 * Where to look along one parameter: prior CDFs (by inverting the quantile function the
 * simulator draws with), the pooled prior of several perspectives, and grids at its quantiles.
 * The crux finder scans these grids and reports how much of each perspective's prior mass lies
 * on each side of a threshold.
 */
import { type Prior } from "../scenario/prior.js";
import { priorQuantile } from "../scenario/prior-quantile.js";

const QUANTILE_ITERATIONS = 64;

/** F(x) = P(θ ≤ x) of a prior, by bisection on u ↦ F⁻¹(u) (monotone); exact to ~1e-15 in u. */
export function priorCdf(prior: Prior, x: number): number {
  if (prior.dist === "fixed") return x >= prior.value ? 1 : 0;
  if (prior.dist === "uniform") return Math.min(1, Math.max(0, (x - prior.min) / (prior.max - prior.min)));
  let low = 0;
  let high = 1;
  for (let i = 0; i < QUANTILE_ITERATIONS; i++) {
    const mid = (low + high) / 2;
    if (mid <= low || mid >= high) break;
    if (priorQuantile(prior, mid) <= x) low = mid;
    else high = mid;
  }
  return (low + high) / 2 < 1e-15 ? 0 : (low + high) / 2;
}

/** True when the prior puts all its mass on one value. */
export function isFixed(prior: Prior): boolean {
  return prior.dist === "fixed" || (prior.dist === "uniform" && prior.min === prior.max);
}

/**
 * Quantile at probability p of the equal mixture of `priors`. It lies between the smallest and
 * the largest of the components' own p-quantiles; bisection on the mixture's CDF finds it.
 */
export function pooledQuantile(priors: readonly Prior[], p: number): number {
  const own = priors.map((prior) => priorQuantile(prior, p));
  let low = Math.min(...own);
  let high = Math.max(...own);
  if (low === high) return low;
  const cdf = (x: number) => priors.reduce((sum, prior) => sum + priorCdf(prior, x), 0) / priors.length;
  for (let i = 0; i < QUANTILE_ITERATIONS && high - low > 1e-12 * Math.max(1, Math.abs(high)); i++) {
    const mid = (low + high) / 2;
    if (cdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * `points` values at the pooled prior's quantiles (j + ½)/points, j = 0…points−1, without
 * repeats (a fixed prior in the pool can make neighbours coincide).
 */
export function pooledGrid(priors: readonly Prior[], points: number): number[] {
  const values: number[] = [];
  for (let j = 0; j < points; j++) {
    const x = pooledQuantile(priors, (j + 0.5) / points);
    if (values.length === 0 || x > values[values.length - 1]) values.push(x);
  }
  return values;
}
