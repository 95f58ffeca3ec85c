import { describe, expect, it } from "vitest";
import {
  CRISIS_ATTACK,
  CRISIS_DEFENDER_HELD,
  CRISIS_NOT_PRESSED,
  CRISIS_PRESS_OR_ATTACK,
  CRISIS_PROTEGE_YIELDS,
  CRISIS_SLOTS,
  CRISIS_WAR,
  crisisOutcome,
} from "../../../src/models/crisis.js";
import { brinkmanshipParameters, buildBrinkmanship, crisisCells, solveBrinkmanship, type CrisisGameParameters } from "../../../src/models/games/brinkmanship.js";
import { CRISIS_GAME, crisisLawGame, MECHANISM_GAMES } from "../../../src/models/mechanisms/registry.js";
import { normalCdf } from "../../../src/math/distributions.js";
import { Stream } from "../../../src/math/random.js";
import { pureChoice } from "../../../src/models/games/tree.js";
import { GAME_ASSUMPTIONS } from "../../../src/models/games/inputs.js";
import { inputs } from "./helpers.js";

const NAMES = { challenger: "Russia", protege: "Ukraine", guarantor: "Guarantor" };
const SLOTS = [CRISIS_WAR, CRISIS_PROTEGE_YIELDS, CRISIS_DEFENDER_HELD, CRISIS_NOT_PRESSED, CRISIS_ATTACK, CRISIS_PRESS_OR_ATTACK];

function closedForm(b: CrisisGameParameters): Float64Array {
  const out = new Float64Array(CRISIS_SLOTS);
  crisisOutcome(out, b.stakeLogMean, b.stakeLogSd, b.expectedGain, b.expectedCost, b.escalationRisk, b.perceivedHold, b.actualHold, b.concession);
  return out;
}

function game(b: CrisisGameParameters) {
  const g = buildBrinkmanship(b, { option: "test", names: NAMES });
  return { g, s: solveBrinkmanship(b, g) };
}

describe("the crisis game (games (b)) computes the crisis law", () => {
  it("at a hand-derived point: V* = 2, V_c = 0.1/0.14, A = 1 − Φ(ln 2), P_c = 1 − Φ(ln V_c)", () => {
    // μ_V = 0, σ_V = 1, π̄' = 0.5, k̄ = 1, e = 0.1, ĥ = 0.5, h = 0.8, Δ_b = 0.2:
    // V* = k̄/π̄' = 2; V_c = e·k̄/(e·π̄' + (1 − e)(1 − ĥ)Δ_b) = 0.1/(0.05 + 0.09) = 0.714285…
    const b: CrisisGameParameters = { stakeLogMean: 0, stakeLogSd: 1, expectedGain: 0.5, expectedCost: 1, escalationRisk: 0.1, perceivedHold: 0.5, actualHold: 0.8, concession: 0.2 };
    const { s } = game(b);
    const A = 1 - normalCdf(Math.log(2));
    const Pc = 1 - normalCdf(Math.log(0.1 / 0.14));
    expect(s.attackCut).toBeCloseTo(2, 14);
    expect(s.pressCut).toBeCloseTo(0.1 / 0.14, 14);
    expect(s.law[CRISIS_ATTACK]).toBeCloseTo(A, 12);
    expect(s.law[CRISIS_WAR]).toBeCloseTo(A + (Pc - A) * 0.1, 12);
    expect(s.law[CRISIS_PROTEGE_YIELDS]).toBeCloseTo((Pc - A) * 0.9 * 0.2, 12);
    expect(s.law[CRISIS_DEFENDER_HELD]).toBeCloseTo((Pc - A) * 0.9 * 0.8, 12);
    expect(s.law[CRISIS_NOT_PRESSED]).toBeCloseTo(1 - Pc, 12);
  });

  it("equals crisisOutcome to 1e-9 at 40 random parameter points", () => {
    const rng = new Stream(2026, 15, 3);
    const u = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
    for (let i = 0; i < 40; i++) {
      const b: CrisisGameParameters = {
        stakeLogMean: u(-2, 1.5),
        stakeLogSd: u(0.2, 1.5),
        expectedGain: u(0.02, 0.9),
        expectedCost: u(0.1, 6),
        escalationRisk: i % 10 === 0 ? 0 : u(0, 0.5),
        perceivedHold: u(0, 1),
        actualHold: u(0, 1),
        concession: u(0, 0.4),
      };
      const want = closedForm(b);
      const got = game(b).s.law;
      for (const k of SLOTS) expect(Math.abs(got[k] - want[k]), `point ${i}, slot ${k}`).toBeLessThan(1e-9);
    }
  });

  it("cells above V* attack, cells in (V_c, V*] press, the rest back down at once", () => {
    const b: CrisisGameParameters = { stakeLogMean: 0, stakeLogSd: 1, expectedGain: 0.5, expectedCost: 1, escalationRisk: 0.1, perceivedHold: 0.5, actualHold: 0.8, concession: 0.2 };
    const { s } = game(b);
    for (const c of crisisCells(b)) {
      const where = `V in (${Number(c.lo.toPrecision(3))}, ${Number(c.hi.toPrecision(3))}]`;
      expect(pureChoice(s.solved, `attack? ${where}`), where).toBe(c.lo >= 2 ? "attack" : "no attack");
      if (c.lo < 2) expect(pureChoice(s.solved, `press? ${where}`), where).toBe(c.lo >= 0.1 / 0.14 - 1e-12 ? "press" : "back down");
    }
  });

  it("from the games' inputs: one lead guarantor, ĥ = q̂ + (1 − q̂)(1 − π_P), π̄ = q̂π_G + (1 − q̂)π_P", () => {
    const b = brinkmanshipParameters(inputs({ resolve: 0.5, perceivedResolve: 0.4 }));
    expect(b.expectedGain).toBeCloseTo(0.4 * 0.1 + 0.6 * 0.5, 15);
    expect(b.expectedCost).toBeCloseTo(0.4 * 4 + 0.6 * 1, 15);
    expect(b.perceivedHold).toBeCloseTo(0.4 + 0.6 * 0.5, 15);
    expect(b.actualHold).toBeCloseTo(0.5 + 0.5 * 0.5, 15);
    expect(b.escalationRisk).toBe(0.05);
  });
});

describe("the mechanism registry", () => {
  it("lists the six games once each; exactly one, the crisis game, has the role crisis-law", () => {
    expect(MECHANISM_GAMES.map((m) => m.id)).toEqual(["deterrence", "brinkmanship", "bargaining", "alliance", "tripwire", "spoiler"]);
    expect(MECHANISM_GAMES.filter((m) => m.role === "crisis-law").map((m) => m.id)).toEqual(["brinkmanship"]);
    expect(crisisLawGame()).toBe(CRISIS_GAME);
  });

  it("every game plays from the same inputs; games that need a guarantor say so when there is none", () => {
    const solved = MECHANISM_GAMES.map((m) => m.play(inputs({ lead: null, resolve: 0, perceivedResolve: 0 }), GAME_ASSUMPTIONS));
    expect(solved.map((s) => s.id)).toEqual(MECHANISM_GAMES.map((m) => m.id));
    // the crisis game needs no guarantor: the protégé alone holds or yields
    expect(solved.find((s) => s.id === "brinkmanship")!.game).not.toBeNull();
    for (const id of ["alliance", "tripwire"]) expect(solved.find((s) => s.id === id)!.explanation.join(" ")).toMatch(/No guarantor is committed/);
  });
});
