/**
 * What the scenario analyses (sensitivity, cruxes, perspectives) ask of the simulator: the
 * outcomes of some options at one setting of priors, as batch means over independent seeds.
 * Every setting sees the same seeds — common random numbers — so contrasts between options,
 * parameter values and perspectives are precise. `simulatorProbe` answers with `evaluate`.
 */
import { InputError } from "../errors.js";
import type { Scenario } from "../scenario/load.js";
import type { Prior } from "../scenario/prior.js";
import { BASELINE, evaluate, type EvaluateOptions } from "../sim/evaluate.js";
import type { AnalysisTarget } from "../contract/analysis.js";
import { OUTCOME_NAMES } from "../contract/outcomes.js";
import { type OutcomeName } from "../contract/result.js";
import { replicateEstimate } from "./replicates.js";

/** Priors of one run: a perspective's, with some parameters replaced. */
export interface ProbeSetting {
  /** a perspective id, or "baseline" for the scenario's own priors */
  perspective: string;
  overrides: Record<string, Prior>;
}

/** Batch means of each outcome of one option (length = the probe's batch count). */
export type OptionOutcomes = Record<OutcomeName, Float64Array>;

export interface ScenarioProbe {
  readonly options: readonly string[];
  /** "baseline" first, then the scenario's perspectives */
  readonly perspectives: readonly string[];
  readonly batches: number;
  /** trajectories per setting, over all batches */
  readonly trajectories: number;
  /**
   * settings worth running at once: 1 runs them one by one; a job queue (src/queue/probe.ts) takes
   * a whole design at once, so the analyses hand it every setting they already know they need
   */
  readonly concurrency?: number;
  /** effective priors of a perspective: the scenario's, with the perspective's overrides */
  priorsOf(perspective: string): Record<string, Prior>;
  run(setting: ProbeSetting, options: readonly string[]): Promise<Map<string, OptionOutcomes>>;
  /**
   * Many settings, answered in order; `onDone(n)` as the first n are answered. A job queue runs
   * ranges of consecutive settings (design rows) as one job each. Absent: one run() after another.
   */
  runAll?(settings: readonly ProbeSetting[], options: readonly string[], onDone?: (count: number) => void): Promise<Map<string, OptionOutcomes>[]>;
}

/** `probe.runAll`, or its settings one after another: the same answers either way. */
export async function runSettings(
  probe: ScenarioProbe,
  settings: readonly ProbeSetting[],
  options: readonly string[],
  onDone?: (count: number) => void,
): Promise<Map<string, OptionOutcomes>[]> {
  if (probe.runAll) return probe.runAll(settings, options, onDone);
  const out: Map<string, OptionOutcomes>[] = [];
  for (const setting of settings) {
    out.push(await probe.run(setting, options));
    onDone?.(out.length);
  }
  return out;
}

/** Whether the probe is worth handing many settings at once (a job queue). */
export const submitsAtOnce = (probe: ScenarioProbe): boolean => (probe.concurrency ?? 1) > 1;

export interface SimulatorProbeOptions {
  seed: number;
  /** trajectories per setting, split evenly over the batches */
  trajectories: number;
  /** independent seeds per setting (default 1); ≥ 2 gives standard errors of contrasts */
  batches?: number;
  /**
   * worker threads per evaluation (default 1): each setting is a separate, usually small run, so
   * a pool pays off only when a setting has many thousands of trajectories
   */
  workers?: number;
  /** where each setting's blocks run (a job queue, src/queue/); the numbers do not depend on it */
  executor?: EvaluateOptions["executor"];
  /** settings an analysis may run at once (default 1); worth raising only with an executor */
  concurrency?: number;
  /** called with the number of trajectories simulated so far (all settings) */
  onTrajectories?: (count: number) => void;
}

/** Seed of batch b: the run's own seed for b = 0, then a Weyl sequence mod 2^32. */
export function batchSeed(seed: number, batch: number): number {
  return (seed + Math.imul(batch, 0x9e3779b1)) >>> 0;
}

export function simulatorProbe(scenario: Scenario, options: SimulatorProbeOptions): ScenarioProbe {
  const batches = options.batches ?? 1;
  if (!Number.isInteger(batches) || batches < 1 || batches > 1000) throw new InputError(`batches must be an integer in 1..1000, got ${batches}`);
  const perBatch = Math.ceil(options.trajectories / batches);
  if (perBatch < 2) throw new InputError(`each of the ${batches} batches needs at least 2 trajectories; raise --trajectories`);
  const perspectives = [BASELINE, ...Object.keys(scenario.perspectives)];
  let simulated = 0;
  return {
    options: scenario.options.map((o) => o.id),
    perspectives,
    batches,
    trajectories: perBatch * batches,
    concurrency: options.concurrency ?? 1,
    priorsOf(perspective: string) {
      if (perspective === BASELINE) return { ...scenario.parameters };
      const found = scenario.perspectives[perspective];
      if (!found) throw new InputError(`unknown perspective "${perspective}"; the scenario has ${perspectives.join(", ")}`);
      return { ...scenario.parameters, ...found.overrides };
    },
    async run(setting, wanted) {
      const out = new Map<string, OptionOutcomes>();
      for (const id of wanted) out.set(id, Object.fromEntries(OUTCOME_NAMES.map((n) => [n, new Float64Array(batches)])) as OptionOutcomes);
      for (let b = 0; b < batches; b++) {
        const result = await evaluate(scenario, {
          seed: batchSeed(options.seed, b),
          trajectories: perBatch,
          options: [...wanted],
          perspectives: [setting.perspective],
          overrides: setting.overrides,
          workers: options.workers,
          ...(options.executor ? { executor: options.executor } : {}),
        });
        for (const row of result.results) {
          const target = out.get(row.option);
          if (!target) continue;
          for (const name of OUTCOME_NAMES) target[name][b] = row.outcomes[name].mean;
        }
        simulated += perBatch * wanted.length;
        options.onTrajectories?.(simulated);
      }
      return out;
    },
  };
}

/** The quantity an analysis studies: an outcome of one option, or its difference from another's. */
export type Target = AnalysisTarget;

export function describeTarget(target: Target): string {
  return target.versus ? `${target.outcome}(${target.option}) − ${target.outcome}(${target.versus})` : `${target.outcome}(${target.option})`;
}

/** Batch values of a target from a probe's answer. */
export function targetBatches(outcomes: Map<string, OptionOutcomes>, target: Target): Float64Array {
  const of = (option: string) => {
    const values = outcomes.get(option)?.[target.outcome];
    if (!values) throw new InputError(`option "${option}" was not evaluated`);
    return values;
  };
  const a = of(target.option);
  const result = target.versus ? Float64Array.from(a, (v, i) => v - of(target.versus as string)[i]) : Float64Array.from(a);
  if (result.some((v) => !Number.isFinite(v))) {
    throw new InputError(
      `${describeTarget(target)} is undefined for some runs (e.g. a war-resumption outcome when no trajectory accepted the option); choose another outcome such as "loss"`,
    );
  }
  return result;
}

/** Mean of batch values and its standard error (NaN with one batch). */
export const batchEstimate = (values: Float64Array): { mean: number; se: number } => replicateEstimate(values);
