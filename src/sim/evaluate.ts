/**
 * Evaluation: scenario × options × perspectives × seed × trajectories → outcome estimates
 * (docs/SIMULATION.md). Work is cut into blocks of BLOCK_SIZE trajectories, run inline or on a pool of
 * worker threads; block aggregates are merged in block order, so results are bit-identical for
 * any number of workers. With a precision target it runs in rounds until every probability's
 * standard error is below it (or a cap is reached).
 */
import { availableParallelism } from "node:os";
import { InputError } from "../errors.js";
import { checkRunOptions, DEFAULT_MAX_TRAJECTORIES, describeRunOptionsProblems, workerLimit, type RunOptions } from "../contract/run-options.js";
import type { Scenario } from "../scenario/load.js";
import { Aggregate, V, meanEstimate, type AggregateData } from "./aggregate.js";
import { BlockRunner, type BlockJob, type BlockTask } from "./blocks.js";
import { BLOCK_SIZE, makePlan, type Plan, type PlanOptions } from "./plan.js";
import { BlockPool } from "./pool.js";
import { OUTCOMES } from "../contract/outcomes.js";
import type { EvaluationResult, OptionPerspectiveResult, OutcomeName, PrecisionReport, Progress, ProgressEstimate, RankingEntry } from "../contract/result.js";

export { BASELINE, BLOCK_SIZE, DEFAULT_SEED, DEFAULT_TRAJECTORIES, type SimulationMode } from "./plan.js";
export { DEFAULT_MAX_TRAJECTORIES } from "../contract/run-options.js";

/** Per-trajectory values of one block (rows of ROW_WIDTH numbers per option), in trajectory order. */
export interface TrajectoryRows {
  perspective: string;
  /** index of the block's first trajectory */
  first: number;
  count: number;
  options: string[];
  /** rows[o]: count × ROW_WIDTH values of option o */
  rows: Float64Array[];
}

export interface EvaluateOptions extends PlanOptions {
  onProgress?: (p: Progress) => void;
  /** worker threads (default 1 in the library; the CLI defaults to the number of cores) */
  workers?: number;
  /** run until every probability outcome's standard error is at most this */
  precision?: number;
  /** cap on trajectories per option and perspective for a precision run (default 1,000,000) */
  maxTrajectories?: number;
  /** receives every trajectory's values, block by block in trajectory order (--trajectories-out) */
  onTrajectories?: (rows: TrajectoryRows) => void;
  /** wall-clock limit in seconds, checked between blocks; past it the promise rejects */
  timeLimitSeconds?: RunOptions["timeLimitSeconds"];
  /** stops the run between blocks; the promise then rejects and no result is returned */
  signal?: AbortSignal;
  /**
   * Where the blocks run instead of inline or on worker threads (e.g. a job queue, src/queue/):
   * called once per evaluation with the job every block belongs to. Results must not depend on it.
   */
  executor?: (job: BlockJob) => Executor;
}

