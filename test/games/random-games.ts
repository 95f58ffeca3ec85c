/**
 * fast-check generators of random games for property tests: bimatrix games with small integer
 * payoffs, and two-player trees with chance and imperfect information that keep perfect recall
 * (a player's information set is her own past moves and observations plus what she sees now).
 */
import fc from "fast-check";
import { type TreeSpec, chance, decide, extensiveGame, leaf } from "../../src/games/builder.js";
import type { ExtensiveFormGame } from "../../src/games/extensive-form.js";
import { bimatrixGame } from "../../src/games/normal-form.js";

export const bimatrix = (maxSize = 5) =>
  fc
    .record({ m: fc.integer({ min: 1, max: maxSize }), n: fc.integer({ min: 1, max: maxSize }) })
    .chain(({ m, n }) =>
      fc.tuple(
        fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      ),
    )
    .map(([A, B]) => bimatrixGame(A, B, "random"));

interface TreePlan {
  /** mover at each depth: 0 chance, 1 or 2 */
  movers: number[];
  /** at each depth, whether the player not moving sees the move */
  observed: boolean[];
  payoffs: number[];
  chanceWeights: number[];
}

export const treePlan = (maxDepth: number) =>
  fc
  .integer({ min: 1, max: maxDepth })
  .chain((depth) =>
    fc.record({
      movers: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: depth, maxLength: depth }),
      observed: fc.array(fc.boolean(), { minLength: depth, maxLength: depth }),
      payoffs: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 2 * 3 ** depth, maxLength: 2 * 3 ** depth }),
      chanceWeights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
    }),
  );

/** Builds the tree; every node at the same depth has 2 actions (3 at chance), payoffs read in order. */
export function treeFromPlan(plan: TreePlan): ExtensiveFormGame {
  let next = 0;
  const views: [string, string] = ["", ""];
  const build = (depth: number, seen: [string, string]): TreeSpec => {
    if (depth === plan.movers.length) {
      const u = [plan.payoffs[next % plan.payoffs.length], plan.payoffs[(next + 1) % plan.payoffs.length]];
      next += 2;
      return leaf(u);
    }
    const mover = plan.movers[depth];
    const after = (label: string): [string, string] => [
      mover === 1 || plan.observed[depth] ? `${seen[0]}/${depth}:${label}` : seen[0],
      mover === 2 || plan.observed[depth] ? `${seen[1]}/${depth}:${label}` : seen[1],
    ];
    if (mover === 0) {
      const total = plan.chanceWeights.reduce((a, b) => a + b, 0);
      return chance(
        plan.chanceWeights.map((w, i) => [`c${i}`, `${w}/${total}`, build(depth + 1, after(`c${i}`))] as [string, string, TreeSpec]),
      );
    }
    const label = `${depth}@${seen[mover - 1]}`;
    return decide(mover, label, [
      ["a", build(depth + 1, after("a"))],
      ["b", build(depth + 1, after("b"))],
    ]);
  };
  return extensiveGame({ title: "random tree", players: ["One", "Two"], root: build(0, views) });
}

/** Random trees up to this depth (depth 4 can have too many reduced strategies for the normal form). */
export const randomTree = (maxDepth = 4) => treePlan(maxDepth).map(treeFromPlan);
