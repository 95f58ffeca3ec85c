/**
 * The per-trajectory constants of an option: who leads the guarantors and what a crisis costs
 * the protégé's side, checked against the closed forms of docs/MODEL.md §5 and §7 computed directly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { optionFeatures } from "../../src/models/commitments.js";
import { PARAMETERS, P } from "../../src/contract/parameters.js";
import { guarantorResolve } from "../../src/models/stage-game.js";
import { priorMean } from "../../src/scenario/prior.js";
import { OptionContext } from "../../src/sim/context.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const guarantors = scenario.actors.guarantors;
const theta = Float64Array.from(PARAMETERS.map((p) => priorMean(scenario.parameters[p.name])));
const facts = { challengerNuclear: true, guarantorNuclear: guarantors.map((g) => g.nuclear), spoilerBaseRate: 3 };
const contextOf = (id: string) => {
  const ctx = new OptionContext(guarantors.length);
  ctx.fill(optionFeatures(scenario.options.find((o) => o.id === id)!, guarantors), theta, 0, facts);
  return ctx;
};

describe("option context", () => {
  it("the leading guarantor is the one with the largest q_j, computed guarantor by guarantor", () => {
    const ctx = contextOf("nato-membership");
    const committed = [...ctx.committed.keys()].filter((j) => ctx.committed[j]);
    expect(committed.length).toBeGreaterThan(1);
    const warCost = theta[P.guarantor_war_cost] * theta[P.nuclear_cost_multiplier];
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: guarantors.length, maxLength: guarantors.length }), (shifts) => {
        const shift = Float64Array.from(shifts);
        const q = committed.map((j) => guarantorResolve(theta[P.guarantor_stake_log_mean] + shift[j], theta[P.guarantor_stake_log_sd], warCost, ctx.audience[j]));
        const lead = ctx.leadingGuarantor(shift);
        const qLead = ctx.resolveOf(lead, theta[P.guarantor_stake_log_mean] + shift[lead], theta[P.guarantor_stake_log_sd]);
        expect(qLead).toBeCloseTo(Math.max(...q), 12);
        expect(committed).toContain(lead);
      }),
    );
  });

  it("a crisis short of war: the contest V/(V + S) with guarantors, π_P for a protégé alone", () => {
    const guaranteed = contextOf("article5-treaty");
    const mu = 0.4;
    const S = 2.5;
    expect(guaranteed.protegeSideYields(mu, S)).toBeCloseTo(Math.exp(mu) / (Math.exp(mu) + S), 15);
    expect(guaranteed.defenderStake(-0.2, 0)).toBeCloseTo(Math.exp(-0.2) + guaranteed.audience[0], 15);
    const alone = contextOf("ceasefire-only");
    expect(alone.anyCommitted).toBe(false);
    expect(alone.protegeSideYields(mu, NaN)).toBe(alone.piP);
  });
});
