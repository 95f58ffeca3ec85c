import { describe, expect, it } from "vitest";
import { GAME_ASSUMPTIONS } from "../../../src/models/games/inputs.js";
import { buildTripwire, CHALLENGER_ACTIONS, solveTripwire, tripwireParameters } from "../../../src/models/games/tripwire.js";
import { normalCdf } from "../../../src/math/distributions.js";
import { inputs } from "./helpers.js";

// W ~ LogNormal(0, 1), k = 3, a = 1, a_F·troops = 0.5: answers an attack if W > 1.5, a strike if W > 1 (casualties add 0.5)
const pHigh = 1 - normalCdf(Math.log(1.5));
const pAnswerStrike = 0.5;

/** The challenger's best action at stake v, derived by hand (ties go to the earlier action). */
function handChoice(v: number, strikeCost: number): string {
  const attack = pHigh * (0.1 * v - 0.5) + (1 - pHigh) * (0.5 * v - 1);
  const strike = pAnswerStrike * (0.1 * v - 0.5 - strikeCost) + (1 - pAnswerStrike) * (0.5 * v - strikeCost);
  const payoffs = [0, attack, strike];
  return CHALLENGER_ACTIONS[payoffs.indexOf(Math.max(...payoffs))];
}

describe("the tripwire (Schelling 1966; Fuhrmann & Sechser 2014)", () => {
  const base = { kG: 0.5, backdownShift: 0.5, troops: 5000, tripwireCost: 0.5 };

  for (const unMandate of [false, true]) {
    it(`each stake cell takes the hand-derived action (${unMandate ? "UN mandate" : "no UN mandate"})`, () => {
      const inp = inputs({ ...base, unMandate });
      const t = tripwireParameters(inp)!;
      expect(t.types[0].belief).toBeCloseTo(pHigh, 12);
      expect(t.types[0].belief + t.types[1].belief).toBeCloseTo(pAnswerStrike, 12);
      const s = solveTripwire(t, buildTripwire(t, inp), inp);
      const cost = GAME_ASSUMPTIONS.strikeCost + (unMandate ? GAME_ASSUMPTIONS.strikeCostUnMandate : 0);
      expect(s.choices).toEqual(t.stakeCells.map((c) => handChoice(c.mean, cost)));
    });
  }

  it("a UN mandate makes strikes on the force costlier: fewer stake cells strike, more refrain", () => {
    const run = (unMandate: boolean) => {
      const inp = inputs({ ...base, unMandate });
      const t = tripwireParameters(inp)!;
      return solveTripwire(t, buildTripwire(t, inp), inp);
    };
    const [without, withMandate] = [run(false), run(true)];
    expect(withMandate.strike).toBeLessThan(without.strike);
    // the low-stake strikers refrain, the high-stake ones attack the protégé instead
    expect(withMandate.choices.filter((c) => c === "refrain").length).toBeGreaterThan(without.choices.filter((c) => c === "refrain").length);
    expect(without.choices.filter((c) => c === "strike the forces").length).toBeGreaterThan(withMandate.choices.filter((c) => c === "strike the forces").length);
  });

  it("without troops there is nothing to strike, and the tripwire adds nothing to the guarantor's resolve", () => {
    const inp = inputs({ kG: 0.5, backdownShift: 0.5 });
    const t = tripwireParameters(inp)!;
    const s = solveTripwire(t, buildTripwire(t, inp), inp);
    expect(s.strike).toBe(0);
    expect(t.attackYieldCost).toBe(t.strikeYieldCost);
  });
});
