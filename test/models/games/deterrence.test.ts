import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDeterrence, closedFormAttackProbability, solveDeterrence } from "../../../src/models/games/deterrence.js";
import { solveSubgamePerfect, pureChoice } from "../../../src/models/games/tree.js";
import { normalCdf } from "../../../src/math/distributions.js";
import { inputs } from "./helpers.js";

/** q = P(W > k − a) for W ~ LogNormal(0, 1), k − a = 2: 1 − Φ(ln 2) (computed with erf in Python). */
const Q_AT_TWO = 0.24410859578558275;

describe("extended deterrence as a game (docs/MODEL.md §4–§5)", () => {
  it("reproduces the hand-derived attack probability at a stated point", () => {
    // V* = (4q + (1 − q))/(0.1q + 0.5(1 − q)) = 4.30545; P = 1 − Φ(ln(V*/2)) = 0.2216197455 (Python, erf)
    const inp = inputs({ resolve: Q_AT_TWO, perceivedResolve: Q_AT_TWO });
    const s = solveDeterrence(buildDeterrence(inp));
    expect(s.cutPoint).toBeCloseTo(4.3054493260872, 9);
    expect(Math.abs(s.attackProbability - 0.22161974551472374)).toBeLessThan(1e-9);
  });

  it("agrees with the closed form to 1e-9 over random parameter points", () => {
    const arb = fc.record({
      mu: fc.double({ min: -2, max: 2, noNaN: true }),
      sigma: fc.double({ min: 0.2, max: 2, noNaN: true }),
      piG: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
      kG: fc.double({ min: 0.5, max: 10, noNaN: true }),
      piP: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      kP: fc.double({ min: 0.2, max: 3, noNaN: true }),
      qHat: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const inp = inputs({ stakeLogMean: x.mu, stakeLogSd: x.sigma, piG: x.piG, kG: x.kG, piP: x.piP, kP: x.kP, resolve: x.qHat, perceivedResolve: x.qHat });
        const game = buildDeterrence(inp);
        const s = solveDeterrence(game);
        expect(Math.abs(s.attackProbability - closedFormAttackProbability(inp))).toBeLessThan(1e-9);
        // every stake cell above V* attacks, every one below refrains (cells with no float mass may tie at V*)
        game.stakeCells.forEach((c, i) => c.probability > 1e-12 && expect(s.attacks[i]).toBe(c.lo >= s.cutPoint));
      }),
      { numRuns: 40 },
    );
  });

  it("without a committed guarantor the challenger attacks when V > k_P/π_P: here V* = 2 = the median, P = 1/2", () => {
    const s = solveDeterrence(buildDeterrence(inputs({ lead: null, resolve: 0, perceivedResolve: 0 })));
    expect(s.cutPoint).toBe(2);
    expect(Math.abs(s.attackProbability - 0.5)).toBeLessThan(1e-12);
  });

  it("the resolved guarantor type intervenes and the irresolute one stays out", () => {
    const game = buildDeterrence(inputs());
    const solved = solveSubgamePerfect(game.game);
    const last = game.stakeCells.length;
    expect(pureChoice(solved, `guarantor resolved, after an attack by stake cell ${last}`)).toBe("intervene");
    expect(pureChoice(solved, `guarantor irresolute, after an attack by stake cell ${last}`)).toBe("stay out");
  });

  it("when staying out costs more than war (a ≥ k) the discounted belief q̂ still sets V*", () => {
    const inp = inputs({ audienceCost: 3.5, resolve: 1, perceivedResolve: 0.7 });
    const game = buildDeterrence(inp);
    // the irresolute type Russia still fears is one whose promise does not bind
    expect(game.guarantorTypes!.irresoluteYieldCost).toBe(0);
    const s = solveDeterrence(game);
    // q̂ = 0.7: V* = (2.8 + 0.3)/(0.07 + 0.15)
    expect(s.cutPoint).toBeCloseTo(3.1 / 0.22, 12);
    expect(Math.abs(s.attackProbability - (1 - normalCdf(Math.log(3.1 / 0.22 / 2))))).toBeLessThan(1e-9);
  });

  it("more perceived resolve deters more when the war with the guarantor is the worse one", () => {
    const p = [0, 0.3, 0.6, 0.9].map((q) => solveDeterrence(buildDeterrence(inputs({ perceivedResolve: q }))).attackProbability);
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeLessThan(p[i - 1]);
  });
});
