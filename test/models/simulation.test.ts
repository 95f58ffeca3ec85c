import { describe, expect, it } from "vitest";
import { evaluate, loadScenarioText, type Estimate, type EvaluationResult, type Scenario } from "../../src/index.js";
import { toJson } from "../../src/cli/format.js";
import { BUNDLED } from "../scenario/helpers.js";

const scenario = loadScenarioText(BUNDLED, "ukraine-2025.yaml");
const withMechanisms = (m: Partial<Scenario["mechanisms"]>): Scenario => ({ ...scenario, mechanisms: { ...scenario.mechanisms, ...m } });
const outcome = (r: EvaluationResult, option: string, name: keyof EvaluationResult["results"][0]["outcomes"]): Estimate =>
  r.results.find((x) => x.option === option)!.outcomes[name];
/** a − b is more than `z` standard errors from zero (SE of the difference bounded by independent SEs) */
const clearlyAbove = (a: Estimate, b: Estimate, z = 3) => a.mean - b.mean > z * Math.hypot(a.se, b.se);

describe("simulation of the bundled scenario", () => {
  it("the same seed gives byte-identical JSON; another seed gives other numbers", async () => {
    const opts = { trajectories: 600, options: ["ceasefire-only", "article5-treaty"], perspectives: ["restraint"] };
    const a = toJson(await evaluate(scenario, { ...opts, seed: 5 }));
    const b = toJson(await evaluate(scenario, { ...opts, seed: 5 }));
    const c = toJson(await evaluate(scenario, { ...opts, seed: 6 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("switching a mechanism off is exactly setting its parameters to their neutral values, and it had an effect", async () => {
    const opts = { trajectories: 2000, seed: 3, options: ["article5-treaty", "reassurance-force"], perspectives: ["baseline"] };
    const off = await evaluate(withMechanisms({ moral_hazard: false, targeting: false }), opts);
    const neutral = await evaluate(scenario, {
      ...opts,
      overrides: { moral_hazard: { dist: "fixed", value: 0 }, targeting_rate_per_year: { dist: "fixed", value: 0 } },
    });
    const on = await evaluate(scenario, opts);
    expect(JSON.stringify(off.results)).toBe(JSON.stringify(neutral.results));
    expect(clearlyAbove(outcome(on, "reassurance-force", "expected_crises"), outcome(off, "reassurance-force", "expected_crises"))).toBe(true);
  });

  it("every mechanism can be switched off and the run still completes", async () => {
    const allOff = Object.fromEntries(Object.keys(scenario.mechanisms).map((m) => [m, false]));
    const r = await evaluate(withMechanisms(allOff), { trajectories: 200, seed: 1, perspectives: ["baseline"] });
    for (const x of r.results) {
      expect(x.outcomes.p_accept.mean).toBe(1); // acceptance off: every option is signed
      expect(x.outcomes.p_nuclear_use.mean).toBe(0); // nuclear escalation off
      expect(x.outcomes.expected_crises.mean).toBe(0); // no spoilers, no targeting
    }
  });

  it("standard errors shrink like 1/√n", async () => {
    const opts = { seed: 9, options: ["ceasefire-only"], perspectives: ["baseline"] };
    const small = await evaluate(scenario, { ...opts, trajectories: 1000 });
    const large = await evaluate(scenario, { ...opts, trajectories: 16000 });
    for (const name of ["p_war_resumes_5y", "p_sphere_at_horizon", "expected_war_months"] as const) {
      const s = outcome(small, "ceasefire-only", name);
      const l = outcome(large, "ceasefire-only", name);
      // se·√n estimates the outcome's standard deviation in both runs; its own sampling error is
      // about sd/√(2n) for a smooth outcome, so the two must agree within a few of those
      const ratio = (s.se * Math.sqrt(1000)) / (l.se * Math.sqrt(16000));
      expect(Math.abs(ratio - 1)).toBeLessThan(4 / Math.sqrt(2 * 1000) + 0.05);
    }
  });

  it("a stronger treaty (higher audience cost) makes war under the treaty less likely", async () => {
    const opts = { trajectories: 6000, seed: 2, options: ["article5-treaty"], perspectives: ["baseline"] };
    const weak = await evaluate(scenario, { ...opts, overrides: { audience_cost_treaty: { dist: "fixed", value: 0 } } });
    const strong = await evaluate(scenario, { ...opts, overrides: { audience_cost_treaty: { dist: "fixed", value: 10 } } });
    expect(clearlyAbove(outcome(weak, "article5-treaty", "p_war_resumes_horizon"), outcome(strong, "article5-treaty", "p_war_resumes_horizon"))).toBe(true);
    // and the guarantors, now more resolved, end up fighting more often
    expect(clearlyAbove(outcome(strong, "article5-treaty", "p_direct_guarantor_war"), outcome(weak, "article5-treaty", "p_direct_guarantor_war"))).toBe(true);
  });

  it("with high leverage and no guarantee the protégé drifts into the challenger's sphere", async () => {
    const opts = {
      trajectories: 2000,
      seed: 4,
      options: ["ceasefire-only"],
      perspectives: ["influence-realism"],
      overrides: { window_rate_per_year: { dist: "fixed" as const, value: 0 }, spoiler_rate_scale: { dist: "fixed" as const, value: 0 } },
    };
    // no arms either: the status quo's arms, which flow after a refusal, pull toward the West
    const drift = await evaluate({ ...scenario, status_quo: [] }, opts);
    const still = await evaluate({ ...withMechanisms({ alignment_drift: false }), status_quo: [] }, opts);
    const s0 = 0.35; // mean of alignment_initial in the scenario
    expect(outcome(drift, "ceasefire-only", "mean_alignment_at_horizon").mean).toBeGreaterThan(0.5);
    expect(Math.abs(outcome(still, "ceasefire-only", "mean_alignment_at_horizon").mean - s0)).toBeLessThan(4 * outcome(still, "ceasefire-only", "mean_alignment_at_horizon").se + 0.01);
  });

  it("war-resumes outcomes are conditional on acceptance; the survival curve is consistent with them", async () => {
    const r = await evaluate(scenario, { trajectories: 1500, seed: 8, options: ["nato-membership"], perspectives: ["restraint"] });
    const x = r.results[0];
    expect(x.survival.n).toBe(Math.round(x.outcomes.p_accept.mean * x.trajectories));
    expect(1 - x.survival.survival[60]).toBeCloseTo(x.outcomes.p_war_resumes_5y.mean, 12);
    const shares = x.states;
    for (let t = 0; t < 240; t += 37) {
      const total = shares.armed_peace[t] + shares.crisis[t] + shares.limited_war[t] + shares.direct_war[t] + shares.nuclear_use[t] + shares.no_settlement[t];
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it("unknown options and perspectives are input errors with a hint", async () => {
    await expect(evaluate(scenario, { options: ["nato-membrship"] })).rejects.toThrow(/unknown option "nato-membrship".*did you mean "nato-membership"/);
    await expect(evaluate(scenario, { perspectives: ["realism"] })).rejects.toThrow(/unknown perspective "realism"/);
    await expect(evaluate(scenario, { trajectories: 1 })).rejects.toThrow(/trajectories must be/);
  });
});
