/**
 * Model v2's time-dependent channels and offer uncertainty in both steppers (docs/MODEL.md §4.2,
 * §7.8, §7.2): duration dependence against its closed form, the preventive motive of an arms
 * build-up, a treaty offered but not ratified, and the two steppers' agreement in law under them.
 */
import { describe, expect, it } from "vitest";
import { evaluate, loadScenarioFile, type EvaluationResult } from "../../src/index.js";
import type { EvaluateOptions } from "../../src/sim/evaluate.js";
import type { Scenario } from "../../src/scenario/load.js";
import { V } from "../../src/sim/aggregate.js";
import { peaceHazardFactor } from "../../src/models/duration.js";
import { stepperDisagreements } from "./two-sample.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const MODES = ["monthly", "event"] as const;
const fixed = (value: number) => ({ dist: "fixed" as const, value });
const result = (r: EvaluationResult, option: string) => r.results.find((x) => x.option === option)!;
const always: Scenario = { ...scenario, mechanisms: { ...scenario.mechanisms, acceptance: false } };

describe.each(MODES)("duration dependence in the %s stepper", (mode) => {
  /*
   * Only the window channel acts: every settlement is signed, no spoilers or targeting, and the
   * challenger's stake is so large that every window is an attack. The first war then comes at the
   * monthly hazard 1 − exp(−λ_w·g(k)/12) in month k of the peace, so
   *   P(no war before month t) = exp(−(λ_w/12)·Σ_{k<t} g(k))
   * (the monthly form of exp(−λ∫g)). N = 8,000: at 3 months × 2 steppers each estimate is within
   * 4 standard errors of it with probability > 0.9996.
   */
  it("the survival of the peace is exp(−(λ_w/12)·Σ g(k)) when only windows act", async () => {
    const [rate, floor, decay] = [1.2, 0.25, 24];
    const overrides = {
      window_rate_per_year: fixed(rate),
      peace_hazard_floor: fixed(floor),
      peace_hazard_decay_months: fixed(decay),
      spoiler_rate_scale: fixed(0),
      challenger_stake_log_mean: fixed(30),
    };
    const n = 8000;
    const r = await evaluate(always, { mode, trajectories: n, seed: 41, perspectives: ["baseline"], options: ["ceasefire-only"], overrides });
    const survival = result(r, "ceasefire-only").survival.survival;
    for (const t of [6, 24, 60]) {
      let sum = 0;
      for (let k = 0; k < t; k++) sum += peaceHazardFactor(k, floor, decay);
      const expected = Math.exp((-rate / 12) * sum);
      const se = Math.sqrt((expected * (1 - expected)) / n);
      expect(Math.abs(survival[t] - expected), `t = ${t}: ${survival[t]} vs ${expected}`).toBeLessThan(4 * se);
    }
    // and it is not the law without duration dependence (g ≡ 1): exp(−λ_w·t/12) = 0.0067 at t = 50
    expect(survival[50]).toBeGreaterThan(0.05);
  });

  it("a floor of 1 switches it off: the decay time then changes nothing", async () => {
    const run = (decay: number) =>
      evaluate(scenario, { mode, trajectories: 600, seed: 13, perspectives: ["baseline"], options: ["ceasefire-only", "reassurance-force"], overrides: { peace_hazard_floor: fixed(1), peace_hazard_decay_months: fixed(decay) } });
    const [a, b] = [await run(6), await run(600)];
    expect(b.results.map((x) => x.outcomes)).toEqual(a.results.map((x) => x.outcomes));
  });

  it("a lower floor means fewer wars and fewer crises", async () => {
    const run = (floor: number) =>
      evaluate(scenario, { mode, trajectories: 3000, seed: 17, perspectives: ["baseline"], options: ["reassurance-force"], overrides: { peace_hazard_floor: fixed(floor), peace_hazard_decay_months: fixed(12) } });
    const [low, high] = [result(await run(0.1), "reassurance-force").outcomes, result(await run(0.9), "reassurance-force").outcomes];
    expect(low.p_war_resumes_horizon.mean).toBeLessThan(high.p_war_resumes_horizon.mean - 4 * Math.hypot(low.p_war_resumes_horizon.se, high.p_war_resumes_horizon.se));
    expect(low.expected_crises.mean).toBeLessThan(high.expected_crises.mean);
  });
});

