/**
 * The contract every TrajectorySimulator keeps, run against each of them (as one router test suite
 * runs against every router): determinism, independence from what ran before, runOptions = run,
 * and the chain's invariants. The statistical comparison of the two is test/sim/event-mode.test.ts.
 */
import { describe, expect, it } from "vitest";
import { bareCeasefire, offeredFeatures, type OptionFeatures } from "../../src/models/commitments.js";
import { P, PARAMETERS } from "../../src/contract/parameters.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { Aggregate, TRAJECTORY_VALUES, V, VALUE_COUNT, ROW_WIDTH } from "../../src/sim/aggregate.js";
import { drawParameters, drawPlan } from "../../src/sim/draws.js";
import { electionTimetable, makePlan, settlementFacts } from "../../src/sim/plan.js";
import { actorFacts, settlementAcceptance } from "../../src/sim/context.js";
import { KEY_ACCEPTANCE, KEY_OFFER } from "../../src/sim/chain/seeds.js";
import { uniformAt } from "../../src/math/random.js";
import { STATE_COUNT, STATE_NAMES } from "../../src/contract/states.js";
import { EventSimulator } from "../../src/sim/steppers/event.js";
import { MonthlySimulator } from "../../src/sim/steppers/monthly.js";
import type { TrajectorySimulator, TrajectorySimulatorClass } from "../../src/sim/steppers/simulator.js";

const STEPPERS: { name: string; Simulator: TrajectorySimulatorClass }[] = [
  { name: "monthly", Simulator: MonthlySimulator },
  { name: "event", Simulator: EventSimulator },
];
const N = 512;

/** The bundled scenario's options and N parameter draws under `perspective`, and a factory of fresh steppers. */
function setUp(Simulator: TrajectorySimulatorClass, perspective = "baseline", seed = 7) {
  const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
  const plan = makePlan(scenario, { perspectives: [perspective], seed, trajectories: N });
  const guarantors = scenario.actors.guarantors;
  const actors = actorFacts(scenario.actors);
  const weights = new Float64Array(VALUE_COUNT);
  TRAJECTORY_VALUES.forEach((name, k) => (weights[k] = scenario.lossWeights[name] ?? 0));
  const elections = electionTimetable(guarantors, plan.months);
  const theta = new Float64Array(N * PARAMETERS.length);
  drawParameters(drawPlan(plan.perspectives[0].priors, scenario.mechanisms), plan.seed, 0, N, theta);
  const make = (): TrajectorySimulator => new Simulator(plan.seed, plan.months, actors, elections, weights);
  return { plan, theta, fallback: bareCeasefire(guarantors, scenario.status_quo, settlementFacts(scenario)), make };
}

