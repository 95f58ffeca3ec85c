import { describe, expect, it } from "vitest";
import { allianceParameters, buildAlliance, solveAlliance } from "../../../src/models/games/alliance.js";
import { normalCdf } from "../../../src/math/distributions.js";
import { inputs } from "./helpers.js";

// V ~ LogNormal(ln 2, 1), π_G = 0.1, k_G = 4, π_P = 0.5, k_P = 1: V* = 40 if defended, 2 if not; provoking multiplies V by 1.5
const w = (provoked: boolean, defended: boolean) => 1 - normalCdf(Math.log((defended ? 40 : 2) / (2 * (provoked ? 1.5 : 1))));

describe("the alliance security dilemma (Snyder 1984; Benson 2012)", () => {
  it("war probabilities come from the stage game at q̂ = 0 or 1", () => {
    const a = allianceParameters(inputs({ audienceCost: 2.5 }))!;
    expect(a.warProbability[0][0]).toBeCloseTo(0.5, 12);
    expect(a.warProbability[1][1]).toBeCloseTo(w(true, true), 12);
  });

  it("a costly promise (W + a > k): the conditional commitment restrains the protégé, the unconditional one would entrap", () => {
    // W = 1, k = 3, a = 2.5: defend when covered (−3 > −3.5), abandon when not (−1 > −3)
    const inp = inputs({ audienceCost: 2.5 });
    const s = solveAlliance(buildAlliance(allianceParameters(inp)!, inp), inp);
    // protégé (b = 0.3, L_D = 0.5, L_A = 1.5) under conditional: restrain −0.5·w(F,T) vs provoke 0.3 − 1.5·w(T,F) → restrain
    expect(0.3 - 1.5 * w(true, false)).toBeLessThan(-0.5 * w(false, true));
    // under unconditional it would provoke: 0.3 − 0.5·w(T,T) > −0.5·w(F,T); guarantor: −3w(F,T) (conditional) beats −3w(T,T) and −w(T,F)
    expect(0.3 - 0.5 * w(true, true)).toBeGreaterThan(-0.5 * w(false, true));
    expect(s.commitment).toBe("conditional");
    expect(s.provokes).toBe(false);
    expect(s.war).toBeCloseTo(w(false, true), 12);
    expect(s.abandonment).toBe(0);
    expect(s.entrapment).toBe(0);
  });

  it("a cheap promise (W + a < k): the guarantor abandons whatever it signed, and the protégé, left alone, provokes", () => {
    const inp = inputs({ audienceCost: 1.5 });
    const s = solveAlliance(buildAlliance(allianceParameters(inp)!, inp), inp);
    // provoke 0.3 − 1.5·w(T,F) = −0.686 > restrain −1.5·w(F,F) = −0.75
    expect(s.provokes).toBe(true);
    expect(s.war).toBeCloseTo(w(true, false), 12);
    expect(s.abandonment).toBeCloseTo(w(true, false), 12);
  });

  it("without a provocation gain the protégé restrains under any commitment", () => {
    const inp = inputs({ audienceCost: 2.5 });
    const a = { ...allianceParameters(inp)!, provocationGain: 0 };
    expect(solveAlliance(buildAlliance(a, inp), inp).provokes).toBe(false);
  });
});