describe.each(MODES)("the preventive motive of an arms build-up in the %s stepper", (mode) => {
  it("acts only on an option with arms: without arms δ_P and T_A change nothing", async () => {
    const run = (weight: number, months: number) =>
      evaluate(scenario, { mode, trajectories: 600, seed: 23, perspectives: ["baseline"], options: ["ceasefire-only", "budapest-pledge"], overrides: { preventive_weight: fixed(weight), arms_buildup_months: fixed(months) } });
    const [a, b] = [await run(0, 12), await run(3, 60)];
    expect(b.results.map((x) => x.outcomes)).toEqual(a.results.map((x) => x.outcomes));
  });

  it("a stronger motive and a longer build-up raise the risk of war early in an armed peace", async () => {
    const run = (weight: number, months: number) =>
      evaluate(always, { mode, trajectories: 4000, seed: 29, perspectives: ["baseline"], options: ["arms-only"], overrides: { preventive_weight: fixed(weight), arms_buildup_months: fixed(months) } });
    const none = result(await run(0, 48), "arms-only").outcomes.p_war_resumes_2y;
    const strong = result(await run(4, 48), "arms-only").outcomes.p_war_resumes_2y;
    const short = result(await run(4, 1), "arms-only").outcomes.p_war_resumes_2y;
    // paired draws (common random numbers): a larger G_prev only lowers the cut point
    expect(strong.mean).toBeGreaterThan(none.mean + 3 * Math.hypot(strong.se, none.se));
    expect(strong.mean).toBeGreaterThan(short.mean + 3 * Math.hypot(strong.se, short.se));
  });
});

/** The bundled scenario plus `article5-treaty` as it stands unratified: a communiqué of the same states with a NATO path. */
function withUnratifiedTreaty(): Scenario {
  const a5 = scenario.options.find((o) => o.id === "article5-treaty")!;
  const arms = a5.commitments.find((c) => c.type === "arms_supply")!;
  const pledge = { type: "consultative_pledge" as const, guarantors: ["US", "UK", "FR"], form: "communique" as const, nato_path: true };
  return { ...scenario, options: [...scenario.options, { id: "a5-unratified", label: "article5-treaty as a communiqué with a NATO path", commitments: [pledge, arms] }] };
}

describe.each(MODES)("offer versus honour in the %s stepper", (mode) => {
  const options = ["article5-treaty", "a5-unratified", "ceasefire-only", "armed-neutrality"];
  const run = (p: number) => evaluate(withUnratifiedTreaty(), { mode, trajectories: 800, seed: 31, perspectives: ["baseline"], options, overrides: { treaty_offer_probability: fixed(p) } });

  it("a treaty never ratified (p_O = 0) is exactly the communiqué with a NATO path; options without a treaty do not depend on p_O", async () => {
    const [never, sure] = [await run(0), await run(1)];
    expect(result(never, "article5-treaty").outcomes).toEqual(result(never, "a5-unratified").outcomes);
    expect(result(never, "article5-treaty").states).toEqual(result(never, "a5-unratified").states);
    expect(result(sure, "article5-treaty").outcomes.p_accept).not.toEqual(result(sure, "a5-unratified").outcomes.p_accept);
    for (const id of ["ceasefire-only", "armed-neutrality", "a5-unratified"]) expect(result(sure, id).outcomes, id).toEqual(result(never, id).outcomes);
  });

  it("the draw is one per trajectory: with p_O = ½ a treaty is accepted as often as the mixture of its two forms", async () => {
    const [half, never, sure] = [await run(0.5), await run(0), await run(1)];
    const mix = (result(never, "article5-treaty").outcomes.p_accept.mean + result(sure, "article5-treaty").outcomes.p_accept.mean) / 2;
    const got = result(half, "article5-treaty").outcomes.p_accept;
    // binomial noise of the offer draw over 800 trajectories: |difference in acceptance| ≤ 1, sd ≤ √(¼/800)
    expect(Math.abs(got.mean - mix)).toBeLessThan(4 * Math.sqrt(0.25 / 800));
  });
});

/*
 * The two steppers under strong duration dependence (ψ = 0.15, T_D = 18) and a strong preventive
 * motive (δ_P = 2.5, T_A = 48), with windows at 0.8 a year so that both channels matter. N = 8,192
 * a mode; 3 options × 6 tests = 18 tests at family-wise α = 0.001 (Bonferroni: |z| < 4.03, KS
 * D < 2.23·√(2/N) = 0.035). With 80% power each proportion test detects a difference of
 * (4.03 + 0.84)·√(2p(1−p)/N) = 0.038 at p = 0.5 and a shift of 0.076 sd in a mean.
 */
describe("event-driven and monthly simulation agree under duration dependence and the preventive motive", () => {
  it("passes 18 two-sample tests at family-wise α = 0.001", async () => {
    const n = 8192;
    const opts: Partial<EvaluateOptions> = {
      trajectories: n,
      seed: 57,
      perspectives: ["baseline"],
      options: ["ceasefire-only", "armed-neutrality", "nato-membership"],
      workers: 2,
      overrides: {
        peace_hazard_floor: fixed(0.15),
        peace_hazard_decay_months: fixed(18),
        preventive_weight: fixed(2.5),
        arms_buildup_months: fixed(48),
        window_rate_per_year: fixed(0.8),
      },
    };
    const alpha = 0.001 / 18;
    const failures = await stepperDisagreements(scenario, opts, n, alpha, [24, 60], [V.expected_crises, V.expected_crisis_wars, V.expected_peace_months]);
    expect(failures).toEqual([]);
  }, 240_000);
});
