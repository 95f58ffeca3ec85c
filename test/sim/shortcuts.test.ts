/**
 * The simulator's shortcuts (docs/SIMULATION.md, "Speed") give the same bits as the computations
 * they replace: remembered powers and resolves, logarithms kept between belief updates, an order
 * reused while it is still sorted, and the crisis law given P(attack | window). Each is checked
 * against the plain computation, with `toBe` (bit-for-bit), not a tolerance.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { optionFeatures } from "../../src/models/commitments.js";
import { PARAMETERS, P } from "../../src/contract/parameters.js";
import { priorMean } from "../../src/scenario/prior.js";
import { actorFacts, OptionContext } from "../../src/sim/context.js";
import { settlementFacts } from "../../src/sim/plan.js";
import { Coalition } from "../../src/sim/chain/coalition.js";
import { coalitionSuccessRatio, isOrderedByResolve, orderByResolve } from "../../src/models/intervention.js";
import { CRISIS_SLOTS, crisisOutcome, crisisOutcomeGivenAttack } from "../../src/models/crisis.js";
import { fillPerceivedMemberResolve } from "../../src/models/beliefs.js";
import { lognormalExceeds } from "../../src/models/stage-game.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const guarantors = scenario.actors.guarantors;
const J = guarantors.length;
const facts = actorFacts(scenario.actors);
const options = scenario.options.map((o) => optionFeatures(o, guarantors, settlementFacts(scenario)));
const meanTheta = () => Float64Array.from(PARAMETERS.map((p) => priorMean(scenario.parameters[p.name])));
const prob = fc.double({ min: 0, max: 1, noNaN: true });

/** θ at the prior means with a few parameters moved by `u` ∈ [0, 1]: several arms levels, costs and resolves. */
function thetaAt(u: number[]): Float64Array {
  const theta = meanTheta();
  theta[P.arms_denial_effect] *= 0.5 + u[0];
  theta[P.challenger_success_vs_guarantors] *= 0.5 + u[1];
  theta[P.guarantor_stake_log_mean] += u[2] - 0.5;
  theta[P.supply_staying_out_cost] *= 0.5 + u[3];
  theta[P.coalition_correlation] = u[4];
  return theta;
}
const thetaDraw = fc.array(prob, { minLength: 5, maxLength: 5 });

