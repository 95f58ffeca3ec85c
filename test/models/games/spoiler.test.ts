import { describe, expect, it } from "vitest";
import { buildSpoiler, solveSpoiler, spoilerParameters } from "../../../src/models/games/spoiler.js";
import { inputs } from "./helpers.js";

// V = 2, π_P V − k_P = 0, c = 0.2; spoiler: b₀ = 1, B = 2, L = 1, κ ~ U(0, 4); absorbing costs the challenger 0.3
const solve = (over: Parameters<typeof inputs>[0]) => {
  const inp = inputs(over);
  const s = spoilerParameters(inp);
  return solveSpoiler(s, buildSpoiler(s, inp), inp);
};

describe("the spoiler game and moral hazard", () => {
  it("with retaliation at every q the guarantee raises provocation linearly: 1 + m·q with m = c(B + L)/(b₀ − cL) = 0.75", () => {
    // k_G = 0.2: war with the guarantor is worth 0 > −0.3, so the challenger always retaliates
    const s = solve({ kG: 0.2, resolve: 0.5 });
    expect(s.retaliates).toBe(true);
    // G = 1 + 0.2(0.5·2 − 0.5·1) = 1.1; P(provoke) = 1.1/4
    expect(s.provokeProbability).toBeCloseTo(0.275, 12);
    expect(s.moralHazardFactor).toBeCloseTo(1 + 0.75 * 0.5, 12);
  });

  it("the corner q = 0.375 where the guarantee deters retaliation (k_G = 1: −0.8q vs −0.3)", () => {
    const below = solve({ kG: 1, resolve: 0.3 });
    expect(below.retaliates).toBe(true);
    // G = 1 + 0.2(0.6 − 0.7) = 0.98
    expect(below.provokeProbability).toBeCloseTo(0.245, 12);
    const above = solve({ kG: 1, resolve: 0.45 });
    expect(above.retaliates).toBe(false);
    // no war can follow an incident: G = b₀ = 1
    expect(above.provokeProbability).toBeCloseTo(0.25, 12);
  });

  it("monitoring that lowers c lowers the moral-hazard factor", () => {
    const high = solve({ kG: 0.2, resolve: 0.5, incidentCrisisProbability: 0.2 });
    const low = solve({ kG: 0.2, resolve: 0.5, incidentCrisisProbability: 0.1 });
    // m = 0.1·3/(1 − 0.1) = 1/3
    expect(low.moralHazardFactor).toBeCloseTo(1 + 0.5 / 3, 12);
    expect(low.moralHazardFactor).toBeLessThan(high.moralHazardFactor);
  });
});
