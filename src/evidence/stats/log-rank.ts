/**
 * The log-rank test of equal survival across groups (Mantel–Haenszel form with the
 * hypergeometric variance for tied times), as R's survdiff() with rho = 0.
 */
import { InputError } from "../../errors.js";
import { choleskyFactor, choleskySolve } from "./matrix.js";
import { chiSquareSurvival } from "./special.js";
import { orderByTime, type SurvivalSample } from "./survival-data.js";

export interface LogRankResult {
  groups: string[];
  n: number[];
  observed: number[];
  expected: number[];
  /** variance matrix of O − E over all groups, k × k row-major */
  variance: number[];
  chiSquare: number;
  degreesOfFreedom: number;
  pValue: number;
}

/** Log-rank test; `group[i]` labels subject i. */
export function logRankTest(sample: SurvivalSample, group: readonly string[]): LogRankResult {
  if (group.length !== sample.time.length) {
    throw new InputError(`log-rank test: ${group.length} group labels for ${sample.time.length} subjects`);
  }
  const groups = [...new Set(group)].sort();
  if (groups.length < 2) throw new InputError(`log-rank test needs at least two groups, got ${groups.length}`);
  const k = groups.length;
  const code = Int32Array.from(group, (g) => groups.indexOf(g));
  const atRisk = new Float64Array(k);
  const n = new Array<number>(k).fill(0);
  for (let i = 0; i < code.length; i++) {
    atRisk[code[i]] += 1;
    n[code[i]] += 1;
  }
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = new Array<number>(k * k).fill(0);
  const deaths = new Float64Array(k);
  const leaving = new Float64Array(k);
  const order = orderByTime(sample);
  for (let start = 0; start < order.length; ) {
    const t = sample.time[order[start]];
    deaths.fill(0);
    leaving.fill(0);
    let end = start;
    while (end < order.length && sample.time[order[end]] === t) {
      const subject = order[end++];
      deaths[code[subject]] += sample.event[subject];
      leaving[code[subject]] += 1;
    }
    let totalRisk = 0;
    let totalDeaths = 0;
    for (let g = 0; g < k; g++) {
      totalRisk += atRisk[g];
      totalDeaths += deaths[g];
    }
    if (totalDeaths > 0) {
      const tieFactor = totalRisk > 1 ? (totalDeaths * (totalRisk - totalDeaths)) / (totalRisk - 1) : 0;
      for (let g = 0; g < k; g++) {
        observed[g] += deaths[g];
        expected[g] += (totalDeaths * atRisk[g]) / totalRisk;
        for (let h = 0; h < k; h++) {
          const share = atRisk[g] / totalRisk;
          variance[g * k + h] += tieFactor * share * ((g === h ? 1 : 0) - atRisk[h] / totalRisk);
        }
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] -= leaving[g];
    start = end;
  }
  const chiSquare = logRankStatistic(observed, expected, variance, k);
  return { groups, n, observed, expected, variance, chiSquare, degreesOfFreedom: k - 1, pValue: chiSquareSurvival(chiSquare, k - 1) };
}

/** (O−E)ᵀ V⁻(O−E) using the first k−1 groups (V has rank k−1). */
function logRankStatistic(observed: number[], expected: number[], variance: number[], k: number): number {
  const m = k - 1;
  const reduced = new Float64Array(m * m);
  const difference = new Float64Array(m);
  for (let g = 0; g < m; g++) {
    difference[g] = observed[g] - expected[g];
    for (let h = 0; h < m; h++) reduced[g * m + h] = variance[g * k + h];
  }
  const factor = choleskyFactor(reduced, m);
  if (!factor) throw new InputError("log-rank test: a group has no subjects at risk at any event time; the test is undefined");
  const solved = choleskySolve(factor, m, difference);
  let statistic = 0;
  for (let g = 0; g < m; g++) statistic += difference[g] * solved[g];
  return statistic;
}
