/**
 * What an evaluation will compute, checked once: seed, trajectory count, horizon, the options'
 * features and each perspective's priors. Built from a scenario and evaluation options the same
 * way on the main thread and in every worker, so both agree on every block of work.
 */
import { InputError } from "../errors.js";
import { PARAMETERS } from "../contract/parameters.js";
import { optionFeatures, type OptionFeatures, type SettlementFacts } from "../models/commitments.js";
import type { Scenario } from "../scenario/load.js";
import type { Prior } from "../scenario/prior.js";
import { didYouMean } from "../math/suggest.js";
import type { GuarantorTimetable } from "./chain/elections.js";
import { perspectiveLossWeights, type LossWeights } from "../contract/loss.js";
import { checkRunOptions, describeRunOptionsProblems, DEFAULT_SEED, DEFAULT_TRAJECTORIES, RUN_LIMITS } from "../contract/run-options.js";

export const BASELINE = "baseline";
/**
 * Trajectories per block: the unit of aggregation. Partial aggregates of blocks are merged in
 * block order, so any split of the blocks over workers or tasks gives the same bits.
 */
export const BLOCK_SIZE = 1024;
export { DEFAULT_SEED, DEFAULT_TRAJECTORIES } from "../contract/run-options.js";
export const MAX_TRAJECTORIES = RUN_LIMITS.maxTrajectories;

/** "event": jump from event to event (default); "monthly": step every month (the reference). */
export type SimulationMode = "event" | "monthly";

/** The part of the evaluation options a worker needs: plain data, no callbacks. */
export interface PlanOptions {
  seed?: number;
  trajectories?: number;
  horizonYears?: number;
  /** option ids to evaluate (default: all) */
  options?: string[];
  /** perspective ids (default: all the scenario's; "baseline" = the scenario's own priors) */
  perspectives?: string[];
  /** replace priors of this run, applied over every perspective (sensitivity analysis) */
  overrides?: Record<string, Prior>;
  mode?: SimulationMode;
}

export interface PerspectivePlan {
  id: string;
  label: string;
  source: string;
  priors: Record<string, Prior>;
  /** the weights of this perspective's loss: the scenario's with the perspective's own (docs/MODEL.md §8) */
  lossWeights: LossWeights;
}

export interface Plan {
  seed: number;
  trajectories: number;
  months: number;
  mode: SimulationMode;
  options: OptionFeatures[];
  perspectives: PerspectivePlan[];
}

function pick<T extends { id: string }>(kind: string, all: T[], wanted: string[] | undefined): T[] {
  if (!wanted) return all;
  return wanted.map((w) => {
    const found = all.find((x) => x.id === w);
    if (!found) {
      const guess = didYouMean(w, all.map((x) => x.id));
      throw new InputError(`unknown ${kind} "${w}"; the scenario has ${all.map((x) => x.id).join(", ")}${guess ? ` (did you mean "${guess}"?)` : ""}`);
    }
    return found;
  });
}

export function makePlan(scenario: Scenario, opts: PlanOptions): Plan {
  const seed = opts.seed ?? scenario.seed ?? DEFAULT_SEED;
  const trajectories = opts.trajectories ?? scenario.trajectories ?? DEFAULT_TRAJECTORIES;
  const horizon = opts.horizonYears ?? scenario.horizon_years;
  const mode = opts.mode ?? "event";
  // the run's own values were checked by evaluate(); these may come from the scenario
  const checked = checkRunOptions({ seed, trajectories, horizonYears: horizon, mode });
  if (!checked.ok) throw new InputError(describeRunOptionsProblems(checked.problems));
  const guarantors = scenario.actors.guarantors;
  const options = pick("option", scenario.options, opts.options).map((o) => optionFeatures(o, guarantors, settlementFacts(scenario)));
  const all = [
    { id: BASELINE, label: "the scenario's own priors", source: scenario.name, overrides: {} as Record<string, Prior>, lossWeights: scenario.lossWeights },
    ...Object.entries(scenario.perspectives).map(([id, p]) => ({
      id,
      label: p.label ?? id,
      source: p.source,
      overrides: p.overrides,
      lossWeights: perspectiveLossWeights(scenario.lossWeights, p.loss_weights),
    })),
  ];
  const defaultPerspectives = all.length > 1 ? all.slice(1) : all;
  const chosen = opts.perspectives ? pick("perspective", all, opts.perspectives) : defaultPerspectives;
  for (const name of Object.keys(opts.overrides ?? {}))
    if (!PARAMETERS.some((p) => p.name === name)) throw new InputError(`cannot override unknown parameter "${name}"`);
  return {
    seed,
    trajectories,
    months: Math.max(1, Math.round(horizon * 12)),
    mode,
    options,
    perspectives: chosen.map((p) => ({ id: p.id, label: p.label, source: p.source, priors: { ...scenario.parameters, ...p.overrides, ...opts.overrides }, lossWeights: p.lossWeights })),
  };
}

/** What the commitments are read against: the challenger's id (it may guarantee a neutrality) and the protégé's forces. */
export function settlementFacts(scenario: Scenario): SettlementFacts {
  return { challengerId: scenario.actors.challenger.id, peacetimeForces: scenario.actors.protege.peacetime_forces };
}

export function electionTimetable(guarantors: Scenario["actors"]["guarantors"], months: number): GuarantorTimetable {
  const interval = Int32Array.from(guarantors.map((g) => g.election_interval_months ?? 0));
  const first = Int32Array.from(guarantors.map((g) => g.first_election_month ?? g.election_interval_months ?? 0));
  const anyInMonth = new Uint8Array(months);
  guarantors.forEach((_, j) => {
    if (interval[j] > 0) for (let t = first[j]; t < months; t += interval[j]) anyInMonth[t] = 1;
  });
  return { interval, first, anyInMonth };
}
