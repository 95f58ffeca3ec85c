import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alignedShare,
  armsInEffect,
  effectiveNeutrality,
  forceCapBite,
  guaranteeBinding,
  guaranteeIntegration,
  neutralityContent,
  neutralityThreat,
  preventiveGain,
  selfBindingCost,
} from "../../src/models/neutrality.js";
import { COMMITMENT_EFFECTS } from "../../src/models/commitments.js";
import { integratedPeaceHazardFactor, peaceHazardFactor } from "../../src/models/duration.js";

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const TREATY = 3, EXECUTIVE = 2, COMMUNIQUE = 1;

describe("neutrality as a bargain: relief from what it limits", () => {
  it("an unarmed, capped neutrality without bases limits everything; armed neutrality much less", () => {
    const istanbul = neutralityContent(forceCapBite(85_000, 250_000), 0, false);
    const armed = neutralityContent(forceCapBite(undefined, 250_000), 1, false);
    expect(forceCapBite(85_000, 250_000)).toBeCloseTo(0.66, 12);
    expect(istanbul).toBeCloseTo(0.4 + 0.2 * 0.66 + 0.2 + 0.2, 12);
    expect(armed).toBeCloseTo(0.6, 12);
    expect(neutralityContent(1, 0, false)).toBeCloseTo(1, 12);
  });

  it("more arms, fewer caps or foreign bases never raise the relief", () => {
    fc.assert(
      fc.property(prob, prob, prob, fc.boolean(), (bite, a1, a2, bases) => {
        expect(neutralityContent(bite, Math.max(a1, a2), bases)).toBeLessThanOrEqual(neutralityContent(bite, Math.min(a1, a2), bases) + 1e-15);
        expect(neutralityContent(bite, a1, true)).toBeLessThan(neutralityContent(bite, a1, false));
      }),
    );
  });

  it("a neutral with a ratified, unconditional treaty guarantee poses the threat of an Article-5 treaty", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3, noNaN: true }), prob, (reliefScale, content) => {
        expect(effectiveNeutrality(1, TREATY, 1)).toBe(0);
        expect(guaranteeIntegration(TREATY, 1)).toBe(COMMITMENT_EFFECTS.collective_defense_ratified.integration);
        expect(guaranteeIntegration(EXECUTIVE, 1)).toBe(COMMITMENT_EFFECTS.collective_defense_unratified.integration);
        expect(guaranteeIntegration(COMMUNIQUE, 1)).toBe(COMMITMENT_EFFECTS.consultative_pledge.integration);
        expect(neutralityThreat(reliefScale, 1, content, TREATY, 1)).toBeCloseTo(COMMITMENT_EFFECTS.collective_defense_ratified.threat, 14);
        expect(neutralityThreat(reliefScale, 1, content, EXECUTIVE, 1)).toBeCloseTo(
          COMMITMENT_EFFECTS.collective_defense_unratified.threat - reliefScale * content * 0.25,
          14,
        );
      }),
    );
  });

  it("a guarantee that needs the guarantors' consent cancels little of the neutrality and threatens little", () => {
    const binding = guaranteeBinding(true, 0.2);
    expect(binding).toBe(0.2);
    expect(guaranteeBinding(false, 0.2)).toBe(1);
    expect(alignedShare(TREATY, binding)).toBeCloseTo(0.2, 14);
    expect(neutralityThreat(1, 1, 1, TREATY, binding)).toBeCloseTo(-0.8 + 0.16, 14);
    // a communiqué guarantee: 1/16 of the neutrality cancelled
    expect(alignedShare(COMMUNIQUE, 1)).toBeCloseTo(0.0625, 14);
  });

  it("the relief never grows with the form or binding of the guarantee", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), prob, prob, (f1, f2, b1, b2) => {
        const lo = Math.min(f1, f2), hi = Math.max(f1, f2);
        expect(effectiveNeutrality(1, hi, b1)).toBeLessThanOrEqual(effectiveNeutrality(1, lo, b1) + 1e-15);
        expect(effectiveNeutrality(1, f1, Math.max(b1, b2))).toBeLessThanOrEqual(effectiveNeutrality(1, f1, Math.min(b1, b2)) + 1e-15);
      }),
    );
  });

  it("the challenger's own guarantee binds it by the form of the promise", () => {
    expect(selfBindingCost(0.3, 0)).toBe(0);
    expect(selfBindingCost(0.3, TREATY)).toBeCloseTo(0.3, 14);
    expect(selfBindingCost(0.3, COMMUNIQUE)).toBeCloseTo(0.1, 14);
  });
});

