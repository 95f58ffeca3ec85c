/**
 * Action values for the logit path: expected payoffs of pure strategies (strategic form) and
 * values of actions conditional on reaching their information set (agent form, McKelvey &
 * Palfrey 1998), both in doubles. Also the support-restricted systems used to polish the end of
 * the path into an equilibrium.
 */
import { floatField } from "../field.js";
import { strategyValues } from "../equilibrium-check.js";
import { type ExtensiveFormGame, CHANCE, TERMINAL } from "../extensive-form.js";
import type { NormalFormGame } from "../normal-form.js";
import type { LogitSystem } from "./logit-path.js";

export function strategicSystem(game: NormalFormGame): LogitSystem {
  const sizes = game.strategies.map((s) => s.length);
  return {
    groupSizes: sizes,
    actionValues(pi) {
      const probs = splitGroups(pi, sizes);
      return Float64Array.from(strategyValues(game, probs, floatField).flat());
    },
  };
}

export function splitGroups(flat: ArrayLike<number>, sizes: number[]): number[][] {
  const out: number[][] = [];
  let s = 0;
  for (const size of sizes) {
    out.push(Array.from({ length: size }, (_, k) => flat[s + k]));
    s += size;
  }
  return out;
}

/** Distributions of the agent form: every player's information sets in file order, player by player. */
export function agentGroups(game: ExtensiveFormGame): number[] {
  return game.playerInfosets.slice(1).flat();
}

export function agentSystem(game: ExtensiveFormGame): LogitSystem {
  const n = game.playerCount;
  const groups = agentGroups(game);
  const offset = new Int32Array(game.infosets.length).fill(-1);
  let K = 0;
  for (const h of groups) {
    offset[h] = K;
    K += game.infosets[h].actions.length;
  }
  const terminal = Float64Array.from(game.terminalPayoffs(floatField));
  const chanceProbs = game.infosets.map((h) => (h.probs ? h.probs.map((p) => p.toNumber()) : null));
  const logReach = new Float64Array(game.nodeCount);
  const value = new Float64Array(game.nodeCount * n);
  const moveProb = (v: number, a: number, pi: ArrayLike<number>): number => {
    const h = game.nodeInfoset[v];
    return game.nodeKind[v] === CHANCE ? chanceProbs[h]![a] : pi[offset[h] + a];
  };
  const logMoveProb = (v: number, a: number, logPi: ArrayLike<number>): number => {
    const h = game.nodeInfoset[v];
    return game.nodeKind[v] === CHANCE ? Math.log(chanceProbs[h]![a]) : logPi[offset[h] + a];
  };
  return {
    groupSizes: groups.map((h) => game.infosets[h].actions.length),
    actionValues(pi, logPi) {
      // log reach probabilities: beliefs stay exact when reach probabilities underflow
      logReach[0] = 0;
      for (let v = 1; v < game.nodeCount; v++) {
        const p = game.parent[v];
        logReach[v] = logReach[p] + logMoveProb(p, game.parentAction[v], logPi);
      }
      for (let v = game.nodeCount - 1; v >= 0; v--) {
        if (game.nodeKind[v] === TERMINAL) {
          for (let i = 0; i < n; i++) value[v * n + i] = terminal[v * n + i];
          continue;
        }
        for (let i = 0; i < n; i++) value[v * n + i] = 0;
        for (let a = 0; a < game.childCount(v); a++) {
          const c = game.child(v, a);
          const q = moveProb(v, a, pi);
          for (let i = 0; i < n; i++) value[v * n + i] += q * value[c * n + i];
        }
      }
      const out = new Float64Array(K);
      for (const h of groups) {
        const set = game.infosets[h];
        const i = set.player - 1;
        let top = -Infinity;
        for (const x of set.nodes) top = Math.max(top, logReach[x]);
        let total = 0;
        for (const x of set.nodes) total += Math.exp(logReach[x] - top);
        for (const x of set.nodes) {
          // beliefs by Bayes' rule; uniform over the nodes if the set cannot be reached at all
          const belief = top === -Infinity ? 1 / set.nodes.length : Math.exp(logReach[x] - top) / total;
          for (let a = 0; a < set.actions.length; a++) out[offset[h] + a] += belief * value[game.child(x, a) * n + i];
        }
      }
      return out;
    },
  };
}
