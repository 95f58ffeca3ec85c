/**
 * Two-sample statistics the stepper-agreement tests share: a pooled two-proportion z, Welch's z for
 * means, and the Kolmogorov–Smirnov distance; and the comparison of the two steppers built on them.
 */
import { normalQuantile } from "../../src/math/distributions.js";
import type { Scenario } from "../../src/scenario/load.js";
import { ROW_WIDTH, VALUE_COUNT } from "../../src/sim/aggregate.js";
import { evaluate, type EvaluateOptions, type SimulationMode } from "../../src/sim/evaluate.js";

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

/** Per option, the simulated rows as columns (one Float64Array per row value), n trajectories each. */
export async function outcomeColumns(scenario: Scenario, mode: SimulationMode, opts: Partial<EvaluateOptions>, n: number): Promise<Map<string, Float64Array[]>> {
  const out = new Map<string, Float64Array[]>();
  await evaluate(scenario, {
    ...opts,
    mode,
    onTrajectories: ({ first, count, options, rows }) =>
      options.forEach((option, o) => {
        if (!out.has(option)) out.set(option, Array.from({ length: ROW_WIDTH }, () => new Float64Array(n)));
        const cols = out.get(option)!;
        for (let i = 0; i < count; i++) for (let k = 0; k < ROW_WIDTH; k++) cols[k][first + i] = rows[o][i * ROW_WIDTH + k];
      }),
  });
  return out;
}

/**
 * The monthly and event steppers on the same run, compared option by option: P(war within each of
 * `warMonths`) by a two-proportion z, the means of the row values `values` by Welch's z, and the
 * first war's month by KS, each at level `alpha` (already divided among the tests). The tests that fail.
 */
export async function stepperDisagreements(scenario: Scenario, opts: Partial<EvaluateOptions>, n: number, alpha: number, warMonths: number[], values: number[]): Promise<string[]> {
  const zCritical = -normalQuantile(alpha / 2);
  const ksCritical = Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt(2 / n);
  const [m, e] = [await outcomeColumns(scenario, "monthly", opts, n), await outcomeColumns(scenario, "event", opts, n)];
  const failures: string[] = [];
  for (const [key, a] of m) {
    const b = e.get(key)!;
    for (const months of warMonths) {
      const z = twoProportionZ(a[VALUE_COUNT], b[VALUE_COUNT], (x) => x >= 0 && x < months);
      if (Math.abs(z) > zCritical) failures.push(`${key} war within ${months} months: z = ${z.toFixed(2)}`);
    }
    for (const k of values) {
      const z = welchZ(a[k], b[k]);
      if (Math.abs(z) > zCritical) failures.push(`${key} value ${k}: z = ${z.toFixed(2)}`);
    }
    const d = ksDistance(a[VALUE_COUNT], b[VALUE_COUNT]);
    if (d > ksCritical) failures.push(`${key} first war: KS D = ${d.toFixed(4)}`);
  }
  return failures;
}
