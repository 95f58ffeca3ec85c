/**
 * Global sensitivity of a scenario's outcome, or of the difference between two options, to its
 * uncertain parameters (docs/ANALYSIS.md). Each design point fixes the parameters at its prior
 * quantiles and runs a batch of trajectories with the same seed (common random numbers), so the
 * outcome is a deterministic function of the point; Morris screens, Sobol apportions variance.
 */
import type { SensitivityReport, SensitivityRow } from "../contract/analysis.js";
import { InputError } from "../errors.js";
import { priorQuantile } from "../scenario/prior-quantile.js";
import { type Prior } from "../scenario/prior.js";
import { isFixed } from "./prior-grid.js";
import { morrisAnalysis } from "./morris.js";
import { type ScenarioProbe, type Target, batchEstimate, describeTarget, runSettings, submitsAtOnce, targetBatches } from "./probe.js";
import { type BatchModel, sobolAnalysis } from "./sobol-indices.js";

export type { SensitivityReport, SensitivityRow };

export interface SensitivityRequest extends Target {
  method: "sobol" | "morris";
  /** priors the parameters are drawn from (default: baseline) */
  perspective?: string;
  /** parameters to vary (default: every parameter uncertain under the perspective); the others stay random */
  parameters?: string[];
  /** Sobol: base samples N (default 64); the design has N·(k+2) points */
  baseSamples?: number;
  /** Morris: trajectories r (default 10) and levels p (default 4) */
  morrisTrajectories?: number;
  levels?: number;
  /** seed of the design (digital shift or Morris trajectories) and of the bootstrap */
  seed?: number;
  bootstrap?: number;
  confidence?: number;
  /**
   * design rows (Sobol) or trajectories (Morris) per call of the model (default: 256 rows or 64
   * trajectories locally, the whole design for a job queue, which splits it into its own jobs)
   */
  pointsPerJob?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The target as a function of points in the unit cube: u_i ↦ parameter i fixed at F_i⁻¹(u_i). */
export function scenarioModel(probe: ScenarioProbe, target: Target, perspective: string, parameters: string[]): BatchModel {
  const priors = probe.priorsOf(perspective);
  const chosen: Prior[] = parameters.map((name) => priors[name]);
  const options = target.versus ? [target.option, target.versus] : [target.option];
  return async (points, count, dimension, onPoints) => {
    const settings = Array.from({ length: count }, (_, p) => {
      const overrides: Record<string, Prior> = {};
      parameters.forEach((name, i) => (overrides[name] = { dist: "fixed", value: priorQuantile(chosen[i], points[p * dimension + i]) }));
      return { perspective, overrides };
    });
    // each point is a deterministic function of its setting, so how a job queue splits them changes no number
    const answers = await runSettings(probe, settings, options, onPoints);
    return Float64Array.from(answers, (answer) => batchEstimate(targetBatches(answer, target)).mean);
  };
}

function chooseParameters(probe: ScenarioProbe, perspective: string, requested: string[] | undefined): string[] {
  const priors = probe.priorsOf(perspective);
  const uncertain = Object.keys(priors).filter((name) => !isFixed(priors[name]));
  const parameters = requested ?? uncertain;
  for (const name of parameters) {
    if (!(name in priors)) throw new InputError(`unknown parameter "${name}"`);
    if (!uncertain.includes(name)) throw new InputError(`"${name}" has a fixed value under "${perspective}": nothing to vary`);
  }
  if (parameters.length === 0) throw new InputError(`no parameter is uncertain under "${perspective}"`);
  return parameters;
}

export async function scenarioSensitivity(probe: ScenarioProbe, request: SensitivityRequest): Promise<SensitivityReport> {
  const perspective = request.perspective ?? probe.perspectives[0];
  for (const id of [request.option, request.versus].filter((x): x is string => x !== undefined)) {
    if (!probe.options.includes(id)) throw new InputError(`unknown option "${id}"; the scenario has ${probe.options.join(", ")}`);
  }
  if (request.versus === request.option) throw new InputError("compare two different options");
  const parameters = chooseParameters(probe, perspective, request.parameters);
  const target: Target = { outcome: request.outcome, option: request.option, versus: request.versus };
  const model = scenarioModel(probe, target, perspective, parameters);
  const whole = submitsAtOnce(probe);
  const common = { label: describeTarget(target), target, perspective, parameters, trajectoriesPerPoint: probe.trajectories, confidence: request.confidence ?? 0.95 };
  if (request.method === "morris") {
    const result = await morrisAnalysis(model, {
      factors: parameters.length,
      trajectories: request.morrisTrajectories ?? 10,
      levels: request.levels,
      seed: request.seed,
      bootstrap: request.bootstrap,
      confidence: request.confidence,
      trajectoriesPerJob: request.pointsPerJob ?? (whole ? request.morrisTrajectories ?? 10 : undefined),
      onProgress: request.onProgress,
    });
    const rows = parameters.map((parameter, i) => ({ parameter, ...result.effects[i] }));
    rows.sort((a, b) => b.muStar.estimate - a.muStar.estimate);
    return { method: "morris", ...common, evaluations: result.evaluations, rows };
  }
  const result = await sobolAnalysis(model, {
    parameters: parameters.length,
    baseSamples: request.baseSamples ?? 64,
    designSeed: request.seed ?? 0,
    seed: request.seed,
    bootstrap: request.bootstrap,
    confidence: request.confidence,
    rowsPerJob: request.pointsPerJob ?? (whole ? request.baseSamples ?? 64 : undefined),
    onProgress: request.onProgress,
  });
  const rows = parameters.map((parameter, i) => ({ parameter, first: result.first[i], total: result.total[i] }));
  rows.sort((a, b) => b.total.estimate - a.total.estimate);
  return { method: "sobol", ...common, evaluations: result.evaluations, mean: result.mean, variance: result.variance, rows };
}
