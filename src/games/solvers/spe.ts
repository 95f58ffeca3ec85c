/**
 * Backward induction: the subgame-perfect equilibrium of a game of perfect information, chance
 * moves averaged by their probabilities. Nodes are stored in preorder, so one pass from the last
 * node to the first sees every child before its parent; no recursion, a million nodes is fine.
 * Ties go to the first best action, so one equilibrium is reported (a note says when ties occurred).
 */
import { InputError } from "../../errors.js";
import { type Field, type Num } from "../field.js";
import { type ExtensiveFormGame, CHANCE, TERMINAL } from "../extensive-form.js";
import type { Game } from "../game.js";
import { checkDeadline, fieldFor } from "./common.js";
import type { SolveOptions, SolveResult, Solver } from "./solver.js";

function requirePerfectInformation(game: Game): ExtensiveFormGame {
  if (game.kind !== "efg") throw new InputError("spe solves extensive games (.efg); use pure, enum or lh for .nfg files");
  for (const h of game.infosets) {
    if (h.player > 0 && h.nodes.length > 1) {
      throw new InputError(
        `spe needs perfect information, but information set ${h.number} of ${game.players[h.player - 1]} ` +
          `holds ${h.nodes.length} nodes; use --method lcp (two players) or qre`,
      );
    }
  }
  return game;
}

function backwardInduction<T>(game: ExtensiveFormGame, field: Field<T>, options?: SolveOptions): SolveResult {
  const n = game.playerCount;
  const value = game.terminalPayoffs(field);
  const choice = new Int32Array(game.infosets.length);
  let ties = 0;
  for (let v = game.nodeCount - 1; v >= 0; v--) {
    if ((v & 0xffff) === 0) checkDeadline(options, "spe");
    const kind = game.nodeKind[v];
    if (kind === TERMINAL) continue;
    const h = game.nodeInfoset[v];
    const set = game.infosets[h];
    const first = game.childStart[v];
    const count = game.childStart[v + 1] - first;
    if (kind === CHANCE) {
      for (let i = 0; i < n; i++) {
        let sum = field.zero;
        for (let a = 0; a < count; a++) {
          sum = field.add(sum, field.mul(field.fromRational(set.probs![a]), value[game.childList[first + a] * n + i]));
        }
        value[v * n + i] = sum;
      }
      continue;
    }
    const mover = set.player - 1;
    let best = 0;
    for (let a = 1; a < count; a++) {
      const c = field.cmp(value[game.childList[first + a] * n + mover], value[game.childList[first + best] * n + mover]);
      if (c > 0) best = a;
      else if (c === 0) ties++;
    }
    choice[h] = best;
    const bestChild = game.childList[first + best];
    for (let i = 0; i < n; i++) value[v * n + i] = value[bestChild * n + i];
  }
  const probs = game.players.map((_, i) =>
    game.playerInfosets[i + 1].map((h) => game.infosets[h].actions.map((_, a) => (a === choice[h] ? field.one : field.zero))),
  );
  const payoffs = Array.from({ length: n }, (_, i) => value[i]);
  const notes = ties > 0 ? [`ties between best actions at ${ties} decision(s): the first action was taken; other subgame-perfect equilibria exist`] : [];
  return { equilibria: [{ profile: { kind: "behaviour", probs: probs as Num[][][] }, payoffs: payoffs as Num[] }], notes };
}

export const speSolver: Solver = {
  name: "spe",
  description: "backward induction: a subgame-perfect equilibrium of a perfect-information game with chance",
  solve(game: Game, options?: SolveOptions): SolveResult {
    const efg = requirePerfectInformation(game);
    return backwardInduction(efg, fieldFor(options) as Field<Num>, options);
  },
};
