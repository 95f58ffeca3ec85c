/**
 * The per-trajectory constants of an option and the coalition state built on them (docs/MODEL.md
 * §5–§7), checked against the pure model functions computed directly: every state's resolve from
 * stake against cost, the coalition law, the war terms, neutrality read by content.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { optionFeatures, type OptionFeatures } from "../../src/models/commitments.js";
import { PARAMETERS, P } from "../../src/contract/parameters.js";
import { priorMean } from "../../src/scenario/prior.js";
import { actorFacts, audienceCostOfForm, OptionContext } from "../../src/sim/context.js";
import { settlementFacts } from "../../src/sim/plan.js";
import { Coalition } from "../../src/sim/chain/coalition.js";
import { crisisLaw } from "../../src/sim/chain/crisis.js";
import { CRISIS_SLOTS, CRISIS_WAR, crisisOutcome } from "../../src/models/crisis.js";
import { crisisLawInputs } from "../../src/models/stage-game.js";
import { interventionProbability, mixedCoalitionProbability, mixedExpectedCost, mixedExpectedSuccess, stayingOutCost } from "../../src/models/intervention.js";
import type { Commitment } from "../../src/scenario/schema.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const guarantors = scenario.actors.guarantors;
const J = guarantors.length;
const meanTheta = () => Float64Array.from(PARAMETERS.map((p) => priorMean(scenario.parameters[p.name])));
const facts = actorFacts(scenario.actors);
const featuresOf = (id: string): OptionFeatures => optionFeatures(scenario.options.find((o) => o.id === id)!, guarantors, settlementFacts(scenario));
const contextOf = (f: OptionFeatures, theta = meanTheta()) => {
  const ctx = new OptionContext(J);
  ctx.fill(f, theta, 0, facts);
  return ctx;
};
/** The coalition state at the settlement: no election shift, no test yet. */
const coalitionOf = (ctx: OptionContext, theta = meanTheta(), shift = new Float64Array(J)) => {
  const co = new Coalition(J);
  co.resolveAll(ctx, theta[P.guarantor_stake_log_mean], shift, theta[P.guarantor_stake_log_sd], theta[P.coalition_correlation]);
  co.updateBeliefs(ctx, theta[P.resolve_discount], theta[P.belief_prior_strength], 0, 0);
  return co;
};
const OPTIONS = scenario.options.map((o) => o.id);

