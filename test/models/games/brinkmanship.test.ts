import { describe, expect, it } from "vitest";
import { brinkmanshipParameters, buildBrinkmanship, solveBrinkmanship } from "../../../src/models/games/brinkmanship.js";
import { GAME_ASSUMPTIONS, type GameAssumptions } from "../../../src/models/games/inputs.js";
import { pureChoice, solveSubgamePerfect } from "../../../src/models/games/tree.js";
import { inputs } from "./helpers.js";

const solve = (over: Parameters<typeof inputs>[0], as: GameAssumptions = GAME_ASSUMPTIONS) => {
  const inp = inputs(over);
  const b = brinkmanshipParameters(inp, as)!;
  return { b, s: solveBrinkmanship(b, buildBrinkmanship(b, inp)), game: buildBrinkmanship(b, inp) };
};

describe("brinkmanship (Schelling 1966; Powell 1990)", () => {
  // V = 2, k_G = 4: the challenger's risk tolerance r̄ = V/(V + k_G) = 1/3
  it("below r̄ in the last round the challenger presses, an irresolute guarantor yields after the first press", () => {
    const { s } = solve({ resolve: 0.3 });
    // r₁ = 0.05, r_R = 0.15 < 1/3: war = (1 − q)·r₁, guarantor yields (1 − q)(1 − r₁), challenger yields q
    expect(s.riskTolerance).toBeCloseTo(1 / 3, 15);
    expect(s.war).toBeCloseTo(0.7 * 0.05, 12);
    expect(s.guarantorBacksDown).toBeCloseTo(0.7 * 0.95, 12);
    expect(s.challengerBacksDown).toBeCloseTo(0.3, 12);
  });

  it("troops in place double the risk of each press: r₁ = 0.1, r_R = 0.3 < 1/3 still", () => {
    const { s } = solve({ resolve: 0.3, troops: 5000 });
    expect(s.war).toBeCloseTo(0.7 * 0.1, 12);
    expect(s.guarantorBacksDown).toBeCloseTo(0.7 * 0.9, 12);
  });

  it("a fourth round with troops (r_R = 0.4 > 1/3) makes the challenger back down at once", () => {
    const { s } = solve({ resolve: 0.3, troops: 5000 }, { ...(GAME_ASSUMPTIONS as GameAssumptions), brinkmanshipRounds: 4 });
    expect(s.challengerBacksDown).toBe(1);
    expect(s.war).toBe(0);
  });

  it("the corner r_R = r̄ lies at k_G = V/r_R − V = 11.33: pressing at 11, not at 11.7", () => {
    expect(solve({ resolve: 0, kG: 11 }).s.guarantorBacksDown).toBeCloseTo(0.95, 12);
    expect(solve({ resolve: 0, kG: 11.7 }).s.challengerBacksDown).toBe(1);
  });

  it("a resolved guarantor holds in every round; an irresolute one yields at the last", () => {
    const { game } = solve({ resolve: 0.5 });
    const solved = solveSubgamePerfect(game);
    for (const r of [1, 2, 3]) expect(pureChoice(solved, `guarantor resolved, round ${r}`)).toBe("hold");
    expect(pureChoice(solved, "guarantor irresolute, round 3")).toBe("back down");
  });

  it("the resolved type's stake plus its cost of yielding exceeds the war cost, the irresolute one's does not", () => {
    const { b } = solve({ tripwireCost: 0.5 });
    expect(b.resolvedStake).toBeGreaterThan(b.guarantorWarCost);
    expect(b.irresoluteStake).toBeLessThan(b.guarantorWarCost);
    expect(brinkmanshipParameters(inputs({ lead: null }))).toBeNull();
  });
});