/** Runs block tasks and hands their aggregates back in task order. */
export interface Executor {
  /** `signal`: the evaluation was cancelled (an executor that can stop its outstanding work early does; the others finish the block in hand) */
  run(tasks: (BlockTask & { trajectories: number })[], deliver: (index: number, parts: AggregateData[]) => void, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

function inlineExecutor(job: BlockJob, yieldBetweenBlocks: boolean): Executor {
  const runner = new BlockRunner(job);
  return {
    async run(tasks, deliver) {
      for (let i = 0; i < tasks.length; i++) {
        deliver(i, runner.run(tasks[i], tasks[i].trajectories));
        if (yieldBetweenBlocks) await new Promise((r) => setImmediate(r));
      }
    },
    close: async () => {},
  };
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** The run options among `opts`, checked against the one contract (src/contract/run-options.ts). */
function checkOptions(opts: EvaluateOptions): number {
  const runOptions: Record<string, unknown> = {};
  for (const key of RUN_OPTION_KEYS) if (opts[key] !== undefined) runOptions[key] = opts[key];
  const checked = checkRunOptions(runOptions, { workers: workerLimit(availableParallelism()) });
  if (!checked.ok) throw new InputError(describeRunOptionsProblems(checked.problems));
  return opts.workers ?? 1;
}

const RUN_OPTION_KEYS = ["seed", "trajectories", "horizonYears", "options", "perspectives", "mode", "workers", "precision", "maxTrajectories", "timeLimitSeconds"] as const;

export async function evaluate(scenario: Scenario, opts: EvaluateOptions = {}): Promise<EvaluationResult> {
  return evaluateWithFaults(scenario, opts, {});
}

/** Failures injected into a run, for the tests of how a run fails (not part of the library's options). */
export interface InjectedFaults {
  /** the block with this index throws inside the simulator, as a bug would */
  failAtBlock?: number;
}

/** evaluate() with `faults` injected into its blocks (inline or in the workers). */
export async function evaluateWithFaults(scenario: Scenario, opts: EvaluateOptions, faults: InjectedFaults): Promise<EvaluationResult> {
  const workers = checkOptions(opts);
  const plan = makePlan(scenario, opts);
  const deadline = opts.timeLimitSeconds === undefined ? Infinity : Date.now() + opts.timeLimitSeconds * 1000;
  const { onProgress, onTrajectories } = opts;
  const planOptions: PlanOptions = { seed: opts.seed, trajectories: opts.trajectories, horizonYears: opts.horizonYears, options: opts.options, perspectives: opts.perspectives, overrides: opts.overrides, mode: opts.mode };
  const job: BlockJob = { scenario, planOptions, keepRows: onTrajectories !== undefined, failAtBlock: faults.failAtBlock };
  const executor: Executor = opts.executor ? opts.executor(job) : workers > 1 ? new BlockPool(workers, job) : inlineExecutor(job, onProgress !== undefined);
  const states = scenario.actors.guarantors.length;
  const totals = plan.perspectives.map(() => plan.options.map(() => new Aggregate(plan.months, 0, states)));
  const maxTrajectories = opts.precision === undefined ? plan.trajectories : (opts.maxTrajectories ?? DEFAULT_MAX_TRAJECTORIES);
  let target = opts.precision === undefined ? plan.trajectories : Math.min(maxTrajectories, roundUpToBlock(plan.trajectories));
  let doneBlocks = 0;
  let done = 0;
  try {
    for (;;) {
      const blocks = Math.ceil(target / BLOCK_SIZE);
      const tasks: (BlockTask & { trajectories: number })[] = [];
      for (let b = doneBlocks; b < blocks; b++) tasks.push({ block: b, trajectories: target });
      const total = plan.perspectives.length * plan.options.length * target;
      const deliver = (index: number, parts: AggregateData[]) => {
        if (opts.signal?.aborted) throw new InputError("the evaluation was cancelled");
        if (Date.now() > deadline) throw new InputError(`the evaluation passed its time limit of ${opts.timeLimitSeconds} s`);
        const task = tasks[index];
        const optionCount = plan.options.length;
        parts.forEach((part, k) => totals[Math.floor(k / optionCount)][k % optionCount].merge(part));
        const count = parts[0]?.n ?? 0;
        done += count * parts.length;
        if (onTrajectories) emitRows(plan, task, count, parts, onTrajectories);
        if (onProgress) onProgress({ done, total, estimates: estimates(plan, totals) });
      };
      // a cancelled executor stops with an error of its own, or none: either way the evaluation says it was cancelled
      await executor.run(tasks, deliver, opts.signal).catch((e: unknown) => {
        if (!opts.signal?.aborted) throw e;
      });
      if (opts.signal?.aborted) throw new InputError("the evaluation was cancelled");
      doneBlocks = blocks;
      if (opts.precision === undefined) break;
      const next = nextTarget(plan, totals, opts.precision, target, maxTrajectories);
      if (next <= target) break;
      target = next;
    }
  } finally {
    await executor.close();
  }
  return finishResult(scenario, plan, totals, target, opts.precision === undefined ? undefined : precisionReport(plan, totals, opts.precision, maxTrajectories));
}

function roundUpToBlock(n: number): number {
  return Math.ceil(n / BLOCK_SIZE) * BLOCK_SIZE;
}

function emitRows(plan: Plan, task: BlockTask, count: number, parts: AggregateData[], sink: (rows: TrajectoryRows) => void): void {
  const optionCount = plan.options.length;
  plan.perspectives.forEach((p, pi) =>
    sink({
      perspective: p.id,
      first: task.block * BLOCK_SIZE,
      count,
      options: plan.options.map((o) => o.id),
      rows: parts.slice(pi * optionCount, (pi + 1) * optionCount).map((d) => d.rows!),
    }),
  );
}

const PROBABILITY_OUTCOMES = OUTCOMES.filter((o) => o.kind === "probability").map((o) => o.name);

/** The largest standard error over every probability outcome of every option and perspective. */
function worstStandardError(plan: Plan, totals: Aggregate[][]): { se: number; option: string; perspective: string; outcome: OutcomeName } {
  let worst = { se: 0, option: plan.options[0].id, perspective: plan.perspectives[0].id, outcome: PROBABILITY_OUTCOMES[0] };
  totals.forEach((row, p) =>
    row.forEach((agg, o) => {
      const result = agg.finishOutcomes();
      for (const name of PROBABILITY_OUTCOMES) {
        const se = result[name].se;
        // an outcome conditional on acceptance has no standard error while nothing was accepted
        if (Number.isFinite(se) && se > worst.se) worst = { se, option: plan.options[o].id, perspective: plan.perspectives[p].id, outcome: name };
      }
    }),
  );
  return worst;
}

/** SE ∝ 1/√n, so n·(SE/target)² trajectories should reach the target; at least one more block. */
function nextTarget(plan: Plan, totals: Aggregate[][], precision: number, current: number, max: number): number {
  const { se } = worstStandardError(plan, totals);
  if (se <= precision || current >= max) return current;
  const needed = Math.ceil(current * (se / precision) ** 2);
  return Math.min(max, roundUpToBlock(Math.max(needed, current + BLOCK_SIZE)));
}

function precisionReport(plan: Plan, totals: Aggregate[][], precision: number, maxTrajectories: number): PrecisionReport {
  const worst = worstStandardError(plan, totals);
  return { target: precision, reached: worst.se, converged: worst.se <= precision, maxTrajectories, worst: { option: worst.option, perspective: worst.perspective, outcome: worst.outcome } };
}

function estimates(plan: Plan, totals: Aggregate[][]): ProgressEstimate[] {
  const out: ProgressEstimate[] = [];
  totals.forEach((row, p) =>
    row.forEach((agg, o) => {
      if (agg.n === 0) return;
      out.push({
        option: plan.options[o].id,
        perspective: plan.perspectives[p].id,
        trajectories: agg.n,
        loss: meanEstimate(agg.sum[V.loss], agg.sumSq[V.loss], agg.n),
        p_war_resumes_horizon: agg.warWithin(plan.months),
        p_sphere_at_horizon: meanEstimate(agg.sum[V.p_sphere_at_horizon], agg.sumSq[V.p_sphere_at_horizon], agg.n),
      });
    }),
  );
  return out;
}

function finishResult(scenario: Scenario, plan: Plan, totals: Aggregate[][], trajectories: number, precision: PrecisionReport | undefined): EvaluationResult {
  const results: OptionPerspectiveResult[] = [];
  plan.perspectives.forEach((p, pi) => plan.options.forEach((o, oi) => results.push(totals[pi][oi].finish(o.id, p.id, scenario.actors.guarantors.map((g) => g.id)))));
  return {
    scenario: scenario.name,
    seed: plan.seed,
    trajectories,
    horizon_years: plan.months / 12,
    options: plan.options.map((o) => ({ id: o.id, label: o.label })),
    perspectives: plan.perspectives.map((p) => ({ id: p.id, label: p.label, source: p.source, loss_weights: p.lossWeights })),
    loss_weights: scenario.lossWeights,
    results,
    ranking: plan.perspectives.map((p) => ({ perspective: p.id, order: rank(results.filter((r) => r.perspective === p.id)) })),
    mode: plan.mode,
    ...(precision ? { precision } : {}),
  };
}

function rank(rows: OptionPerspectiveResult[]): RankingEntry[] {
  return rows
    .map((r) => ({ option: r.option, loss: r.outcomes.loss }))
    .sort((a, b) => a.loss.mean - b.loss.mean)
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
