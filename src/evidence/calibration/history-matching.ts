/**
 * History matching (docs/EVIDENCE.md §7.3): which settings of the rates of crisis windows,
 * spoiler incidents and escalation let the simulator's no-commitment option reproduce the
 * historical risk of renewed war by horizon, and its pact option the defence-pact hazard ratio?
 * A point is kept when its implausibility max_k |sim_k − obs_k|/√(se_obs² + se_sim²) is below 3.
 */
import { AnalysisRandom } from "../../math/random.js";
import type { Scenario } from "../../scenario/load.js";
import type { Prior } from "../../scenario/prior.js";
import { evaluate, type EvaluateOptions } from "../../sim/evaluate.js";
import { MAJOR_POWER_PACT, NO_PACT } from "./calibration-scenario.js";

/** A calibrated rate and the box it is searched in (log-uniform when `log`). */
export interface SearchDimension {
  parameter: string;
  lower: number;
  upper: number;
  log: boolean;
}

export interface Target {
  label: string;
  observed: number;
  stdErr: number;
}

export interface HistoryMatchingOptions {
  scenario: Scenario;
  dimensions: SearchDimension[];
  /** risks of renewed war by horizon (years), no commitment */
  riskTargets: { years: number; observed: number; stdErr: number }[];
  /** the defence-pact hazard ratio at `years` (ratio of cumulative hazards), on the log scale */
  pactTarget?: { years: number; logRatio: number; logStdErr: number };
  points: number;
  trajectories: number;
  seed: number;
  cutoff?: number;
  onProgress?: (done: number, total: number) => void;
  /** where the design points' simulations run (a job queue: all points submitted at once); the numbers do not depend on it */
  executor?: EvaluateOptions["executor"];
}

export interface DesignPoint {
  values: number[];
  simulated: number[];
  implausibility: number;
}

export interface HistoryMatchingResult {
  targets: Target[];
  points: DesignPoint[];
  /** indices of the points with implausibility below the cutoff */
  kept: number[];
  best: DesignPoint;
  cutoff: number;
  /** per dimension: mean and sd over the kept points (undefined if none is kept) */
  summary: { parameter: string; mean: number; sd: number; monteCarloStdErr: number }[] | undefined;
}

/** Latin hypercube in the box: each dimension's range cut into `points` strata, one draw each. */
export function latinHypercube(dimensions: SearchDimension[], points: number, seed: number): number[][] {
  const random = new AnalysisRandom(seed, 0x1a7);
  const columns = dimensions.map((d) => {
    const order = Array.from({ length: points }, (_, i) => i);
    random.shuffle(order);
    return order.map((stratum) => {
      const u = (stratum + random.nextFloat()) / points;
      return d.log ? Math.exp(Math.log(d.lower) + u * (Math.log(d.upper) - Math.log(d.lower))) : d.lower + u * (d.upper - d.lower);
    });
  });
  return Array.from({ length: points }, (_, p) => columns.map((c) => c[p]));
}

export async function historyMatch(options: HistoryMatchingOptions): Promise<HistoryMatchingResult> {
  const cutoff = options.cutoff ?? 3;
  const design = latinHypercube(options.dimensions, options.points, options.seed);
  const targets: Target[] = [
    ...options.riskTargets.map((t) => ({ label: `P(war within ${t.years}y), no commitment`, observed: t.observed, stdErr: t.stdErr })),
    ...(options.pactTarget ? [{ label: `ln HR of a defence pact (cumulative hazard at ${options.pactTarget.years}y)`, observed: options.pactTarget.logRatio, stdErr: options.pactTarget.logStdErr }] : []),
  ];
  let done = 0;
  const runPoint = async (p: number): Promise<DesignPoint> => {
    const overrides: Record<string, Prior> = {};
    options.dimensions.forEach((d, i) => (overrides[d.parameter] = { dist: "fixed", value: design[p][i] }));
    const result = await evaluate(options.scenario, {
      seed: options.seed,
      trajectories: options.trajectories,
      perspectives: ["evidence"],
      options: options.pactTarget ? [NO_PACT, MAJOR_POWER_PACT] : [NO_PACT],
      overrides,
      ...(options.executor ? { executor: options.executor } : {}),
    });
    const curve = (option: string) => result.results.find((r) => r.option === option)!.survival;
    const free = curve(NO_PACT);
    const simulated: number[] = [];
    const simulatedSe: number[] = [];
    for (const t of options.riskTargets) {
      const m = Math.min(free.survival.length - 1, Math.round(12 * t.years));
      simulated.push(1 - free.survival[m]);
      simulatedSe.push(free.se[m]);
    }
    if (options.pactTarget) {
      const m = Math.min(free.survival.length - 1, Math.round(12 * options.pactTarget.years));
      const pact = curve(MAJOR_POWER_PACT);
      // ln(−ln S_pact / −ln S_free); delta-method SE from each curve's SE
      const cumulative = (s: number) => -Math.log(Math.min(1 - 1e-9, Math.max(1e-9, s)));
      const [hp, hf] = [cumulative(pact.survival[m]), cumulative(free.survival[m])];
      simulated.push(Math.log(hp / hf));
      simulatedSe.push(Math.sqrt((pact.se[m] / (pact.survival[m] * hp)) ** 2 + (free.se[m] / (free.survival[m] * hf)) ** 2));
    }
    const implausibility = Math.max(...targets.map((t, k) => Math.abs(simulated[k] - t.observed) / Math.sqrt(t.stdErr ** 2 + simulatedSe[k] ** 2)));
    options.onProgress?.(++done, design.length);
    return { values: design[p], simulated, implausibility: Number.isFinite(implausibility) ? implausibility : Infinity };
  };
  const indices = design.map((_, p) => p);
  // on a queue every point is submitted at once; locally one after another (each evaluation is synchronous)
  const points: DesignPoint[] = [];
  if (options.executor) points.push(...(await Promise.all(indices.map(runPoint))));
  else for (const p of indices) points.push(await runPoint(p));
  const kept = points.flatMap((pt, i) => (pt.implausibility < cutoff ? [i] : []));
  const best = points.reduce((a, b) => (b.implausibility < a.implausibility ? b : a));
  const summary = kept.length === 0 ? undefined : options.dimensions.map((d, i) => {
    const values = kept.map((k) => points[k].values[i]);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
    return { parameter: d.parameter, mean, sd, monteCarloStdErr: sd / Math.sqrt(values.length) };
  });
  return { targets, points, kept, best, cutoff, summary };
}
