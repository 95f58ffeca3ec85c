import { describe, expect, it } from "vitest";
import { chance, decide, extensiveGame, leaf } from "../../src/games/builder.js";
import { exactField } from "../../src/games/field.js";
import { assertPerfectRecall, hasPerfectRecall } from "../../src/games/extensive-form.js";
import { readGame } from "../../src/games/gambit-format.js";
import { reducedNormalForm } from "../../src/games/reduced-normal-form.js";
import { speSolver } from "../../src/games/solvers/spe.js";
import { fixture } from "./helpers.js";

describe("extensive-form representation", () => {
  it("a player who forgets her own move breaks perfect recall, and the error names the set", () => {
    // player 1 moves, then moves again without knowing her first move (absent-minded in effect)
    const game = extensiveGame({
      players: ["Forgetful", "Other"],
      root: decide("Forgetful", "first", {
        left: decide("Forgetful", "second", { a: leaf([1, 0]), b: leaf([0, 0]) }),
        right: decide("Forgetful", "second", { a: leaf([0, 0]), b: leaf([1, 0]) }),
      }),
    });
    expect(hasPerfectRecall(game)).toBe(false);
    expect(() => assertPerfectRecall(game)).toThrow(
      'the game does not have perfect recall: information set 2 "second" of Forgetful contains nodes reached through different own earlier moves',
    );
    expect(hasPerfectRecall(fixture("kuhn-poker.efg") as never)).toBe(true);
  });

  it("outcomes on inner nodes add up along the play", () => {
    const text = 'EFG 2 R "t" { "A" }\n""\np "" 1 1 "" { "x" "y" } 1 "toll" { -1 }\nt "" 2 "" { 5 }\nt "" 3 "" { 3 }\n';
    const game = readGame(text, "toll.efg");
    if (game.kind !== "efg") throw new Error("expected a tree");
    expect(game.terminalPayoffs(exactField).map(String)).toEqual(["0", "4", "2"]);
    expect(speSolver.solve(game).equilibria[0].payoffs.map(String)).toEqual(["4"]);
  });

  it("the reduced normal form of Kuhn poker has 27 × 64 strategies (Kuhn 1950)", () => {
    const rnf = reducedNormalForm(fixture("kuhn-poker.efg") as never);
    expect(rnf.game.strategies.map((s) => s.length)).toEqual([27, 64]);
  });

  it("backward induction reports ties", () => {
    const game = extensiveGame({ players: ["A"], root: decide("A", undefined, { x: leaf([1]), y: leaf([1]) }) });
    expect(speSolver.solve(game).notes.join()).toMatch(/ties between best actions/);
  });

  it("chance with perfect information: the solver averages over chance", () => {
    const game = extensiveGame({
      players: ["A", "B"],
      root: chance({ h: ["1/4", leaf([4, 0])], t: ["3/4", decide("B", undefined, { l: leaf([0, 1]), r: leaf([8, 2]) })] }),
    });
    expect(speSolver.solve(game).equilibria[0].payoffs.map(String)).toEqual(["7", "3/2"]);
  });
});
