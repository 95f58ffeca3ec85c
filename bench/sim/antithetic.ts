/**
 * Would antithetic parameter draws pay? Trajectories 2m and 2m+1 take u and 1 − u for every
 * parameter (their dynamics stay independent); the gain is Var(single) / (2·Var(pair mean)),
 * the factor by which the trajectory count could shrink for the same standard error.
 */
import { bareCeasefire } from "../../src/models/commitments.js";
import { PARAMETERS } from "../../src/contract/parameters.js";
import type { Scenario } from "../../src/scenario/load.js";
import { priorQuantile } from "../../src/scenario/prior-quantile.js";
import { Aggregate, ROW_WIDTH, TRAJECTORY_VALUES, VALUE_COUNT } from "../../src/sim/aggregate.js";
import { drawPlan } from "../../src/sim/draws.js";
import { EventSimulator } from "../../src/sim/steppers/event.js";
import { electionTimetable, makePlan, settlementFacts } from "../../src/sim/plan.js";
import { actorFacts } from "../../src/sim/context.js";
import { hashString, uniformAt } from "../../src/math/random.js";
import type { OutcomeName } from "../../src/contract/result.js";

const PAIRS = 4096;
const OUTCOMES = ["p_sphere_at_horizon", "expected_war_months", "p_direct_guarantor_war", "loss"] as const;
const OPTIONS = ["ceasefire-only", "article5-treaty", "neutrality-istanbul"];

function variance(xs: Float64Array): number {
  let s = 0;
  let s2 = 0;
  for (const x of xs) {
    s += x;
    s2 += x * x;
  }
  return (s2 - (s * s) / xs.length) / (xs.length - 1);
}

export function antitheticGains(scenario: Scenario): string[] {
  const plan = makePlan(scenario, { perspectives: ["baseline"], options: OPTIONS });
  const guarantors = scenario.actors.guarantors;
  const actors = actorFacts(scenario.actors);
  const weights = new Float64Array(VALUE_COUNT);
  TRAJECTORY_VALUES.forEach((name, k) => (weights[k] = scenario.lossWeights[name as OutcomeName] ?? 0));
  const simulator = new EventSimulator(plan.seed, plan.months, actors, electionTimetable(guarantors, plan.months), weights);
  const draws = drawPlan(plan.perspectives[0].priors, scenario.mechanisms);
  const keys = PARAMETERS.map((p) => hashString(`parameter:${p.name}`));
  const theta = new Float64Array(PARAMETERS.length);
  const fallback = bareCeasefire(guarantors, scenario.status_quo, settlementFacts(scenario));
  /** Values of trajectory i whose parameter uniforms are those of trajectory `source`, flipped or not. */
  const simulate = (option: number, i: number, source: number, flip: boolean): Float64Array => {
    for (let k = 0; k < theta.length; k++) {
      const u = uniformAt(plan.seed, source, keys[k]);
      theta[k] = priorQuantile(draws.priors[k], flip ? 1 - u : u);
    }
    for (const f of draws.forced) theta[f.index] = f.value;
    const agg = new Aggregate(plan.months, 1);
    simulator.run(plan.options[option], fallback, theta, 0, i, agg);
    return agg.rows!.subarray(0, ROW_WIDTH);
  };
  return plan.options.map((option, o) => {
    const single = OUTCOMES.map(() => new Float64Array(2 * PAIRS));
    const pairMean = OUTCOMES.map(() => new Float64Array(PAIRS));
    for (let i = 0; i < 2 * PAIRS; i++) {
      const row = simulate(o, i, i, false);
      OUTCOMES.forEach((name, j) => (single[j][i] = row[TRAJECTORY_VALUES.indexOf(name)]));
    }
    for (let m = 0; m < PAIRS; m++) {
      const a = Float64Array.from(simulate(o, 2 * m, 2 * m, false));
      const b = simulate(o, 2 * m + 1, 2 * m, true);
      OUTCOMES.forEach((name, j) => (pairMean[j][m] = (a[TRAJECTORY_VALUES.indexOf(name)] + b[TRAJECTORY_VALUES.indexOf(name)]) / 2));
    }
    const gains = OUTCOMES.map((name, j) => `${name} ${(variance(single[j]) / (2 * variance(pairMean[j]))).toFixed(2)}×`);
    return `${option.id}: ${gains.join(", ")}`;
  });
}
