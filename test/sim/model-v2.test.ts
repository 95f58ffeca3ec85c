/**
 * Model v2's structural claims, in both steppers (docs/MODEL.md §5–§8): each test fails on model v1,
 * where an option without a formal promise had q = 0, neutrality's relief stacked with arms and with
 * treaty guarantees, and a refused settlement was a war without escalation.
 */
import { describe, expect, it } from "vitest";
import { evaluate, loadScenarioFile, type EvaluationResult } from "../../src/index.js";
import type { Scenario } from "../../src/scenario/load.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const MODES = ["monthly", "event"] as const;
const fixed = (value: number) => ({ dist: "fixed" as const, value });
const result = (r: EvaluationResult, option: string) => r.results.find((x) => x.option === option)!;

/** The bundled scenario plus a neutrality guaranteed by a ratified, unconditional US/UK/FR treaty, with article5-treaty's arms. */
function withNeutralTreaty(): Scenario {
  const a5 = scenario.options.find((o) => o.id === "article5-treaty")!;
  const arms = a5.commitments.find((c) => c.type === "arms_supply")!;
  return {
    ...scenario,
    options: [
      ...scenario.options,
      {
        id: "neutral-treaty",
        label: "neutrality with a ratified treaty guarantee",
        commitments: [{ type: "neutrality", permanent: true, foreign_bases: false, guarantors: ["US", "UK", "FR"], guarantee_form: "treaty", consent_required: false }, arms],
      },
    ],
  };
}

describe.each(MODES)("model v2 in the %s stepper", (mode) => {
  it("armed neutrality can end in a direct war with a guarantor and in nuclear use (v1: exactly zero)", async () => {
    const r = await evaluate(scenario, { mode, trajectories: 4000, seed: 21, perspectives: ["baseline"], options: ["armed-neutrality", "ceasefire-only"] });
    for (const id of ["armed-neutrality", "ceasefire-only"]) {
      expect(result(r, id).outcomes.p_direct_guarantor_war.mean, id).toBeGreaterThan(0);
      expect(result(r, id).outcomes.p_nuclear_use.mean, id).toBeGreaterThan(0);
    }
  });

  it("neutrality with a ratified treaty guarantee gives exactly article5-treaty's results", async () => {
    // both as ratified (p_O = 1): unratified, one is a communiqué with a NATO path, the other a neutrality with a communiqué guarantee
    const overrides = { treaty_offer_probability: fixed(1) };
    const r = await evaluate(withNeutralTreaty(), { mode, trajectories: 1500, seed: 5, perspectives: ["baseline", "restraint"], options: ["article5-treaty", "neutral-treaty"], overrides });
    for (const p of ["baseline", "restraint"]) {
      const a = r.results.find((x) => x.option === "article5-treaty" && x.perspective === p)!;
      const b = r.results.find((x) => x.option === "neutral-treaty" && x.perspective === p)!;
      expect(b.outcomes).toEqual(a.outcomes);
      expect(b.states).toEqual(a.states);
    }
  });

  it("arms on a neutral cost acceptance: with τ_A = τ_N = 0.6 armed neutrality is signed less often than a bare ceasefire", async () => {
    const overrides = { arms_supply_threat: fixed(0.6), neutrality_threat_relief: fixed(0.6) };
    const r = await evaluate(scenario, { mode, trajectories: 2000, seed: 8, perspectives: ["baseline"], options: ["armed-neutrality", "ceasefire-only"], overrides });
    // paired: the acceptance uniform is shared, so a lower probability can only turn acceptances into refusals
    expect(result(r, "armed-neutrality").outcomes.p_accept.mean).toBeLessThan(result(r, "ceasefire-only").outcomes.p_accept.mean);
  });

  it("a refused settlement's war draws states in and can go nuclear; nuclear months are not war months before nuclear use", async () => {
    const overrides = { acceptance_base_logit: fixed(-20), later_settlement_rate_per_year: fixed(0.05), guarantor_entry_rate_per_year: fixed(0.5), nuclear_use_given_direct_war_per_month: fixed(0.05) };
    const r = await evaluate(scenario, { mode, trajectories: 2000, seed: 9, perspectives: ["baseline"], options: ["ceasefire-only"], overrides });
    const o = result(r, "ceasefire-only").outcomes;
    expect(o.p_accept.mean).toBe(0);
    expect(o.p_direct_guarantor_war.mean).toBeGreaterThan(0.05);
    expect(o.p_nuclear_use.mean).toBeGreaterThan(0);
    expect(o.expected_war_months_before_nuclear.mean).toBeLessThan(o.expected_war_months.mean);
    expect(o.p_guarantor_backs_down.mean).toBe(0); // nobody promised anything
  });

  it("outcomes given acceptance are the means over accepted trajectories: all of them when every settlement is signed", async () => {
    const always = { ...scenario, mechanisms: { ...scenario.mechanisms, acceptance: false } };
    const r = await evaluate(always, { mode, trajectories: 1200, seed: 3, perspectives: ["restraint"], options: ["nato-membership"] });
    const x = result(r, "nato-membership").outcomes;
    expect(x.p_accept.mean).toBe(1);
    expect(x.p_direct_guarantor_war_given_accept).toEqual(x.p_direct_guarantor_war);
    expect(x.p_nuclear_use_given_accept).toEqual(x.p_nuclear_use);
    expect(x.p_sphere_at_horizon_given_accept).toEqual(x.p_sphere_at_horizon);
    expect(x.expected_war_months_given_accept).toEqual(x.expected_war_months_before_nuclear);
    const some = await evaluate(scenario, { mode, trajectories: 1200, seed: 3, perspectives: ["restraint"], options: ["nato-membership"] });
    expect(result(some, "nato-membership").outcomes.p_accept.mean).toBeLessThan(1);
    expect(result(some, "nato-membership").outcomes.p_sphere_at_horizon_given_accept).not.toEqual(result(some, "nato-membership").outcomes.p_sphere_at_horizon);
  });
});