describe("the simulator's shortcuts are exact", () => {
  it("a context filled option after option has the powers ϱ^{m_j}, (k_G/k_P)^{m_j} that Math.pow gives", () => {
    const ctx = new OptionContext(J);
    fc.assert(
      fc.property(thetaDraw, fc.array(fc.integer({ min: 0, max: options.length - 1 }), { minLength: 1, maxLength: 12 }), (u, picks) => {
        const theta = thetaAt(u);
        for (const k of picks) {
          ctx.fill(options[k], theta, 0, facts);
          const ratio = coalitionSuccessRatio(ctx.piP, ctx.piG);
          for (let j = 0; j < J; j++) {
            const m = facts.militaryWeight[j];
            expect(ctx.piFactor[j]).toBe(m === 0 ? 1 : Math.pow(ratio, m));
            expect(ctx.kFactor[j]).toBe(m === 0 ? 1 : Math.pow(ctx.kG / ctx.kP, m));
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it("a remembered resolve is the resolve computed afresh, whatever the slot and the options in between", () => {
    const contexts = options.map(() => new OptionContext(J));
    const co = new Coalition(J, J + 4);
    fc.assert(
      fc.property(thetaDraw, fc.array(fc.tuple(fc.integer({ min: 0, max: options.length - 1 }), fc.integer({ min: 0, max: J - 1 }), fc.integer({ min: 0, max: J + 3 }), fc.integer({ min: -2, max: 2 })), { minLength: 1, maxLength: 40 }), (u, steps) => {
        const theta = thetaAt(u);
        contexts.forEach((ctx, k) => ctx.fill(options[k], theta, 0, facts));
        for (const [k, j, slot, shift] of steps) {
          const mean = theta[P.guarantor_stake_log_mean] + 0.5 * shift;
          co.resolveOne(contexts[k], j, mean, theta[P.guarantor_stake_log_sd], slot);
          const lt = contexts[k].logThreshold[j];
          expect(co.q[j]).toBe(lt === -Infinity ? 1 : lt === Infinity ? 0 : lognormalExceeds(lt, mean, theta[P.guarantor_stake_log_sd]));
        }
      }),
      { numRuns: 30 },
    );
  });

  it("a coalition's expected war terms after many updates equal those of a new coalition in the same state", () => {
    const ctx = new OptionContext(J);
    const kept = new Coalition(J);
    fc.assert(
      fc.property(
        thetaDraw,
        fc.integer({ min: 0, max: options.length - 1 }),
        fc.array(fc.tuple(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: J, maxLength: J }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 8 }),
        (u, k, updates) => {
          const theta = thetaAt(u);
          ctx.fill(options[k], theta, 0, facts);
          for (const [shifts, firm, backdowns] of updates) {
            const shift = Float64Array.from(shifts);
            const fresh = new Coalition(J);
            for (const co of [kept, fresh]) {
              co.resolveAll(ctx, theta[P.guarantor_stake_log_mean], shift, theta[P.guarantor_stake_log_sd], theta[P.coalition_correlation]);
              co.updateBeliefs(ctx, theta[P.resolve_discount], theta[P.belief_prior_strength], firm, backdowns);
            }
            expect(kept.expectedSuccess).toBe(fresh.expectedSuccess);
            expect(kept.expectedCost).toBe(fresh.expectedCost);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("q̂_j from logarithms kept between calls equal q̂_j computed from q_j", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(prob, fc.constantFrom(0, 1)), { minLength: 1, maxLength: 8 }), prob, prob, (qs, resolve, perceived) => {
        const q = Float64Array.from(qs);
        const logs = Float64Array.from(qs, (x) => Math.log1p(-x));
        const a = new Float64Array(qs.length);
        const b = new Float64Array(qs.length);
        expect(fillPerceivedMemberResolve(a, q, qs.length, resolve, perceived, logs)).toBe(fillPerceivedMemberResolve(b, q, qs.length, resolve, perceived));
        expect(Array.from(a)).toEqual(Array.from(b));
      }),
    );
  });

  it("an order is accepted as sorted exactly when it is the order orderByResolve makes, ties included", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 0.1, 0.5, 0.5, 0.9, 1), { minLength: 1, maxLength: 7 }), fc.nat(), (qs, seed) => {
        const n = qs.length;
        const q = Float64Array.from(qs);
        const sorted = new Int32Array(n);
        orderByResolve(q, n, sorted);
        expect(isOrderedByResolve(q, n, sorted)).toBe(true);
        // a permutation of the sorted order: accepted only if it is the same order
        const candidate = Int32Array.from(sorted);
        for (let i = n - 1; i > 0; i--) {
          const k = (seed + 7 * i) % (i + 1);
          [candidate[i], candidate[k]] = [candidate[k], candidate[i]];
        }
        expect(isOrderedByResolve(q, n, candidate)).toBe(Array.from(candidate).join() === Array.from(sorted).join());
      }),
    );
  });

  it("the crisis law given P(V > k̄/π̄) is the crisis law", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        prob,
        prob,
        prob,
        prob,
        (mu, sigma, gain, cost, e, hHat, h, concession) => {
          const a = new Float64Array(CRISIS_SLOTS);
          const b = new Float64Array(CRISIS_SLOTS);
          crisisOutcome(a, mu, sigma, gain, cost, e, hHat, h, concession);
          const cut = gain > 0 ? cost / gain : Infinity;
          // the stepper's P(attack | window): 1 − Φ((ln V* − μ)/σ) with ln 0 = −∞
          const attack = lognormalExceeds(cut > 0 ? Math.log(cut) : -Infinity, mu, sigma);
          crisisOutcomeGivenAttack(b, attack, mu, sigma, gain, cost, e, hHat, h, concession);
          expect(Array.from(b)).toEqual(Array.from(a));
        },
      ),
    );
  });
});
