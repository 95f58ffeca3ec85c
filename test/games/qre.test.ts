import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { floatField } from "../../src/games/field.js";
import { maxRegret, strategyValues } from "../../src/games/equilibrium-check.js";
import { bimatrixGame, type NormalFormGame } from "../../src/games/normal-form.js";
import { qreSolver } from "../../src/games/solvers/qre.js";
import { fixture, strategies } from "./helpers.js";
import { bimatrix } from "./random-games.js";

/** Root of a decreasing function on [lo, hi] by bisection: an independent way to solve 1-D fixed points. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Largest violation of π_ij = exp(λ·u_ij(π)) / Σ_k exp(λ·u_ik(π)), the definition of a logit QRE. */
function logitViolation(game: NormalFormGame, probs: number[][], lambda: number): number {
  const values = strategyValues(game, probs, floatField);
  let worst = 0;
  values.forEach((row, i) => {
    const top = Math.max(...row);
    const weights = row.map((u) => Math.exp(lambda * (u - top)));
    const total = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, j) => (worst = Math.max(worst, Math.abs(w / total - probs[i][j]))));
  });
  return worst;
}

describe("logit quantal response equilibrium", () => {
  it("prisoner's dilemma at λ = 1: cooperation probability solves p = 1 / (1 + e^(1+p))", () => {
    // u(D) − u(C) = 1 + p against an opponent cooperating with probability p (payoffs 3, 0, 5, 1)
    const p = bisect((x) => 1 / (1 + Math.exp(1 + x)) - x, 0, 1);
    const [eq] = qreSolver.solve(fixture("prisoners-dilemma.nfg"), { lambda: 1 }).equilibria;
    expect(eq.lambda).toBe(1);
    expect(eq.profile.probs[0][0] as number).toBeCloseTo(p, 10);
    expect(eq.profile.probs[1][0] as number).toBeCloseTo(p, 10);
  });

  it("at λ = 0 it is the centroid", () => {
    const [eq] = qreSolver.solve(fixture("rock-paper-scissors.nfg"), { lambda: 0 }).equilibria;
    for (const x of eq.profile.probs.flat()) expect(x as number).toBeCloseTo(1 / 3, 14);
  });

  it("random games at random λ satisfy the logit equations to 1e-9", () => {
    fc.assert(
      fc.property(bimatrix(3), fc.double({ min: 0, max: 5, noNaN: true }), (game, lambda) => {
        const [eq] = qreSolver.solve(game, { lambda }).equilibria;
        expect(logitViolation(game, eq.profile.probs as number[][], lambda)).toBeLessThan(1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it("the limiting equilibrium is a Nash equilibrium (exact where supports allow)", () => {
    expect(strategies(qreSolver.solve(fixture("battle-of-the-sexes.nfg")).equilibria[0])).toEqual([
      ["2/3", "1/3"],
      ["1/3", "2/3"],
    ]);
    fc.assert(
      fc.property(bimatrix(3), (game) => {
        const { equilibria, notes } = qreSolver.solve(game);
        if (notes.some((n) => n.startsWith("could not polish"))) return;
        expect(maxRegret(game, equilibria[0].profile)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it("agent form: the limit in Kuhn poker gives the game value −1/18", () => {
    const game = fixture("kuhn-poker.efg");
    const [eq] = qreSolver.solve(game).equilibria;
    expect(eq.payoffs[0] as number).toBeCloseTo(-1 / 18, 9);
    expect(maxRegret(game, eq.profile)).toBeLessThanOrEqual(1e-9);
  });

  it("agent form at a finite λ is interior and a poorer equilibrium than the limit", () => {
    const game = fixture("beer-quiche.efg");
    const [eq] = qreSolver.solve(game, { lambda: 1 }).equilibria;
    for (const x of eq.profile.probs.flat(2)) expect(x as number).toBeGreaterThan(0);
    expect(maxRegret(game, eq.profile)).toBeGreaterThan(0.01);
  });

  it("a dominated strategy vanishes along the path", () => {
    const game = bimatrixGame([[1], [0]], [[0], [0]]);
    const [eq] = qreSolver.solve(game, { lambda: 10 }).equilibria;
    expect(eq.profile.probs[0][1] as number).toBeCloseTo(1 / (1 + Math.exp(10)), 12);
  });
});
