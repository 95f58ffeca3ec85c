import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactField, floatField } from "../../src/games/field.js";
import { behaviourRegrets, maxRegret, mixedRegrets } from "../../src/games/equilibrium-check.js";
import { readGame, writeGame } from "../../src/games/gambit-format.js";
import { behaviourToMixed, mixedToBehaviour, reducedNormalForm } from "../../src/games/reduced-normal-form.js";
import type { Rational } from "../../src/games/rational.js";
import { enumSolver } from "../../src/games/solvers/enum.js";
import { lcpSolver, sequenceFormEquilibrium } from "../../src/games/solvers/lcp.js";
import { lhSolver } from "../../src/games/solvers/lh.js";
import { pureSolver } from "../../src/games/solvers/pure.js";
import { bimatrix, randomTree } from "./random-games.js";

const RUNS = { numRuns: 60 };

describe("every profile a solver returns is an equilibrium", () => {
  it("random bimatrix games: exact solvers have zero regret, float ones at most 1e-9", () => {
    fc.assert(
      fc.property(bimatrix(5), (game) => {
        for (const solver of [enumSolver, lhSolver, lcpSolver, pureSolver]) {
          for (const eq of solver.solve(game).equilibria) expect(maxRegret(game, eq.profile)).toBe(0);
          for (const eq of solver.solve(game, { arithmetic: "float" }).equilibria) {
            expect(maxRegret(game, eq.profile)).toBeLessThanOrEqual(1e-9);
          }
        }
      }),
      RUNS,
    );
  });

  it("exact pivoting throughout (without the float-guided start) also gives zero regret", () => {
    fc.assert(
      fc.property(randomTree(), (game) => {
        const probs = sequenceFormEquilibrium(game, exactField, undefined, false);
        expect(maxRegret(game, { kind: "behaviour", probs })).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it("random trees with chance and hidden moves: the lcp equilibrium has zero regret", () => {
    fc.assert(
      fc.property(randomTree(), (game) => {
        const [eq] = lcpSolver.solve(game).equilibria;
        expect(maxRegret(game, eq.profile)).toBe(0);
        const [feq] = lcpSolver.solve(game, { arithmetic: "float" }).equilibria;
        expect(maxRegret(game, feq.profile)).toBeLessThanOrEqual(1e-9);
      }),
      RUNS,
    );
  });

  it("every equilibrium Lemke–Howson finds is one support enumeration finds (non-degenerate games)", () => {
    fc.assert(
      fc.property(bimatrix(4), (game) => {
        const all = new Set(enumSolver.solve(game).equilibria.map((e) => JSON.stringify(e.profile.probs.map(String))));
        const { notes } = enumSolver.solve(game);
        if (notes.length > 0) return; // degenerate: enumeration is not complete
        for (const eq of lhSolver.solve(game).equilibria) expect(all.has(JSON.stringify(eq.profile.probs.map(String)))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("exact and float support enumeration agree", () => {
  it("on random games they find the same equilibria", () => {
    fc.assert(
      fc.property(bimatrix(5), (game) => {
        const exact = enumSolver.solve(game).equilibria.map((e) => e.profile.probs.flat().map((x) => (x as Rational).toNumber()));
        const float = enumSolver.solve(game, { arithmetic: "float" }).equilibria.map((e) => e.profile.probs.flat() as number[]);
        expect(float).toHaveLength(exact.length);
        float.forEach((probs, k) => probs.forEach((p, i) => expect(p).toBeCloseTo(exact[k][i], 9)));
      }),
      RUNS,
    );
  });
});

describe("extensive and normal forms of the same game agree", () => {
  it("the lcp equilibrium of a tree is an equilibrium of its reduced normal form, with the same payoffs", () => {
    fc.assert(
      fc.property(randomTree(3), (game) => {
        const [eq] = lcpSolver.solve(game).equilibria;
        const rnf = reducedNormalForm(game);
        const mixed = behaviourToMixed(rnf, game, eq.profile.probs as Rational[][][], exactField);
        const report = mixedRegrets(rnf.game, mixed, exactField);
        expect(report.regrets.every((r) => r.isZero())).toBe(true);
        expect(report.payoffs.map(String)).toEqual(eq.payoffs.map(String));
      }),
      RUNS,
    );
  });

  it("equilibria of the reduced normal form, as behaviour strategies, are equilibria of the tree with the same payoffs", () => {
    fc.assert(
      fc.property(randomTree(3), (game) => {
        const rnf = reducedNormalForm(game);
        for (const eq of pureSolver.solve(rnf.game).equilibria) {
          const behaviour = mixedToBehaviour(rnf, game, eq.profile.probs as Rational[][], exactField);
          const report = behaviourRegrets(game, behaviour, exactField);
          expect(report.regrets.every((r) => r.isZero())).toBe(true);
          expect(report.payoffs.map(String)).toEqual(eq.payoffs.map(String));
        }
      }),
      RUNS,
    );
  });
});

describe("Gambit format round trips are identities", () => {
  it("strategic games: write → read → write gives the same text and payoffs", () => {
    fc.assert(
      fc.property(bimatrix(4), (game) => {
        const text = writeGame(game);
        const again = readGame(text, "roundtrip.nfg");
        expect(writeGame(again)).toBe(text);
        expect(again.kind === "nfg" && again.profileCount).toBe(game.profileCount);
      }),
      RUNS,
    );
  });

  it("extensive games: write → read → write gives the same text, and the same equilibrium", () => {
    fc.assert(
      fc.property(randomTree(), (game) => {
        const text = writeGame(game);
        const again = readGame(text, "roundtrip.efg");
        expect(writeGame(again)).toBe(text);
        if (again.kind !== "efg") throw new Error("expected a tree");
        expect(Array.from(again.childList)).toEqual(Array.from(game.childList));
        const a = lcpSolver.solve(game).equilibria[0].payoffs.map(String);
        const b = lcpSolver.solve(again).equilibria[0].payoffs.map(String);
        expect(b).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  it("float regrets match exact regrets on exact profiles", () => {
    fc.assert(
      fc.property(randomTree(), (game) => {
        const [eq] = lcpSolver.solve(game).equilibria;
        const probs = (eq.profile.probs as Rational[][][]).map((p) => p.map((r) => r.map((x) => x.toNumber())));
        const report = behaviourRegrets(game, probs, floatField);
        for (const r of report.regrets) expect(Math.abs(r)).toBeLessThan(1e-9);
      }),
      { numRuns: 30 },
    );
  });
});
