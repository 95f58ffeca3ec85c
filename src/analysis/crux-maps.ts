/**
 * Two-parameter maps of the best option (docs/ANALYSIS.md): two parameters fixed on a grid at their
 * pooled prior quantiles, every option evaluated at each cell with common random numbers, and
 * the cell marked with the option whose outcome is best and whether it beats the runner-up by
 * more than z standard errors.
 */
import type { BestOptionMap, MapCell } from "../contract/analysis.js";
import { InputError } from "../errors.js";
import type { OutcomeName } from "../contract/result.js";
import { uncertainParameters } from "./cruxes.js";
import { pooledGrid } from "./prior-grid.js";
import { type ScenarioProbe, batchEstimate, runSettings, targetBatches } from "./probe.js";

export type { BestOptionMap, MapCell };

/** Outcomes where more is better; for every other outcome (and the loss) less is better. */
export const HIGHER_IS_BETTER: readonly OutcomeName[] = ["p_accept"];

export interface BestOptionMapOptions {
  x: string;
  y: string;
  /** default: loss */
  outcome?: OutcomeName;
  options?: string[];
  perspective?: string;
  /** grid points per axis (default 7) */
  resolution?: number;
  z?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function bestOptionMap(probe: ScenarioProbe, request: BestOptionMapOptions): Promise<BestOptionMap> {
  const options = request.options ?? [...probe.options];
  for (const id of options) if (!probe.options.includes(id)) throw new InputError(`unknown option "${id}"; the scenario has ${probe.options.join(", ")}`);
  if (options.length < 2) throw new InputError("a map of the best option needs at least two options");
  const uncertain = uncertainParameters(probe);
  for (const name of [request.x, request.y]) if (!uncertain.includes(name)) throw new InputError(`"${name}" is not an uncertain parameter of this scenario`);
  if (request.x === request.y) throw new InputError("a two-parameter map needs two different parameters");
  const perspective = request.perspective ?? probe.perspectives[0];
  const outcome = request.outcome ?? "loss";
  const resolution = request.resolution ?? 7;
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 101) throw new InputError(`map resolution must be an integer in 2..101, got ${resolution}`);
  const z = request.z ?? 1.96;
  const direction = HIGHER_IS_BETTER.includes(outcome) ? -1 : 1;
  const axis = (name: string) => pooledGrid(probe.perspectives.map((p) => probe.priorsOf(p)[name]), resolution);
  const xs = axis(request.x);
  const ys = axis(request.y);
  const settings = ys.flatMap((y) => xs.map((x) => ({ perspective, overrides: { [request.x]: { dist: "fixed" as const, value: x }, [request.y]: { dist: "fixed" as const, value: y } } })));
  // every cell is known in advance: one batch of settings, which a job queue runs at once
  const answers = await runSettings(probe, settings, options, (n) => request.onProgress?.(n, settings.length));
  const cells: MapCell[][] = [];
  for (let yi = 0; yi < ys.length; yi++) {
    const row: MapCell[] = [];
    for (let xi = 0; xi < xs.length; xi++) {
      const outcomes = answers[yi * xs.length + xi];
      const scores = options.map((option) => direction * batchEstimate(targetBatches(outcomes, { outcome, option })).mean);
      const order = scores.map((s, i) => [s, i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
      const [best, runnerUp] = [options[order[0]], options[order[1]]];
      const gap = batchEstimate(targetBatches(outcomes, { outcome, option: runnerUp, versus: best }));
      const margin = { mean: direction * gap.mean, se: gap.se };
      row.push({ best, margin, clear: margin.mean > z * margin.se });
    }
    cells.push(row);
  }
  return { outcome, perspective, options, x: { parameter: request.x, values: xs }, y: { parameter: request.y, values: ys }, cells };
}
