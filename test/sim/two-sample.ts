/**
 * Two-sample statistics the stepper-agreement tests share: a pooled two-proportion z, Welch's z for
 * means, and the Kolmogorov–Smirnov distance.
 */

/** Pooled two-proportion z of P(pick) in a against b. */
export function twoProportionZ(a: Float64Array, b: Float64Array, pick: (x: number) => boolean): number {
  const ca = a.filter(pick).length;
  const cb = b.filter(pick).length;
  const pooled = (ca + cb) / (a.length + b.length);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.length + 1 / b.length));
  return se === 0 ? 0 : (ca / a.length - cb / b.length) / se;
}

/** Welch's z of the difference of means. */
export function welchZ(a: Float64Array, b: Float64Array): number {
  const moments = (x: Float64Array) => {
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    return { mean, variance: x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1) };
  };
  const ma = moments(a);
  const mb = moments(b);
  const se = Math.sqrt(ma.variance / a.length + mb.variance / b.length);
  return se === 0 ? 0 : (ma.mean - mb.mean) / se;
}

/** Two-sample Kolmogorov–Smirnov distance sup|F_a − F_b| (ties handled by stepping past them). */
export function ksDistance(a: Float64Array, b: Float64Array): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}
