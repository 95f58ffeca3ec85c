/**
 * The regret of a profile: for each player, how much more a best reply would earn than the
 * profile gives. A Nash equilibrium has regret 0 (an ε-equilibrium at most ε). Works exactly on
 * rational profiles and in doubles on float ones; tests run it on every solver's output.
 */
import { exactField, type Field, floatField, type Num } from "./field.js";
import { ExtensiveFormGame, TERMINAL, sequenceIndex } from "./extensive-form.js";
import type { Game } from "./game.js";
import type { NormalFormGame } from "./normal-form.js";
import { Rational } from "./rational.js";
import type { Profile } from "./solvers/solver.js";

export interface RegretReport<T> {
  payoffs: T[];
  regrets: T[];
}

/** u[i][j]: expected payoff to player i of pure strategy j against the others' mixtures. */
export function strategyValues<T>(game: NormalFormGame, probs: T[][], field: Field<T>): T[][] {
  const n = game.playerCount;
  const values = game.strategies.map((s) => s.map(() => field.zero));
  const choice = new Array<number>(n).fill(0);
  for (let k = 0; k < game.profileCount; k++) {
    for (let i = 0; i < n; i++) {
      let w = field.one;
      for (let m = 0; m < n && !isZeroOf(field, w); m++) if (m !== i) w = field.mul(w, probs[m][choice[m]]);
      if (!isZeroOf(field, w)) {
        const u = field.fromRational(game.payoff(k, i));
        values[i][choice[i]] = field.add(values[i][choice[i]], field.mul(w, u));
      }
    }
    for (let p = 0; p < n; p++) {
      if (++choice[p] < game.strategies[p].length) break;
      choice[p] = 0;
    }
  }
  return values;
}

function isZeroOf<T>(field: Field<T>, x: T): boolean {
  return field.cmp(x, field.zero) === 0;
}

export function mixedRegrets<T>(game: NormalFormGame, probs: T[][], field: Field<T>): RegretReport<T> {
  const values = strategyValues(game, probs, field);
  const payoffs = values.map((row, i) => row.reduce((acc, u, j) => field.add(acc, field.mul(u, probs[i][j])), field.zero));
  const regrets = values.map((row, i) => {
    const best = row.reduce((a, b) => (field.cmp(a, b) >= 0 ? a : b));
    return field.sub(best, payoffs[i]);
  });
  return { payoffs, regrets };
}

/** Reach probability of every node under the profile, skipping the moves of `excluded` (or none: −1). */
export function reachProbabilities<T>(game: ExtensiveFormGame, probs: T[][][], field: Field<T>, excluded: number): T[] {
  const position = infosetPositions(game);
  const chanceProbs = game.infosets.map((h) => (h.probs ? h.probs.map((p) => field.fromRational(p)) : null));
  const reach = new Array<T>(game.nodeCount);
  reach[0] = field.one;
  for (let v = 1; v < game.nodeCount; v++) {
    const p = game.parent[v];
    const h = game.nodeInfoset[p];
    const a = game.parentAction[v];
    const player = game.infosets[h].player;
    let factor: T;
    if (player === 0) factor = chanceProbs[h]![a];
    else if (player === excluded) factor = field.one;
    else factor = probs[player - 1][position[h]][a];
    reach[v] = field.mul(reach[p], factor);
  }
  return reach;
}

/** Position of each information set among its player's (the profile's second index). */
export function infosetPositions(game: ExtensiveFormGame): Int32Array {
  const position = new Int32Array(game.infosets.length);
  for (const list of game.playerInfosets) list.forEach((h, i) => (position[h] = i));
  return position;
}

export function behaviourRegrets<T>(game: ExtensiveFormGame, probs: T[][][], field: Field<T>): RegretReport<T> {
  const seq = sequenceIndex(game);
  const n = game.playerCount;
  const terminal = game.terminalPayoffs(field);
  const fullReach = reachProbabilities(game, probs, field, -1);
  const payoffs: T[] = [];
  const regrets: T[] = [];
  for (let i = 1; i <= n; i++) {
    let payoff = field.zero;
    const reach = reachProbabilities(game, probs, field, i);
    const value = new Array<T>(seq.sequenceCount[i]).fill(field.zero);
    for (let v = 0; v < game.nodeCount; v++) {
      if (game.nodeKind[v] !== TERMINAL) continue;
      const u = terminal[v * n + i - 1];
      payoff = field.add(payoff, field.mul(fullReach[v], u));
      const s = seq.nodeSequence[v * (n + 1) + i];
      value[s] = field.add(value[s], field.mul(reach[v], u));
    }
    // deeper information sets first: a set's first node comes after those of the sets before it
    const sets = [...game.playerInfosets[i]].sort((a, b) => game.infosets[b].nodes[0] - game.infosets[a].nodes[0]);
    for (const h of sets) {
      const base = seq.sequenceBase[h];
      let best = value[base];
      for (let a = 1; a < game.infosets[h].actions.length; a++) {
        if (field.cmp(value[base + a], best) > 0) best = value[base + a];
      }
      const parent = seq.parentSequence[h];
      value[parent] = field.add(value[parent], best);
    }
    payoffs.push(payoff);
    regrets.push(field.sub(value[0], payoff));
  }
  return { payoffs, regrets };
}

/** Largest regret over players, as a double; computed exactly when the profile is exact. */
export function maxRegret(game: Game, profile: Profile): number {
  const exact = isExactProfile(profile);
  let regrets: number[];
  if (game.kind === "nfg") {
    if (profile.kind !== "mixed") throw new RangeError("a strategic game needs a mixed profile");
    regrets = exact
      ? mixedRegrets(game, profile.probs as Rational[][], exactField).regrets.map((r) => r.toNumber())
      : mixedRegrets(game, toNumbers2(profile.probs), floatField).regrets;
  } else {
    if (profile.kind !== "behaviour") throw new RangeError("an extensive game needs a behaviour profile");
    regrets = exact
      ? behaviourRegrets(game, profile.probs as Rational[][][], exactField).regrets.map((r) => r.toNumber())
      : behaviourRegrets(game, profile.probs.map(toNumbers2), floatField).regrets;
  }
  return Math.max(0, ...regrets);
}

function isExactProfile(profile: Profile): boolean {
  const flat: Num[] = profile.kind === "mixed" ? profile.probs.flat() : profile.probs.flat(2);
  return flat.every((x) => x instanceof Rational);
}

function toNumbers2(rows: Num[][]): number[][] {
  return rows.map((r) => r.map((x) => (typeof x === "number" ? x : x.toNumber())));
}
