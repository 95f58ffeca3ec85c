/**
 * Evaluation: scenario × options × perspectives × seed × trajectories → outcome estimates
 * (DESIGN §3). Trajectories are processed in fixed-size chunks whose partial aggregates are
 * merged in chunk order, so results do not depend on scheduling.
 */
import { InputError } from "../errors.js";
import { PARAMETERS } from "../models/parameters.js";
import { bareCeasefire, optionFeatures, type OptionFeatures } from "../models/commitments.js";
import type { Scenario } from "../scenario/load.js";
import type { Prior } from "../scenario/prior.js";
import { didYouMean } from "../scenario/issues.js";
import { Aggregate, TRAJECTORY_VALUES, VALUE_COUNT } from "./aggregate.js";
import { drawParameters, drawPlan } from "./draws.js";
import { MonthlySimulator, type GuarantorTimetable } from "./monthly.js";
import type { EvaluationResult, OptionPerspectiveResult, OutcomeName, Progress, RankingEntry } from "./result.js";

export const BASELINE = "baseline";
export const CHUNK_SIZE = 1024;
export const DEFAULT_SEED = 20251;
export const DEFAULT_TRAJECTORIES = 10_000;

export interface EvaluateOptions {
  seed?: number;
  trajectories?: number;
  horizonYears?: number;
  /** option ids to evaluate (default: all) */
  options?: string[];
  /** perspective ids (default: all the scenario's; "baseline" = the scenario's own priors) */
  perspectives?: string[];
  /** replace priors of this run, applied over every perspective (sensitivity analysis) */
  overrides?: Record<string, Prior>;
  onProgress?: (p: Progress) => void;
}

interface Plan {
  seed: number;
  trajectories: number;
  months: number;
  options: OptionFeatures[];
  perspectives: { id: string; label: string; source: string; priors: Record<string, Prior> }[];
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

function plan(scenario: Scenario, opts: EvaluateOptions): Plan {
  const seed = opts.seed ?? scenario.seed ?? DEFAULT_SEED;
  const trajectories = opts.trajectories ?? scenario.trajectories ?? DEFAULT_TRAJECTORIES;
  const horizon = opts.horizonYears ?? scenario.horizon_years;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new InputError(`seed must be an integer in [0, 2^32 − 1], got ${seed}`);
  if (!Number.isInteger(trajectories) || trajectories < 2 || trajectories > 100_000_000)
    throw new InputError(`trajectories must be an integer between 2 and 100,000,000, got ${trajectories}`);
  if (!(horizon > 0 && horizon <= 100)) throw new InputError(`horizon must be between 0 and 100 years, got ${horizon}`);
  const guarantors = scenario.actors.guarantors;
  const options = pick("option", scenario.options, opts.options).map((o) => optionFeatures(o, guarantors));
  const all = [
    { id: BASELINE, label: "the scenario's own priors", source: scenario.name, overrides: {} as Record<string, Prior> },
    ...Object.entries(scenario.perspectives).map(([id, p]) => ({ id, label: p.label ?? id, source: p.source, overrides: p.overrides })),
  ];
  const defaultPerspectives = all.length > 1 ? all.slice(1) : all;
  const chosen = opts.perspectives ? pick("perspective", all, opts.perspectives) : defaultPerspectives;
  for (const name of Object.keys(opts.overrides ?? {}))
    if (!PARAMETERS.some((p) => p.name === name)) throw new InputError(`cannot override unknown parameter "${name}"`);
  return {
    seed,
    trajectories,
    months: Math.max(1, Math.round(horizon * 12)),
    options,
    perspectives: chosen.map((p) => ({ id: p.id, label: p.label, source: p.source, priors: { ...scenario.parameters, ...p.overrides, ...opts.overrides } })),
  };
}

export async function evaluate(scenario: Scenario, opts: EvaluateOptions = {}): Promise<EvaluationResult> {
  const run = plan(scenario, opts);
  const { seed, trajectories, months } = run;
  const guarantors = scenario.actors.guarantors;
  const actors = {
    challengerNuclear: scenario.actors.challenger.nuclear,
    guarantorNuclear: guarantors.map((g) => g.nuclear),
    spoilerBaseRate: scenario.actors.spoilers.reduce((a, s) => a + s.base_rate_per_year, 0),
  };
  const elections = electionTimetable(guarantors, months);
  const weights = new Float64Array(VALUE_COUNT);
  TRAJECTORY_VALUES.forEach((name, k) => (weights[k] = scenario.lossWeights[name as OutcomeName] ?? 0));
  const sim = new MonthlySimulator(seed, months, actors, elections, weights);
  const fallback = bareCeasefire(guarantors.length);
  const K = PARAMETERS.length;
  const theta = new Float64Array(CHUNK_SIZE * K);
  const chunks = Math.ceil(trajectories / CHUNK_SIZE);
  const total = run.perspectives.length * trajectories * run.options.length;
  let done = 0;
  const results: OptionPerspectiveResult[] = [];

  for (const perspective of run.perspectives) {
    const draw = drawPlan(perspective.priors, scenario.mechanisms);
    const totals = run.options.map(() => new Aggregate(months));
    for (let c = 0; c < chunks; c++) {
      const first = c * CHUNK_SIZE;
      const count = Math.min(CHUNK_SIZE, trajectories - first);
      drawParameters(draw, seed, first, count, theta);
      run.options.forEach((features, oi) => {
        const part = new Aggregate(months);
        for (let i = 0; i < count; i++) sim.run(features, fallback, theta, i * K, first + i, part);
        totals[oi].merge(part);
      });
      done += count * run.options.length;
      if (opts.onProgress) {
        opts.onProgress({ done, total });
        await new Promise((r) => setImmediate(r));
      }
    }
    run.options.forEach((o, oi) => results.push(totals[oi].finish(o.id, perspective.id)));
  }

  return {
    scenario: scenario.name,
    seed,
    trajectories,
    horizon_years: months / 12,
    options: run.options.map((o) => ({ id: o.id, label: o.label })),
    perspectives: run.perspectives.map((p) => ({ id: p.id, label: p.label, source: p.source })),
    loss_weights: scenario.lossWeights,
    results,
    ranking: run.perspectives.map((p) => ({ perspective: p.id, order: rank(results.filter((r) => r.perspective === p.id)) })),
  };
}

function electionTimetable(guarantors: Scenario["actors"]["guarantors"], months: number): GuarantorTimetable {
  const interval = Int32Array.from(guarantors.map((g) => g.election_interval_months ?? 0));
  const first = Int32Array.from(guarantors.map((g) => g.first_election_month ?? g.election_interval_months ?? 0));
  const anyInMonth = new Uint8Array(months);
  guarantors.forEach((_, j) => {
    if (interval[j] > 0) for (let t = first[j]; t < months; t += interval[j]) anyInMonth[t] = 1;
  });
  return { interval, first, anyInMonth };
}

function rank(rows: OptionPerspectiveResult[]): RankingEntry[] {
  return rows
    .map((r) => ({ option: r.option, loss: r.outcomes.loss }))
    .sort((a, b) => a.loss.mean - b.loss.mean)
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
