/**
 * Pairwise crux search (docs/ANALYSIS.md, "Cruxes"): the one-at-a-time crux finder fixes one
 * parameter and leaves the others at their priors, so it misses an order that flips only when two
 * parameters move together. This search scans each parameter alone along its pooled prior grid,
 * keeps the `candidates` that come closest to a flip without flipping alone (those that do are the
 * one-at-a-time finder's cruxes), and evaluates every pair of them on a two-dimensional grid, with
 * each perspective's joint prior mass on each side.
 */
import type { PairCrux, PairCruxReport } from "../contract/analysis.js";
import type { OutcomeName } from "../contract/result.js";
import type { Prior } from "../scenario/prior.js";
import { InputError } from "../errors.js";
import { uncertainParameters } from "./cruxes.js";
import { priorCdf, pooledGrid } from "./prior-grid.js";
import { type ScenarioProbe, batchEstimate, targetBatches } from "./probe.js";

export type { PairCrux, PairCruxReport };

export interface PairCruxOptions {
  options: [string, string];
  /** parameters to consider (default: every uncertain one) */
  parameters?: string[];
  /** how many of them to pair: those whose scan alone comes closest to a flip without one (default 6) */
  candidates?: number;
  /** grid points per parameter (default 5) */
  gridPoints?: number;
  /** priors of all other parameters (default: baseline) */
  perspective?: string;
  /** default: loss */
  outcome?: OutcomeName;
  /** normal quantile for `clear` (default 1.96) */
  z?: number;
  onProgress?: (done: number, total: number) => void;
}

type Fixed = Record<string, number>;

export async function findPairCruxes(probe: ScenarioProbe, request: PairCruxOptions): Promise<PairCruxReport> {
  const [a, b] = request.options;
  for (const id of [a, b]) if (!probe.options.includes(id)) throw new InputError(`unknown option "${id}"; the scenario has ${probe.options.join(", ")}`);
  if (a === b) throw new InputError("a pairwise crux compares two different options");
  if (probe.batches < 2) throw new InputError("the pairwise crux search needs at least 2 batches for standard errors");
  const uncertain = uncertainParameters(probe);
  const parameters = request.parameters ?? uncertain;
  for (const name of parameters) if (!uncertain.includes(name)) throw new InputError(`"${name}" is not an uncertain parameter of this scenario`);
  const gridPoints = request.gridPoints ?? 5;
  if (!Number.isInteger(gridPoints) || gridPoints < 3) throw new InputError(`the pairwise grid needs at least 3 points, got ${gridPoints}`);
  const keep = request.candidates ?? 6;
  if (!Number.isInteger(keep) || keep < 2) throw new InputError(`the pairwise search needs at least 2 candidates, got ${keep}`);
  const perspective = request.perspective ?? probe.perspectives[0];
  probe.priorsOf(perspective);
  const outcome = request.outcome ?? "loss";
  const z = request.z ?? 1.96;
  const priorsOf = (name: string): Prior[] => probe.perspectives.map((p) => probe.priorsOf(p)[name]);
  const grids = new Map(parameters.map((name) => [name, pooledGrid(priorsOf(name), gridPoints)] as const));

  let settings = 0;
  const total = () => parameters.length * gridPoints + (keep * (keep - 1) * gridPoints * gridPoints) / 2;
  const difference = async (fixed: Fixed) => {
    const overrides = Object.fromEntries(Object.entries(fixed).map(([name, value]) => [name, { dist: "fixed" as const, value }]));
    const result = await probe.run({ perspective, overrides }, [a, b]);
    settings++;
    request.onProgress?.(settings, Math.max(total(), settings));
    return batchEstimate(targetBatches(result, { outcome, option: a, versus: b }));
  };

  // one at a time: the sign at the priors, and how far each parameter alone pushes toward the other sign
  const atPriors = await difference({});
  const sign = atPriors.mean >= 0 ? 1 : -1;
  const reach: { name: string; toward: number; flips: boolean }[] = [];
  for (const name of parameters) {
    const values = [];
    for (const x of grids.get(name)!) values.push((await difference({ [name]: x })).mean);
    const toward = Math.max(...values.map((v) => -sign * v));
    reach.push({ name, toward, flips: toward > 0 });
  }
  reach.sort((p, q) => q.toward - p.toward);
  const candidates = reach
    .filter((r) => !r.flips)
    .slice(0, keep)
    .map((r) => r.name);

  const cruxes: PairCrux[] = [];
  for (let i = 0; i < candidates.length; i++)
    for (let j = i + 1; j < candidates.length; j++) {
      const crux = await pairCrux(candidates[i], candidates[j]);
      if (crux) cruxes.push(crux);
    }
  const smallerSide = (c: PairCrux) => Math.min(...[a, b].map((o) => Math.max(...Object.values(c.shares).map((s) => s[o]))));
  cruxes.sort((p, q) => Number(q.clear) - Number(p.clear) || smallerSide(q) - smallerSide(p));
  return {
    perspective,
    options: [a, b],
    outcome,
    candidates,
    singleFlips: reach.filter((r) => r.flips).map((r) => r.name),
    trajectoriesPerSetting: probe.trajectories,
    batches: probe.batches,
    settingsEvaluated: settings,
    cruxes,
  };

  async function pairCrux(xName: string, yName: string): Promise<PairCrux | undefined> {
    const xs = grids.get(xName)!;
    const ys = grids.get(yName)!;
    const cells: { mean: number; se: number }[][] = [];
    for (const y of ys) {
      const row = [];
      for (const x of xs) row.push(await difference({ [xName]: x, [yName]: y }));
      cells.push(row);
    }
    const flat = cells.flat();
    if (!(flat.some((c) => c.mean < 0) && flat.some((c) => c.mean > 0))) return undefined;
    const shares: Record<string, Record<string, number>> = {};
    probe.perspectives.forEach((p) => {
      const xMass = cellMasses(probe.priorsOf(p)[xName], xs);
      const yMass = cellMasses(probe.priorsOf(p)[yName], ys);
      const side = { [a]: 0, [b]: 0 };
      cells.forEach((row, yi) => row.forEach((c, xi) => (side[c.mean < 0 ? a : b] += xMass[xi] * yMass[yi])));
      shares[p] = side;
    });
    return {
      parameters: [xName, yName],
      outcome,
      options: [a, b],
      x: xs,
      y: ys,
      cells,
      shares,
      clear: flat.some((c) => c.mean < -z * c.se) && flat.some((c) => c.mean > z * c.se),
    };
  }
}

/** Prior mass of each grid cell: from halfway to the previous point to halfway to the next (±∞ at the ends). */
function cellMasses(prior: Prior, grid: number[]): number[] {
  const edges = [-Infinity, ...grid.slice(1).map((x, i) => (grid[i] + x) / 2), Infinity];
  const cdf = (x: number) => (x === -Infinity ? 0 : x === Infinity ? 1 : priorCdf(prior, x));
  return grid.map((_, i) => cdf(edges[i + 1]) - cdf(edges[i]));
}
