/**
 * One block of work: BLOCK_SIZE trajectories of one perspective under every option, simulated
 * with common random numbers. Run inline or inside a worker thread; the numbers depend only on
 * (seed, perspective, block), never on where the block runs.
 */
import { PARAMETERS } from "../models/parameters.js";
import { bareCeasefire, type OptionFeatures } from "../models/commitments.js";
import type { Scenario } from "../scenario/load.js";
import { Aggregate, TRAJECTORY_VALUES, VALUE_COUNT } from "./aggregate.js";
import { drawParameters, drawPlan, type DrawPlan } from "./draws.js";
import { EventSimulator } from "./event.js";
import { MonthlySimulator } from "./monthly.js";
import { BLOCK_SIZE, electionTimetable, makePlan, type Plan, type PlanOptions } from "./plan.js";
import type { OutcomeName } from "./result.js";

/** What a worker is told once: the scenario, the plan's options and whether to keep rows. */
export interface BlockJob {
  scenario: Scenario;
  planOptions: PlanOptions;
  keepRows: boolean;
  /** testing hook: the block with this index throws, as a bug in a worker would */
  failAtBlock?: number;
}

export interface BlockTask {
  perspective: number;
  block: number;
}

export class BlockRunner {
  readonly plan: Plan;
  private readonly simulator: MonthlySimulator | EventSimulator;
  private readonly fallback: OptionFeatures;
  private readonly draws: DrawPlan[];
  private readonly theta = new Float64Array(BLOCK_SIZE * PARAMETERS.length);

  constructor(private readonly job: BlockJob) {
    const { scenario } = job;
    const plan = makePlan(scenario, job.planOptions);
    this.plan = plan;
    const guarantors = scenario.actors.guarantors;
    const actors = {
      challengerNuclear: scenario.actors.challenger.nuclear,
      guarantorNuclear: guarantors.map((g) => g.nuclear),
      spoilerBaseRate: scenario.actors.spoilers.reduce((a, s) => a + s.base_rate_per_year, 0),
    };
    const elections = electionTimetable(guarantors, plan.months);
    const weights = new Float64Array(VALUE_COUNT);
    TRAJECTORY_VALUES.forEach((name, k) => (weights[k] = scenario.lossWeights[name as OutcomeName] ?? 0));
    const Simulator = plan.mode === "monthly" ? MonthlySimulator : EventSimulator;
    this.simulator = new Simulator(plan.seed, plan.months, actors, elections, weights);
    this.fallback = bareCeasefire(guarantors.length);
    this.draws = plan.perspectives.map((p) => drawPlan(p.priors, scenario.mechanisms));
  }

  /** Trajectories first … first + count − 1 of a block (the last block may be short). */
  static range(block: number, trajectories: number): { first: number; count: number } {
    const first = block * BLOCK_SIZE;
    return { first, count: Math.max(0, Math.min(BLOCK_SIZE, trajectories - first)) };
  }

  /** One aggregate per option, in the plan's option order. */
  run(task: BlockTask, trajectories: number): Aggregate[] {
    if (task.block === this.job.failAtBlock) throw new Error(`injected failure in block ${task.block}`);
    const { first, count } = BlockRunner.range(task.block, trajectories);
    const K = PARAMETERS.length;
    drawParameters(this.draws[task.perspective], this.plan.seed, first, count, this.theta);
    return this.plan.options.map((features) => {
      const part = new Aggregate(this.plan.months, this.job.keepRows ? count : 0);
      for (let i = 0; i < count; i++) this.simulator.run(features, this.fallback, this.theta, i * K, first + i, part);
      return part;
    });
  }
}
