/**
 * Crux finder (docs/ANALYSIS.md): for each pair of options and each outcome, the parameters whose
 * value flips which option comes out lower. Each parameter is fixed in turn along a grid at the
 * pooled prior quantiles of all perspectives; the common-random-numbers difference between the
 * two options is scanned for sign changes and each change refined by root finding. Every
 * perspective's prior mass on each side of the thresholds says who sits where.
 */
import type { Crux, CruxRegion, CruxReport, CruxThreshold, DifferenceEstimate } from "../contract/analysis.js";
import { InputError } from "../errors.js";
import type { OutcomeName } from "../contract/result.js";
import { isFixed, pooledGrid, priorCdf } from "./prior-grid.js";
import { type OptionOutcomes, type ProbeSetting, type ScenarioProbe, batchEstimate, runSettings, submitsAtOnce, targetBatches } from "./probe.js";
import { findRoot, signChanges } from "./root-finding.js";

export type { Crux, CruxRegion, CruxReport, CruxThreshold, DifferenceEstimate };

export interface CruxOptions {
  /** options to compare pairwise (default: all) */
  options?: string[];
  /** outcomes whose order is examined (default: loss) */
  outcomes?: OutcomeName[];
  /** the priors of all other parameters during the scan (default: baseline) */
  perspective?: string;
  /** parameters to scan (default: every parameter uncertain under some perspective) */
  parameters?: string[];
  /** grid points per parameter (default 7) */
  gridPoints?: number;
  /** normal quantile of the threshold bands (default 1.96) */
  z?: number;
  /** extra settings spent refining each threshold (default 8) */
  rootEvaluations?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Parameters whose prior is not a single value under at least one perspective. */
export function uncertainParameters(probe: ScenarioProbe): string[] {
  const names = Object.keys(probe.priorsOf(probe.perspectives[0]));
  return names.filter((name) => probe.perspectives.some((p) => !isFixed(probe.priorsOf(p)[name])));
}

function checkChoices(probe: ScenarioProbe, options: CruxOptions): { chosen: string[]; parameters: string[] } {
  const chosen = options.options ?? [...probe.options];
  for (const id of chosen) if (!probe.options.includes(id)) throw new InputError(`unknown option "${id}"; the scenario has ${probe.options.join(", ")}`);
  if (chosen.length < 2) throw new InputError("the crux finder compares options in pairs: give at least two options");
  if (probe.batches < 2) throw new InputError("the crux finder needs at least 2 batches to put uncertainty bands on thresholds");
  const all = uncertainParameters(probe);
  const parameters = options.parameters ?? all;
  for (const name of parameters) if (!all.includes(name)) throw new InputError(`"${name}" is not an uncertain parameter of this scenario`);
  return { chosen, parameters };
}

/** Runs the probe at one value of one parameter, caching by value so roots reuse grid runs. */
class ParameterScan {
  private readonly cache = new Map<number, Map<string, OptionOutcomes>>();
  constructor(
    private readonly probe: ScenarioProbe,
    private readonly perspective: string,
    private readonly parameter: string,
    private readonly options: string[],
    private readonly counted: () => void,
  ) {}

  settingAt(value: number): ProbeSetting {
    return { perspective: this.perspective, overrides: { [this.parameter]: { dist: "fixed", value } } };
  }

  /** Records an answer, also one run elsewhere (a batch of several scans' grids, counted as it came). */
  remember(value: number, answer: Map<string, OptionOutcomes>, count = true): void {
    if (this.cache.has(value)) return;
    this.cache.set(value, answer);
    if (count) this.counted();
  }

  async at(value: number): Promise<Map<string, OptionOutcomes>> {
    const known = this.cache.get(value);
    if (known) return known;
    const result = await this.probe.run(this.settingAt(value), this.options);
    this.remember(value, result);
    return result;
  }

