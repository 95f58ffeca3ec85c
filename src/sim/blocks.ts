/**
 * One block of work: BLOCK_SIZE trajectories under every perspective and option, simulated with
 * common random numbers (parameters a perspective does not override are drawn once). Run inline
 * or inside a worker thread; the numbers depend only on (seed, block), never on where it runs.
 */
import "./inlining.js";
import { PARAMETERS } from "../contract/parameters.js";
import { bareCeasefire, type OptionFeatures } from "../models/commitments.js";
import { actorFacts } from "./context.js";
import type { Scenario } from "../scenario/load.js";
import { Aggregate, TRAJECTORY_VALUES, VALUE_COUNT } from "./aggregate.js";
import { drawParameters, drawParametersReusing, drawPlan, sharedParameters, type DrawPlan } from "./draws.js";
import { EventSimulator } from "./steppers/event.js";
import { MonthlySimulator } from "./steppers/monthly.js";
import type { TrajectorySimulator, TrajectorySimulatorClass } from "./steppers/simulator.js";
import { BLOCK_SIZE, electionTimetable, makePlan, settlementFacts, type Plan, type PlanOptions } from "./plan.js";
import type { OutcomeName } from "../contract/result.js";
import type { LossWeights } from "../contract/loss.js";

/** What a worker is told once: the scenario, the plan's options and whether to keep rows. */
export interface BlockJob {
  scenario: Scenario;
  planOptions: PlanOptions;
  keepRows: boolean;
  /** injected by the tests of failures only (evaluateWithFaults): the block with this index throws, as a bug would */
  failAtBlock?: number;
}

export interface BlockTask {
  block: number;
}

export class BlockRunner {
  readonly plan: Plan;
  private readonly simulator: TrajectorySimulator;
  private readonly fallback: OptionFeatures;
  private readonly draws: DrawPlan[];
  private readonly shared: Uint8Array[];
  private readonly theta: Float64Array[];
  /** the loss weights per trajectory value of each perspective (docs/MODEL.md §8) */
  private readonly perspectiveWeights: Float64Array[];
  /** the simulator's loss weights: the running perspective's row is copied in before its trajectories */
  private readonly weights: Float64Array;

  constructor(private readonly job: BlockJob) {
    const { scenario } = job;
    const plan = makePlan(scenario, job.planOptions);
    this.plan = plan;
    const guarantors = scenario.actors.guarantors;
    const actors = actorFacts(scenario.actors);
    const elections = electionTimetable(guarantors, plan.months);
    this.perspectiveWeights = plan.perspectives.map((p) => lossWeightArray(p.lossWeights));
    this.weights = Float64Array.from(this.perspectiveWeights[0]);
    const Simulator: TrajectorySimulatorClass = plan.mode === "monthly" ? MonthlySimulator : EventSimulator;
    this.simulator = new Simulator(plan.seed, plan.months, actors, elections, this.weights);
    this.fallback = bareCeasefire(guarantors, scenario.status_quo, settlementFacts(scenario));
    this.draws = plan.perspectives.map((p) => drawPlan(p.priors, scenario.mechanisms));
    this.shared = this.draws.map((d) => sharedParameters(d, this.draws[0]));
    this.theta = this.draws.map(() => new Float64Array(BLOCK_SIZE * PARAMETERS.length));
  }

  /** Trajectories first … first + count − 1 of a block (the last block may be short). */
  static range(block: number, trajectories: number): { first: number; count: number } {
    const first = block * BLOCK_SIZE;
    return { first, count: Math.max(0, Math.min(BLOCK_SIZE, trajectories - first)) };
  }

  /**
   * Simulate the first `count` trajectories of block 0 (first perspective) under option `o` into
   * `agg`, reusing the parameter draws of the last `run`: the simulator's hot loop alone, for
   * benchmarks of allocation and speed.
   */
  simulateOnly(o: number, count: number, agg: Aggregate): void {
    const K = PARAMETERS.length;
    this.weights.set(this.perspectiveWeights[0]);
    for (let i = 0; i < count; i++) this.simulator.run(this.plan.options[o], this.fallback, this.theta[0], i * K, i, agg);
  }

  /** One aggregate per perspective and option: index p·(option count) + o. */
  run(task: BlockTask, trajectories: number): Aggregate[] {
    if (task.block === this.job.failAtBlock) throw new Error(`injected failure in block ${task.block}`);
    const { first, count } = BlockRunner.range(task.block, trajectories);
    const K = PARAMETERS.length;
    const seed = this.plan.seed;
    this.draws.forEach((draw, p) => {
      if (p === 0) drawParameters(draw, seed, first, count, this.theta[0]);
      else drawParametersReusing(draw, seed, first, count, this.theta[p], this.theta[0], this.shared[p]);
    });
    const byPerspective = this.draws.map(() => this.plan.options.map(() => new Aggregate(this.plan.months, this.job.keepRows ? count : 0, this.job.scenario.actors.guarantors.length)));
    // trajectory by trajectory, so that what a trajectory draws once (its election results) serves every perspective
    for (let i = 0; i < count; i++)
      for (let p = 0; p < byPerspective.length; p++) {
        this.weights.set(this.perspectiveWeights[p]);
        this.simulator.runOptions(this.plan.options, this.fallback, this.theta[p], i * K, first + i, byPerspective[p]);
      }
    return byPerspective.flat();
  }
}

/** Loss weights by trajectory value, in the simulator's order (`loss` itself has weight 0). */
export function lossWeightArray(weights: LossWeights): Float64Array {
  const out = new Float64Array(VALUE_COUNT);
  TRAJECTORY_VALUES.forEach((name, k) => (out[k] = weights[name as OutcomeName] ?? 0));
  return out;
}
