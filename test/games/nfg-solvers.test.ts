import { describe, expect, it } from "vitest";
import { type Num, numToNumber } from "../../src/games/field.js";
import { maxRegret } from "../../src/games/equilibrium-check.js";
import { enumSolver } from "../../src/games/solvers/enum.js";
import { lhSolver } from "../../src/games/solvers/lh.js";
import { pureSolver } from "../../src/games/solvers/pure.js";
import { fixture, sortedStrategies } from "./helpers.js";

const methods = [enumSolver, lhSolver];

describe("published equilibria of small strategic games", () => {
  it("matching pennies: the unique equilibrium is (1/2, 1/2) for both, value 0", () => {
    const game = fixture("matching-pennies.nfg");
    for (const solver of methods) {
      const { equilibria } = solver.solve(game);
      expect(sortedStrategies(equilibria)).toEqual([JSON.stringify([["1/2", "1/2"], ["1/2", "1/2"]])]);
      expect(equilibria[0].payoffs.map(String)).toEqual(["0", "0"]);
    }
    expect(pureSolver.solve(game).equilibria).toHaveLength(0);
  });

  it("prisoner's dilemma: mutual defection is the only equilibrium", () => {
    const game = fixture("prisoners-dilemma.nfg");
    for (const solver of [...methods, pureSolver]) {
      const { equilibria } = solver.solve(game);
      expect(sortedStrategies(equilibria)).toEqual([JSON.stringify([["0", "1"], ["0", "1"]])]);
      expect(equilibria[0].payoffs.map(String)).toEqual(["1", "1"]);
    }
  });

  it("battle of the sexes has two pure equilibria and one mixed one (2/3, 1/3), (1/3, 2/3)", () => {
    const game = fixture("battle-of-the-sexes.nfg");
    const all = enumSolver.solve(game).equilibria;
    expect(sortedStrategies(all)).toEqual(
      [
        [["1", "0"], ["1", "0"]],
        [["0", "1"], ["0", "1"]],
        [["2/3", "1/3"], ["1/3", "2/3"]],
      ]
        .map((x) => JSON.stringify(x))
        .sort(),
    );
    const mixed = all.find((e) => e.profile.probs[0][0].toString() === "2/3")!;
    expect(mixed.payoffs.map(String)).toEqual(["2/3", "2/3"]);
    expect(pureSolver.solve(game).equilibria).toHaveLength(2);
    // Lemke–Howson from the artificial equilibrium reaches only the two pure ones (Shapley 1974)
    expect(lhSolver.solve(game).equilibria.length).toBeGreaterThanOrEqual(2);
  });

  it("rock, paper, scissors: unique equilibrium (1/3, 1/3, 1/3)", () => {
    const game = fixture("rock-paper-scissors.nfg");
    const third = ["1/3", "1/3", "1/3"];
    for (const solver of methods) {
      expect(sortedStrategies(solver.solve(game).equilibria)).toEqual([JSON.stringify([third, third])]);
    }
  });

  it("a degenerate game: equilibria are reported and the degeneracy is stated", () => {
    const game = fixture("degenerate-2x2.nfg");
    for (const solver of methods) {
      const result = solver.solve(game);
      expect(result.equilibria.length).toBeGreaterThan(0);
      for (const eq of result.equilibria) expect(maxRegret(game, eq.profile)).toBe(0);
      expect(result.notes.join(" ")).toMatch(/degenerate/);
    }
    expect(sortedStrategies(enumSolver.solve(game).equilibria)).toContain(JSON.stringify([["0", "1"], ["0", "1"]]));
  });

  it("float mode gives the same equilibria, as doubles", () => {
    const game = fixture("battle-of-the-sexes.nfg");
    for (const solver of methods) {
      const exact = solver.solve(game).equilibria;
      const float = solver.solve(game, { arithmetic: "float" }).equilibria;
      expect(float).toHaveLength(exact.length);
      float.forEach((eq, k) =>
        eq.profile.probs.flat().forEach((p, i) => expect(p as number).toBeCloseTo(numToNumber(exact[k].profile.probs.flat()[i] as Num), 12)),
      );
    }
  });
});