  async difference(value: number, outcome: OutcomeName, a: string, b: string): Promise<DifferenceEstimate> {
    return { value, ...batchEstimate(targetBatches(await this.at(value), { outcome, option: a, versus: b })) };
  }
}

export async function findCruxes(probe: ScenarioProbe, options: CruxOptions = {}): Promise<CruxReport> {
  const { chosen, parameters } = checkChoices(probe, options);
  const perspective = options.perspective ?? probe.perspectives[0];
  probe.priorsOf(perspective);
  const outcomes = options.outcomes ?? ["loss"];
  const gridPoints = options.gridPoints ?? 7;
  if (!Number.isInteger(gridPoints) || gridPoints < 3) throw new InputError(`the crux grid needs at least 3 points, got ${gridPoints}`);
  const z = options.z ?? 1.96;
  let settings = 0;
  const expected = parameters.length * gridPoints;
  const counted = () => {
    settings++;
    options.onProgress?.(settings, Math.max(expected, settings));
  };
  const scans = parameters
    .map((parameter) => ({ parameter, grid: pooledGrid(probe.perspectives.map((p) => probe.priorsOf(p)[parameter]), gridPoints) }))
    .filter(({ grid }) => grid.length >= 2)
    .map(({ parameter, grid }) => ({ parameter, grid, scan: new ParameterScan(probe, perspective, parameter, chosen, counted) }));
  // every grid is known before any root is sought: one batch of settings, which a job queue runs at once
  const gridSettings = scans.flatMap(({ grid, scan }) => grid.map((x) => ({ scan, x })));
  let gridDone = 0;
  const answers = await runSettings(probe, gridSettings.map(({ scan, x }) => scan.settingAt(x)), chosen, (n) => {
    for (; gridDone < n; gridDone++) counted();
  });
  gridSettings.forEach(({ scan, x }, n) => scan.remember(x, answers[n], false));
  const cruxesOf = async ({ parameter, grid, scan }: (typeof scans)[number]): Promise<Crux[]> => {
    const found: Crux[] = [];
    for (const outcome of outcomes) {
      for (let i = 0; i < chosen.length; i++) {
        for (let j = i + 1; j < chosen.length; j++) {
          const crux = await pairCrux(probe, scan, grid, parameter, outcome, [chosen[i], chosen[j]], z, options.rootEvaluations ?? 8);
          if (crux) found.push(crux);
        }
      }
    }
    return found;
  };
  // the root searches of different parameters are independent: a job queue runs them side by side
  const perParameter: Crux[][] = [];
  if (submitsAtOnce(probe)) perParameter.push(...(await Promise.all(scans.map(cruxesOf))));
  else for (const scan of scans) perParameter.push(await cruxesOf(scan));
  const cruxes = perParameter.flat();
  cruxes.sort((x, y) => Number(y.clear) - Number(x.clear) || y.swing - x.swing);
  return {
    perspective,
    options: chosen,
    outcomes,
    parametersScanned: parameters,
    trajectoriesPerSetting: probe.trajectories,
    batches: probe.batches,
    settingsEvaluated: settings,
    cruxes,
  };
}

async function pairCrux(
  probe: ScenarioProbe,
  scan: ParameterScan,
  grid: number[],
  parameter: string,
  outcome: OutcomeName,
  [a, b]: [string, string],
  z: number,
  rootEvaluations: number,
): Promise<Crux | undefined> {
  const curve = await Promise.all(grid.map((x) => scan.difference(x, outcome, a, b)));
  const brackets = signChanges(grid, curve.map((d) => d.mean));
  if (brackets.length === 0) return undefined;
  const thresholds: CruxThreshold[] = [];
  for (const bracket of brackets) {
    const root = await findRoot(async (x) => (await scan.difference(x, outcome, a, b)).mean, bracket, {
      maxEvaluations: rootEvaluations,
      tolerance: 1e-4 * (grid[grid.length - 1] - grid[0]),
    });
    // Delta method on the grid interval: the simulated difference is a fine step function of
    // the parameter (each trajectory switches at its own value), so slopes over the final,
    // narrow bracket are noise; the secant over the grid interval is not.
    const ends = curve.filter((d) => d.value === bracket.low || d.value === bracket.high);
    const slope = (bracket.valueAtHigh - bracket.valueAtLow) / (bracket.high - bracket.low);
    const se = Math.max(...ends.map((d) => d.se));
    const halfWidth = slope !== 0 ? (z * se) / Math.abs(slope) : Infinity;
    thresholds.push({ value: root.root, band: [Math.max(grid[0], root.root - halfWidth), Math.min(grid[grid.length - 1], root.root + halfWidth)] });
  }
  const edges = [-Infinity, ...thresholds.map((t) => t.value), Infinity];
  const firstSign = Math.sign(curve.find((d) => d.mean !== 0)?.mean ?? 1);
  const regions: CruxRegion[] = [];
  for (let r = 0; r + 1 < edges.length; r++) {
    // Thresholds are the successive sign changes, so the sign alternates from the grid's start.
    const sign = firstSign * (r % 2 === 0 ? 1 : -1);
    const shares: Record<string, number> = {};
    for (const p of probe.perspectives) {
      const prior = probe.priorsOf(p)[parameter];
      shares[p] = (edges[r + 1] === Infinity ? 1 : priorCdf(prior, edges[r + 1])) - (edges[r] === -Infinity ? 0 : priorCdf(prior, edges[r]));
    }
    regions.push({ from: edges[r], to: edges[r + 1], lower: sign < 0 ? a : b, shares });
  }
  const means = curve.map((d) => d.mean);
  const significant = (sign: number) => curve.some((d) => Math.sign(d.mean) === sign && Math.abs(d.mean) > z * d.se);
  return {
    parameter,
    outcome,
    options: [a, b],
    thresholds,
    regions,
    scan: curve,
    swing: Math.max(...means) - Math.min(...means),
    clear: significant(1) && significant(-1),
  };
}