describe("option context and coalition (model v2)", () => {
  it("every state's q_j is its stake against its cost of war less its cost of staying out, promise or not", () => {
    const theta = meanTheta();
    const k = theta[P.guarantor_war_cost] * theta[P.nuclear_cost_multiplier];
    for (const id of OPTIONS) {
      const f = featuresOf(id);
      const ctx = contextOf(f, theta);
      fc.assert(
        fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: J, maxLength: J }), (shifts) => {
          const shift = Float64Array.from(shifts);
          const co = coalitionOf(ctx, theta, shift);
          for (let j = 0; j < J; j++) {
            const form = Math.max(audienceCostOfForm(f.formLevel[j], theta, 0), f.neutralityGuarantor[j] ? (f.consentRequired ? theta[P.consent_guarantee_binding] : 1) * audienceCostOfForm(f.guaranteeForm, theta, 0) : 0);
            const c = stayingOutCost(form, theta[P.tripwire_cost_per_10k_troops], f.troops[j], theta[P.supply_staying_out_cost], f.supply[j]);
            const expected = interventionProbability(facts.stakeWeight[j], theta[P.guarantor_stake_log_mean] + shift[j], theta[P.guarantor_stake_log_sd], k, c);
            expect(co.q[j]).toBeCloseTo(expected, 12);
          }
        }),
        { numRuns: 20 },
      );
    }
  });

  it("the coalition law and the war terms equal the pure functions (nested/independent mixture)", () => {
    const theta = meanTheta();
    for (const id of OPTIONS) {
      const ctx = contextOf(featuresOf(id), theta);
      const co = coalitionOf(ctx, theta);
      const rho = theta[P.coalition_correlation];
      expect(co.resolve).toBeCloseTo(mixedCoalitionProbability(co.q, J, rho), 14);
      const order = new Int32Array(J);
      void co.expectedSuccess; // q̂ is filled on demand
      expect(co.expectedSuccess).toBeCloseTo(mixedExpectedSuccess(co.qHat, facts.militaryWeight, J, order, rho, ctx.piP, ctx.piG), 12);
      expect(co.expectedCost).toBeCloseTo(mixedExpectedCost(co.qHat, facts.militaryWeight, J, order, rho, ctx.kP, ctx.kG), 12);
    }
  });

  it("no option has Q = 0, and China's stake weight leaves it all but out of every coalition", () => {
    for (const id of OPTIONS) {
      const co = coalitionOf(contextOf(featuresOf(id)));
      expect(co.resolve, id).toBeGreaterThan(0.01);
      expect(co.q[guarantors.findIndex((g) => g.id === "CN")], id).toBeLessThan(1e-3);
    }
  });

  it("arms providers can be drawn in: supply raises their resolve and gives them exposure", () => {
    const none = contextOf(featuresOf("ceasefire-only"));
    const arms = contextOf(featuresOf("arms-only"));
    const a = coalitionOf(none);
    const b = coalitionOf(arms);
    const de = guarantors.findIndex((g) => g.id === "DE");
    expect(none.exposure[de]).toBe(0);
    expect(arms.exposure[de]).toBeGreaterThan(0);
    expect(b.q[de]).toBeGreaterThan(a.q[de]);
    expect(b.entanglementRate(arms, 1)).toBeGreaterThan(0);
  });

  it("a US backstop adds resolve and coalition weight: the challenger expects less from a war", () => {
    const force = coalitionOf(contextOf(featuresOf("reassurance-force")));
    const backstop = coalitionOf(contextOf(featuresOf("reassurance-force-us-backstop")));
    expect(backstop.resolve).toBeGreaterThan(force.resolve);
    expect(backstop.expectedSuccess / backstop.expectedCost).toBeLessThan(force.expectedSuccess / force.expectedCost);
  });

  it("one state of military weight 1: π̄ and k̄ are model v1's q̂π_G + (1 − q̂)π_P and q̂k_G + (1 − q̂)k_P", () => {
    const one = actorFacts({ ...scenario.actors, guarantors: [{ ...guarantors[0], military_weight: 1 }] });
    const f = optionFeatures({ id: "t", label: "t", commitments: [{ type: "collective_defense", guarantors: ["US"], ratified: true }] }, [guarantors[0]]);
    const ctx = new OptionContext(1);
    const theta = meanTheta();
    ctx.fill(f, theta, 0, one);
    const co = new Coalition(1);
    co.resolveAll(ctx, theta[P.guarantor_stake_log_mean], new Float64Array(1), theta[P.guarantor_stake_log_sd], theta[P.coalition_correlation]);
    co.updateBeliefs(ctx, theta[P.resolve_discount], theta[P.belief_prior_strength], 0, 0);
    const piBar = co.expectedSuccess; // computed on demand, with q̂
    const kBar = co.expectedCost;
    const qh = co.qHat[0];
    expect(co.resolve).toBeCloseTo(co.q[0], 15);
    expect(piBar).toBeCloseTo(qh * ctx.piG + (1 - qh) * ctx.piP, 14);
    expect(kBar).toBeCloseTo(qh * ctx.kG + (1 - qh) * ctx.kP, 14);
  });

  it("neutrality with a ratified, unconditional US/UK/FR treaty guarantee has article5-treaty's numbers", () => {
    const a5 = scenario.options.find((o) => o.id === "article5-treaty")!;
    const arms = a5.commitments.find((c) => c.type === "arms_supply")!;
    const neutral: Commitment[] = [{ type: "neutrality", permanent: true, foreign_bases: false, guarantors: ["US", "UK", "FR"], guarantee_form: "treaty", consent_required: false }, arms];
    const fa = optionFeatures(a5, guarantors, settlementFacts(scenario));
    const fn = optionFeatures({ id: "n", label: "n", commitments: neutral }, guarantors, settlementFacts(scenario));
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (consent, relief) => {
        const theta = meanTheta();
        theta[P.consent_guarantee_binding] = consent;
        theta[P.neutrality_threat_relief] = relief;
        const ca = contextOf(fa, theta);
        const cn = contextOf(fn, theta);
        for (const key of ["acceptance", "piP", "kP", "piG", "kG", "stakeBase", "integration", "alignmentFloor", "spoilerCrisisRate", "targetingRate"] as const) expect(cn[key], key).toBeCloseTo(ca[key], 14);
        expect([...cn.logThreshold]).toEqual([...ca.logThreshold]);
        expect([...cn.exposure]).toEqual([...ca.exposure]);
      }),
      { numRuns: 30 },
    );
  });

  it("Istanbul's consent clause keeps most of the neutrality; the challenger as co-guarantor raises its own cost of war", () => {
    const theta = meanTheta();
    const f = featuresOf("neutrality-istanbul");
    expect(f.consentRequired).toBe(true);
    expect(f.challengerGuaranteeForm).toBe(3);
    const ctx = contextOf(f, theta);
    expect(ctx.alignmentFloor).toBeCloseTo(theta[P.neutrality_alignment_floor] * (1 - theta[P.consent_guarantee_binding]), 12);
    const without = contextOf(optionFeatures({ id: "x", label: "x", commitments: [{ ...(scenario.options.find((o) => o.id === "neutrality-istanbul")!.commitments[0] as Extract<Commitment, { type: "neutrality" }>), guarantors: ["US", "UK", "FR", "CN", "TR"] }] }, guarantors, settlementFacts(scenario)), theta);
    expect(ctx.kG - without.kG).toBeCloseTo(theta[P.challenger_self_binding_cost], 12);
  });

  it("the crisis law: a larger treaty audience cost lowers P(war | crisis) under the Article-5 treaty", () => {
    const out = new Float64Array(CRISIS_SLOTS);
    const war = (aT: number) => {
      const theta = meanTheta();
      theta[P.audience_cost_treaty] = aT;
      const ctx = contextOf(featuresOf("article5-treaty"), theta);
      const co = coalitionOf(ctx, theta);
      crisisLaw(out, ctx, co, ctx.stakeBase + theta[P.stake_alignment_slope] * (1 - theta[P.alignment_initial]), theta[P.challenger_stake_log_sd], theta[P.crisis_escalation_probability], theta[P.backdown_alignment_shift], 0);
      return out[CRISIS_WAR];
    };
    expect(war(4)).toBeLessThan(war(1));
  });

  it("the crisis law's inputs computed from scratch (what the games layer reads) equal the simulator's, for every option", () => {
    const a = new Float64Array(CRISIS_SLOTS);
    const b = new Float64Array(CRISIS_SLOTS);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: PARAMETERS.length, maxLength: PARAMETERS.length }), (scale) => {
        const theta = meanTheta();
        // positive parameters scaled, probabilities kept inside [0, 1]
        PARAMETERS.forEach((p, k) => (theta[k] = p.domain === "probability" ? Math.min(0.99, theta[k] * scale[k]) : p.domain === "real" ? theta[k] + scale[k] - 1 : theta[k] * scale[k]));
        for (const id of OPTIONS) {
          const f = featuresOf(id);
          const ctx = contextOf(f, theta);
          const co = coalitionOf(ctx, theta);
          const s = theta[P.alignment_initial];
          crisisLaw(a, ctx, co, ctx.stakeBase + theta[P.stake_alignment_slope] * (1 - s), theta[P.challenger_stake_log_sd], theta[P.crisis_escalation_probability], theta[P.backdown_alignment_shift], 0);
          const x = crisisLawInputs(f, theta, 0, facts, s);
          crisisOutcome(b, x.stakeLogMean, x.stakeLogSd, x.expectedGain, x.expectedCost, x.escalationRisk, x.perceivedHold, x.actualHold, x.concession);
          for (let k = 0; k < CRISIS_SLOTS; k++) expect(b[k], `${id} slot ${k}`).toBeCloseTo(a[k], 10);
          expect(x.resolve).toBeCloseTo(co.resolve, 12);
        }
      }),
      { numRuns: 25 },
    );
  });
});