/** Trajectories `indices` under `option`, one by one with run(), into a fresh aggregate keeping rows. */
function runAll(sim: TrajectorySimulator, env: ReturnType<typeof setUp>, option: OptionFeatures, indices: number[]): Aggregate {
  const agg = new Aggregate(env.plan.months, indices.length);
  for (const i of indices) sim.run(option, env.fallback, env.theta, i * PARAMETERS.length, i, agg);
  return agg;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

for (const { name, Simulator } of STEPPERS) {
  describe(`the ${name} stepper keeps the TrajectorySimulator contract`, () => {
    const env = setUp(Simulator);
    const option = (id: string) => env.plan.options.find((o) => o.id === id)!;

    it("gives the same numbers for the same trajectory, whatever ran before and on which instance", () => {
      const forward = runAll(env.make(), env, option("article5-treaty"), range(N));
      const sim = env.make();
      runAll(sim, env, option("neutrality-istanbul"), range(64).reverse()); // leaves state behind
      const again = runAll(sim, env, option("article5-treaty"), range(N));
      expect(again.toData()).toEqual(forward.toData());
      // one trajectory alone is the same row as in the run over all of them
      const alone = runAll(env.make(), env, option("article5-treaty"), [N - 1]);
      expect(Array.from(alone.rows!)).toEqual(Array.from(forward.rows!.subarray((N - 1) * ROW_WIDTH, N * ROW_WIDTH)));
    });

    it("adds under runOptions the same numbers as run() option by option", () => {
      const sim = env.make();
      const parts = env.plan.options.map(() => new Aggregate(env.plan.months, N));
      for (let i = 0; i < N; i++) sim.runOptions(env.plan.options, env.fallback, env.theta, i * PARAMETERS.length, i, parts);
      env.plan.options.forEach((o, k) => expect(parts[k].toData(), o.id).toEqual(runAll(env.make(), env, o, range(N)).toData()));
    });

    it("keeps every trajectory in exactly one state each month, nuclear use absorbing", () => {
      for (const o of env.plan.options) {
        const agg = runAll(env.make(), env, o, range(N));
        const H = env.plan.months;
        const counts = agg.stateCounts();
        expect(STATE_COUNT).toBe(STATE_NAMES.length);
        for (let t = 0; t < H; t++) {
          let total = 0;
          for (let k = 0; k < STATE_COUNT; k++) total += counts[k * H + t];
          expect(total).toBe(N);
          if (t > 0) expect(counts[4 * H + t]).toBeGreaterThanOrEqual(counts[4 * H + t - 1]);
        }
      }
    });

    it("gives each trajectory values within their ranges, and no back-down without a commitment", () => {
      const H = env.plan.months;
      for (const o of [...env.plan.options, env.fallback]) {
        const agg = runAll(env.make(), env, o, range(N));
        for (let i = 0; i < N; i++) {
          const row = agg.rows!.subarray(i * ROW_WIDTH, (i + 1) * ROW_WIDTH);
          for (const k of [V.p_accept, V.p_direct_guarantor_war, V.p_nuclear_use, V.p_sphere_at_horizon, V.p_guarantor_backs_down]) expect([0, 1]).toContain(row[k]);
          expect(row[V.mean_alignment_at_horizon]).toBeGreaterThanOrEqual(0);
          expect(row[V.mean_alignment_at_horizon]).toBeLessThanOrEqual(1);
          expect(row[V.expected_war_months]).toBeGreaterThanOrEqual(0);
          expect(row[V.expected_war_months]).toBeLessThanOrEqual(H);
          expect(row[V.p_direct_guarantor_war]).toBeGreaterThanOrEqual(row[V.p_nuclear_use]); // nuclear use only in a direct war
          const firstWar = row[VALUE_COUNT];
          if (row[V.p_accept] === 0) expect(firstWar).toBe(-1);
          else expect(firstWar === -1 || (firstWar >= 0 && firstWar < H)).toBe(true);
          if (firstWar >= 0) expect(row[V.expected_war_months]).toBeGreaterThan(0);
        }
        // without a promise nobody can back down on one; but states may still fight (model v2: no option has Q = 0)
        if (o === env.fallback || o.id === "ceasefire-only") expect(agg.sum[V.p_guarantor_backs_down]).toBe(0);
      }
    });

    it("accepts a settlement when the trajectory's acceptance draw is below the acceptance probability of the option as offered", () => {
      for (const o of env.plan.options) {
        const agg = runAll(env.make(), env, o, range(N));
        for (let i = 0; i < N; i++) {
          const at = i * PARAMETERS.length;
          // offer versus honour: the option in force is the ratified one iff the offer draw is below p_O
          const offered = offeredFeatures(o, uniformAt(env.plan.seed, i, KEY_OFFER), env.theta[at + P.treaty_offer_probability]);
          const expected = uniformAt(env.plan.seed, i, KEY_ACCEPTANCE) < settlementAcceptance(offered, env.theta, at) ? 1 : 0;
          expect(agg.rows![i * ROW_WIDTH + V.p_accept]).toBe(expected);
        }
      }
    });
  });
}
