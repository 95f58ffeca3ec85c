/**
 * How much of the loss's uncertainty the record speaks to (docs/EVIDENCE.md §7.7): Sobol indices
 * of the group of parameters whose prior under the evidence perspective has a data source, for
 * each option's expected loss. Pick–freeze with two independent matrices A, B and A_B^G (A with the
 * group's columns from B): first order S_G = E[(f(B) − f̄)(f(A_B^G) − f(A))]/V (Saltelli 2010, centred to cut its variance), total
 * T_G = E[(f(A) − f(A_B^G))²]/(2V) (Jansen 1999); standard errors by bootstrap over rows.
 */
import { AnalysisRandom } from "../../math/random.js";
import { isFixed } from "../../analysis/prior-grid.js";
import { priorQuantile } from "../../scenario/prior-quantile.js";
import type { Prior } from "../../scenario/prior.js";
import type { Scenario } from "../../scenario/load.js";
import { evaluate } from "../../sim/evaluate.js";

export interface CoverageOptions {
  scenario: Scenario;
  perspective: string;
  /** parameters with a data source (the group G) */
  sourced: string[];
  baseSamples: number;
  trajectories: number;
  seed: number;
  bootstrap?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface IndexWithSe {
  estimate: number;
  se: number;
}

export interface OptionCoverage {
  option: string;
  variance: number;
  first: IndexWithSe;
  total: IndexWithSe;
  /** mean within-point Monte Carlo variance of the loss, as a share of V (noise that no parameter explains) */
  noiseShare: number;
}

export interface CoverageReport {
  perspective: string;
  parameters: number;
  sourced: string[];
  baseSamples: number;
  trajectories: number;
  seed: number;
  evaluations: number;
  options: OptionCoverage[];
  /** shares averaged over options (each option's variance weighs equally) */
  meanFirst: IndexWithSe;
  meanTotal: IndexWithSe;
}

export async function lossVarianceCoverage(options: CoverageOptions): Promise<CoverageReport> {
  const { scenario, perspective } = options;
  const priors: Record<string, Prior> = { ...scenario.parameters, ...(scenario.perspectives[perspective]?.overrides ?? {}) };
  const names = Object.keys(priors).filter((n) => !isFixed(priors[n]));
  const inGroup = names.map((n) => options.sourced.includes(n));
  const n = options.baseSamples;
  const random = new AnalysisRandom(options.seed, 0xc0fe);
  const A = Array.from({ length: n }, () => names.map(() => random.nextFloat()));
  const B = Array.from({ length: n }, () => names.map(() => random.nextFloat()));
  const AB = A.map((row, r) => row.map((u, i) => (inGroup[i] ? B[r][i] : u)));
  const optionIds = scenario.options.map((o) => o.id);
  const total = 3 * n;
  let done = 0;
  const run = async (u: number[]) => {
    const overrides: Record<string, Prior> = {};
    names.forEach((name, i) => (overrides[name] = { dist: "fixed", value: priorQuantile(priors[name], u[i]) }));
    const result = await evaluate(scenario, { seed: options.seed, trajectories: options.trajectories, perspectives: [perspective], overrides });
    options.onProgress?.(++done, total);
    return optionIds.map((id) => {
      const loss = result.results.find((r) => r.option === id)!.outcomes.loss;
      return { mean: loss.mean, noise: loss.se * loss.se };
    });
  };
  const fA: { mean: number; noise: number }[][] = [];
  const fB: typeof fA = [];
  const fAB: typeof fA = [];
  for (let r = 0; r < n; r++) {
    fA.push(await run(A[r]));
    fB.push(await run(B[r]));
    fAB.push(await run(AB[r]));
  }
  const resamples = options.bootstrap ?? 1000;
  const boot = new AnalysisRandom(options.seed, 0xb007);
  const rowSets = [Array.from({ length: n }, (_, r) => r), ...Array.from({ length: resamples }, () => Array.from({ length: n }, () => boot.nextInt(n)))];
  const perOption = optionIds.map((option, o) => {
    const indices = rowSets.map((rows) => groupIndices(rows.map((r) => fA[r][o].mean), rows.map((r) => fB[r][o].mean), rows.map((r) => fAB[r][o].mean)));
    const variance = indices[0].variance;
    const noise = fA.concat(fB).reduce((s, row) => s + row[o].noise, 0) / (2 * n);
    return { option, variance, indices, noiseShare: variance > 0 ? noise / variance : NaN };
  });
  const withSe = (values: number[]): IndexWithSe => ({ estimate: values[0], se: sd(values.slice(1)) });
  const mean = (k: "first" | "total") => withSe(rowSets.map((_, b) => perOption.reduce((s, p) => s + p.indices[b][k], 0) / perOption.length));
  return {
    perspective,
    parameters: names.length,
    sourced: names.filter((_, i) => inGroup[i]),
    baseSamples: n,
    trajectories: options.trajectories,
    seed: options.seed,
    evaluations: total,
    options: perOption.map((p) => ({
      option: p.option, variance: p.variance, noiseShare: p.noiseShare,
      first: withSe(p.indices.map((x) => x.first)), total: withSe(p.indices.map((x) => x.total)),
    })),
    meanFirst: mean("first"),
    meanTotal: mean("total"),
  };
}

/** S_G and T_G of one resample of rows. */
export function groupIndices(fA: number[], fB: number[], fAB: number[]): { first: number; total: number; variance: number } {
  const all = fA.concat(fB);
  const m = all.reduce((s, v) => s + v, 0) / all.length;
  const variance = all.reduce((s, v) => s + (v - m) ** 2, 0) / (all.length - 1);
  let first = 0;
  let total = 0;
  for (let r = 0; r < fA.length; r++) {
    first += (fB[r] - m) * (fAB[r] - fA[r]);
    total += (fA[r] - fAB[r]) ** 2;
  }
  return { first: first / fA.length / variance, total: total / (2 * fA.length) / variance, variance };
}

function sd(values: number[]): number {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, values.length - 1));
}