describe("the commitment problem: the preventive motive of a build-up", () => {
  it("arms ramp up linearly to their level at T_A", () => {
    expect(armsInEffect(1, 0, 24)).toBe(0);
    expect(armsInEffect(1, 12, 24)).toBeCloseTo(0.5, 14);
    expect(armsInEffect(2 / 3, 30, 24)).toBeCloseTo(2 / 3, 14);
    expect(armsInEffect(1, 0, 0)).toBe(1);
  });

  it("the preventive gain is δ_P·π_P0·δ_A·(a − a(t)), non-increasing in t and 0 once the build-up is done", () => {
    expect(preventiveGain(0.5, 0.45, 0.3, 1, 0)).toBeCloseTo(0.5 * 0.45 * 0.3, 14);
    fc.assert(
      fc.property(prob, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 1, max: 60, noNaN: true }), (a, t1, t2, ramp) => {
        const early = preventiveGain(0.5, 0.45, 0.3, a, armsInEffect(a, Math.min(t1, t2), ramp));
        const late = preventiveGain(0.5, 0.45, 0.3, a, armsInEffect(a, Math.max(t1, t2), ramp));
        expect(late).toBeLessThanOrEqual(early + 1e-15);
        expect(preventiveGain(0.5, 0.45, 0.3, a, armsInEffect(a, ramp, ramp))).toBeCloseTo(0, 14);
      }),
    );
  });

  it("a preventive war happens exactly when the linearised shift in power exceeds what waiting is worth", () => {
    // V(π̄ + G) > k̄: with π̄ = 0.3, k̄ = 1.2 a stake of 3.5 does not attack without the motive, does with it
    const gain = preventiveGain(0.8, 0.45, 0.4, 1, 0); // 0.144
    expect(3.5 * 0.3 > 1.2).toBe(false);
    expect(3.5 * (0.3 + gain) > 1.2).toBe(true);
  });
});

describe("duration dependence: the hazards of peace fall with time at peace", () => {
  it("g starts at 1, falls to its floor and never rises", () => {
    expect(peaceHazardFactor(0, 0.4, 36)).toBe(1);
    expect(peaceHazardFactor(1e6, 0.4, 36)).toBeCloseTo(0.4, 12);
    expect(peaceHazardFactor(36, 0.4, 36)).toBeCloseTo(0.4 + 0.6 / Math.E, 12);
    expect(peaceHazardFactor(50, 1, 36)).toBe(1);
    expect(peaceHazardFactor(50, 0.3, Infinity)).toBe(1);
    fc.assert(
      fc.property(prob, fc.double({ min: 0.5, max: 200, noNaN: true }), fc.double({ min: 0, max: 240, noNaN: true }), fc.double({ min: 0, max: 240, noNaN: true }), (floor, decay, t1, t2) => {
        expect(peaceHazardFactor(Math.max(t1, t2), floor, decay)).toBeLessThanOrEqual(peaceHazardFactor(Math.min(t1, t2), floor, decay) + 1e-15);
      }),
    );
  });

  it("the integrated factor agrees with quadrature", () => {
    const [floor, decay, t] = [0.35, 30, 90];
    let sum = 0;
    const N = 100_000;
    for (let i = 0; i < N; i++) sum += peaceHazardFactor(((i + 0.5) * t) / N, floor, decay);
    expect(integratedPeaceHazardFactor(t, floor, decay)).toBeCloseTo((sum * t) / N, 6);
    expect(integratedPeaceHazardFactor(t, floor, Infinity)).toBe(t);
  });
});
