/**
 * η_C (the integration of a communiqué-form promise) and κ_N (a nuclear-armed member's rise of the
 * challenger's cost of war) in both steppers (docs/MODEL.md §3.2, §5.3): where each acts, the direction
 * its equation gives, its exact limits, and the two steppers' agreement in law under strong values.
 */
import { describe, expect, it } from "vitest";
import { evaluate, loadScenarioFile, type EvaluationResult } from "../../src/index.js";
import type { EvaluateOptions } from "../../src/sim/evaluate.js";
import type { Scenario } from "../../src/scenario/load.js";
import { V } from "../../src/sim/aggregate.js";
import { stepperDisagreements } from "./two-sample.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const MODES = ["monthly", "event"] as const;
const fixed = (value: number) => ({ dist: "fixed" as const, value });
const outcomes = (r: EvaluationResult, option: string) => r.results.find((x) => x.option === option)!.outcomes;

describe.each(MODES)("η_C in the %s stepper", (mode) => {
  // p_O = 1: treaties ratified, so only the communiqué-form pledge of budapest-pledge depends on η_C
  const run = (eta: number, options: string[]) =>
    evaluate(scenario, { mode, trajectories: 1500, seed: 23, perspectives: ["baseline"], options, overrides: { pledge_integration_factor: fixed(eta), treaty_offer_probability: fixed(1) } });

  it("options without a communiqué-form promise do not depend on it", async () => {
    const options = ["ceasefire-only", "arms-only", "reassurance-force", "nato-membership", "neutrality-istanbul"];
    const [none, strong] = [await run(0, options), await run(3, options)];
    for (const id of options) expect(outcomes(strong, id), id).toEqual(outcomes(none, id));
  });

  it("an empty pledge (η_C = 0) leaves the protégé further in the challenger's sphere than the table's (η_C = 1)", async () => {
    const [empty, table] = [await run(0, ["budapest-pledge"]), await run(1, ["budapest-pledge"])];
    const [a, b] = [outcomes(empty, "budapest-pledge").mean_alignment_at_horizon, outcomes(table, "budapest-pledge").mean_alignment_at_horizon];
    // the same trajectories (common random numbers): a conservative bound ignores their positive correlation
    expect(a.mean - b.mean).toBeGreaterThan(3 * Math.hypot(a.se, b.se));
    // and acceptance, which η_C does not enter, is the same trajectory by trajectory
    expect(outcomes(empty, "budapest-pledge").p_accept).toEqual(outcomes(table, "budapest-pledge").p_accept);
  });
});

describe.each(MODES)("κ_N in the %s stepper", (mode) => {
  const run = (s: Scenario, kappa: number, options: string[]) => evaluate(s, { mode, trajectories: 1500, seed: 29, perspectives: ["baseline"], options, overrides: { nuclear_patron_cost_effect: fixed(kappa) } });

  it("acts only through nuclear-armed states: with none flagged nuclear it changes nothing", async () => {
    const conventional: Scenario = { ...scenario, actors: { ...scenario.actors, guarantors: scenario.actors.guarantors.map((g) => ({ ...g, nuclear: false })) } };
    const options = ["ceasefire-only", "reassurance-force-us-backstop", "article5-treaty"];
    const [none, strong] = [await run(conventional, 0, options), await run(conventional, 3, options)];
    for (const id of options) expect(outcomes(strong, id), id).toEqual(outcomes(none, id));
  });

  it("raises the challenger's cost, so fewer deliberate attacks, for a promise and for none alike", async () => {
    const options = ["ceasefire-only", "article5-treaty"];
    const [none, strong] = [await run(scenario, 0, options), await run(scenario, 3, options)];
    for (const id of options) {
      const [a, b] = [outcomes(strong, id).p_war_resumes_horizon, outcomes(none, id).p_war_resumes_horizon];
      expect(b.mean - a.mean, id).toBeGreaterThan(3 * Math.hypot(a.se, b.se));
    }
  });
});

/*
 * The two steppers with both terms strong (η_C = 0, κ_N = 2) on the options they act on. N = 4,096
 * a mode; 3 options × 5 tests = 15 tests at family-wise α = 0.001 (Bonferroni: |z| < 3.99, KS D <
 * 2.20·√(2/N) = 0.049). With 80% power each proportion test detects a difference of
 * (3.99 + 0.84)·√(2p(1−p)/N) = 0.053 at p = 0.5 and a shift of 0.107 sd in a mean.
 */
describe("event-driven and monthly simulation agree under η_C and κ_N", () => {
  it("passes 15 two-sample tests at family-wise α = 0.001", async () => {
    const n = 4096;
    const opts: Partial<EvaluateOptions> = {
      trajectories: n,
      seed: 61,
      perspectives: ["baseline"],
      options: ["budapest-pledge", "reassurance-force-us-backstop", "article5-treaty"],
      workers: 2,
      overrides: { pledge_integration_factor: fixed(0), nuclear_patron_cost_effect: fixed(2), treaty_offer_probability: fixed(0.5) },
    };
    const alpha = 0.001 / 15;
    const failures = await stepperDisagreements(scenario, opts, n, alpha, [60], [V.expected_crises, V.expected_peace_months, V.mean_alignment_at_horizon]);
    expect(failures).toEqual([]);
  }, 240_000);
});
