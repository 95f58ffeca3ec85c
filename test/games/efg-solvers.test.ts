import { describe, expect, it } from "vitest";
import { maxRegret } from "../../src/games/equilibrium-check.js";
import { Rational } from "../../src/games/rational.js";
import { lcpSolver } from "../../src/games/solvers/lcp.js";
import { enumSolver } from "../../src/games/solvers/enum.js";
import { pureSolver } from "../../src/games/solvers/pure.js";
import { speSolver } from "../../src/games/solvers/spe.js";
import { fixture, sortedStrategies, strategies } from "./helpers.js";

describe("published equilibria of extensive games", () => {
  it("Kuhn poker: the sequence-form equilibrium gives player 1 the game value −1/18", () => {
    const game = fixture("kuhn-poker.efg");
    const [eq] = lcpSolver.solve(game).equilibria;
    expect(eq.payoffs.map(String)).toEqual(["-1/18", "1/18"]);
    expect(maxRegret(game, eq.profile)).toBe(0);
    // Kuhn (1950): player 1 bets with the jack with some α ∈ [0, 1/3], always checks the queen,
    // bets the king with 3α, and after check–bet calls with the queen with α + 1/3, folds the jack
    const p1 = (eq.profile.probs as Rational[][][])[0];
    const alpha = p1[0][1];
    expect(alpha.cmp(Rational.of(1, 3))).toBeLessThanOrEqual(0);
    expect(p1[2][1].equals(alpha.mul(Rational.of(3)))).toBe(true);
    expect(p1[1][0].toString()).toBe("1");
    expect(p1[4][1].equals(alpha.add(Rational.of(1, 3)))).toBe(true);
    expect(p1[3][0].toString()).toBe("1");
    // player 2's strategy is unique: bet the king and a third of jacks after a check, call a bet
    // with the king, a third of the time with the queen, never with the jack
    expect(strategies(eq)[1]).toEqual(["2/3", "1/3", "1", "0", "0", "1", "1", "0", "2/3", "1/3", "0", "1"]);
    const float = lcpSolver.solve(game, { arithmetic: "float" }).equilibria[0];
    expect(float.payoffs[0] as number).toBeCloseTo(-1 / 18, 12);
  });

  it("Selten's horse: pure equilibria are (C, c, R) with payoffs (1,1,1) and (D, c, L) with (3,3,2)", () => {
    const game = fixture("selten-horse.efg");
    const { equilibria } = pureSolver.solve(game);
    expect(sortedStrategies(equilibria)).toEqual(
      [
        [["1", "0"], ["1", "0"], ["0", "1"]],
        [["0", "1"], ["1", "0"], ["1", "0"]],
      ]
        .map((x) => JSON.stringify(x))
        .sort(),
    );
    expect(equilibria.map((e) => e.payoffs.join(",")).sort()).toEqual(["1,1,1", "3,3,2"]);
  });

  it("beer–quiche: every equilibrium found pools, with sender payoff 29/10 (beer) or 21/10 (quiche)", () => {
    const game = fixture("beer-quiche.efg");
    const found = [...lcpSolver.solve(game).equilibria, ...enumSolver.solve(game).equilibria, ...pureSolver.solve(game).equilibria];
    for (const eq of found) {
      expect(maxRegret(game, eq.profile)).toBe(0);
      expect(["29/10", "21/10"]).toContain(eq.payoffs[0].toString());
      expect(eq.payoffs[1].toString()).toBe("9/10");
      const [strong, weak] = (eq.profile.probs as unknown[][][])[0].map((p) => p.map(String).join(","));
      expect(strong).toBe(weak); // both types choose the same breakfast
    }
    expect(new Set(found.map((e) => e.payoffs[0].toString()))).toEqual(new Set(["29/10", "21/10"]));
  });

  it("backward induction with chance: challenger attacks only at low stakes, value (2/3, −2/3)", () => {
    const game = fixture("crisis-with-chance.efg");
    const { equilibria, notes } = speSolver.solve(game);
    expect(equilibria).toHaveLength(1);
    expect(strategies(equilibria[0])).toEqual([
      ["0", "1", "1", "0"],
      ["1", "0", "0", "1"],
    ]);
    expect(equilibria[0].payoffs.map(String)).toEqual(["2/3", "-2/3"]);
    expect(notes).toEqual([]);
    expect(speSolver.solve(game, { arithmetic: "float" }).equilibria[0].payoffs[0] as number).toBeCloseTo(2 / 3, 15);
  });

  it("backward induction refuses imperfect information with a message naming the information set", () => {
    expect(() => speSolver.solve(fixture("kuhn-poker.efg"))).toThrow(/perfect information.*information set 1 of Player 1 holds 2 nodes/);
  });

  it("lcp refuses more than two players, and strategic methods refuse trees too large for the normal form", () => {
    expect(() => lcpSolver.solve(fixture("selten-horse.efg"))).toThrow(/two-player games; this game has 3 players/);
    expect(() => enumSolver.solve(fixture("kuhn-poker.efg"))).toThrow(/27×64 game has .* pairs of supports/);
  });
});
