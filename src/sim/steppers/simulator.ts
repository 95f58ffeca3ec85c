/**
 * What a stepper is: it simulates one trajectory of the chain (src/sim/chain/) with parameters θ
 * under an option, and adds it to an aggregate. Two implementations, the same law: monthly (the
 * reference) and event-driven (fast); test/sim/stepper-contract.test.ts runs them both.
 */
import type { OptionFeatures } from "../../models/commitments.js";
import type { ActorFacts } from "../context.js";
import type { Aggregate } from "../aggregate.js";
import type { GuarantorTimetable } from "../chain/elections.js";

export interface TrajectorySimulator {
  /** Simulate trajectory `index` with parameters θ at theta[o…] under `features`; add it to `agg`. */
  run(features: OptionFeatures, fallback: OptionFeatures, theta: Float64Array, o: number, index: number, agg: Aggregate): void;
  /** Trajectory `index` under each of `options`, into parts[k]: the same as `run` for each, maybe faster. */
  runOptions(options: readonly OptionFeatures[], fallback: OptionFeatures, theta: Float64Array, o: number, index: number, parts: readonly Aggregate[]): void;
}

/**
 * How a stepper is made: the seed, the horizon in months, the actors, the elections and the loss
 * weights per trajectory value. The weights are read when each trajectory is recorded, so the
 * caller may rewrite them between calls (src/sim/blocks.ts: each perspective's own weights).
 */
export type TrajectorySimulatorClass = new (
  seed: number,
  months: number,
  actors: ActorFacts,
  elections: GuarantorTimetable,
  lossWeights: Float64Array,
) => TrajectorySimulator;
