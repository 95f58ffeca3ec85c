import { describe, expect, it } from "vitest";
import { buildBargaining, solveBargaining, type BargainingParameters } from "../../../src/models/games/bargaining.js";
import { inputs } from "./helpers.js";

const inp = inputs();
const solve = (b: BargainingParameters) => solveBargaining(b, buildBargaining(b, inp), inp);
const base: BargainingParameters = { powerNow: 0.52, powerLater: 0.46, challengerCost: 0.1, protegeCost: 0.3, discount: 0.9, grid: 20 };

describe("bargaining with shifting power (Fearon 1995; Powell 2006)", () => {
  it("small shift: the offers are the smallest grid shares the challenger accepts", () => {
    // period 2: x₂ ≥ p₂ − c_C = 0.36 → 8/20; period 1: x₁ ≥ (p₁ − c_C)(1 + δ) − δx₂ = 0.798 − 0.36 = 0.438 → 9/20
    const s = solve(base);
    expect(s.preventiveWar).toBe(false);
    expect(s.offerLater).toBe(0.4);
    expect(s.offerNow).toBe(0.45);
  });

  it("large shift: no share today compensates, so the challenger fights a preventive war", () => {
    // δ(p₁ − p₂) = 0.72 > 1 − p₁ + c_C = 0.15
    const s = solve({ ...base, powerNow: 0.9, powerLater: 0.1, challengerCost: 0.05 });
    expect(s.preventiveWar).toBe(true);
    expect(s.shift).toBeGreaterThan(s.room);
  });

  it("the corner δ(p₁ − p₂) = 1 − p₁ + c_C (p₂ ≈ 0.522 at p₁ = 0.8, c_C = 0.05): peace at p₂ = 0.55, war at 0.49", () => {
    const at = (p2: number) => solve({ ...base, powerNow: 0.8, powerLater: p2, challengerCost: 0.05 });
    // p₂ = 0.55: x₂ = 0.5 or 0.55, x₁ = 1.425 − 0.9x₂ ≤ 0.975 ≤ 1
    expect(at(0.55).preventiveWar).toBe(false);
    // p₂ = 0.49: x₂ = 0.45, x₁ = 1.425 − 0.405 = 1.02 > 1
    expect(at(0.49).preventiveWar).toBe(true);
  });

  it("a settlement that does not move power leaves the challenger only its war value", () => {
    // p₁ = p₂ = 0.45, c_C = 1.03 > p: war is worth less than nothing, so nothing is offered
    const s = solve({ ...base, powerNow: 0.45, powerLater: 0.45, challengerCost: 1.03 });
    expect(s.offerNow).toBe(0);
    expect(s.offerLater).toBe(0);
  });
});
