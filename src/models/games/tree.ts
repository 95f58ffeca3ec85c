/**
 * Helpers shared by the mechanism games: chance moves whose probabilities sum to exactly 1,
 * lognormal type cells with their conditional means, and reading an equilibrium back (which
 * action each information set takes, how likely each named outcome is).
 */
import { chance, type ChanceSpec, type TreeSpec } from "../../games/builder.js";
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { CHANCE, TERMINAL } from "../../games/extensive-form.js";
import { numToNumber } from "../../games/field.js";
import { Rational } from "../../games/rational.js";
import { speSolver } from "../../games/solvers/spe.js";
import type { BehaviourProfile } from "../../games/solvers/solver.js";
import { normalCdf } from "../../math/distributions.js";

/**
 * A chance move from float probabilities: each is read as a rational, and the most likely
 * branch gets 1 minus the others, so the rationals sum to exactly 1 and none is negative.
 */
export function chanceOf(branches: [string, number, TreeSpec][]): ChanceSpec {
  const clipped = branches.map(([, p]) => Math.min(1, Math.max(0, p)));
  const largest = clipped.indexOf(Math.max(...clipped));
  const exact = clipped.map((p, i) => (i === largest ? Rational.ZERO : Rational.fromNumber(p)));
  exact[largest] = exact.reduce((rest, r) => rest.sub(r), Rational.ONE);
  return chance(branches.map(([action, , next], i) => [action, exact[i], next] as [string, Rational, TreeSpec]));
}

/** One cell (lo, hi] of a lognormal variable: its probability and conditional mean. */
export interface Cell {
  lo: number;
  hi: number;
  probability: number;
  mean: number;
}

/**
 * Cells of X ~ LogNormal(μ, σ) between the given cut points (sorted, > 0). Conditional mean by
 * the partial expectation E[X; a < X ≤ b] = e^{μ+σ²/2}(Φ((ln b − μ − σ²)/σ) − Φ((ln a − μ − σ²)/σ)).
 */
export function lognormalCells(mu: number, sigma: number, cuts: number[]): Cell[] {
  const bounds = [0, ...cuts.filter((c) => c > 0 && Number.isFinite(c)).sort((a, b) => a - b), Infinity];
  const z = (x: number, shift: number) => (x <= 0 ? -Infinity : x === Infinity ? Infinity : (Math.log(x) - mu - shift) / sigma);
  const scale = Math.exp(mu + (sigma * sigma) / 2);
  const cells: Cell[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [lo, hi] = [bounds[i], bounds[i + 1]];
    const probability = massBetween(z(lo, 0), z(hi, 0));
    const partial = scale * massBetween(z(lo, sigma * sigma), z(hi, sigma * sigma));
    // a cell too far in a tail to have float mass keeps a representative point inside it
    const inside = lo === 0 ? hi / 2 : hi === Infinity ? 2 * lo : Math.sqrt(lo * hi);
    const mean = probability > 1e-300 && partial > 0 ? Math.min(hi, Math.max(lo, partial / probability)) : inside;
    cells.push({ lo, hi, probability, mean });
  }
  return cells;
}

/** Φ(b) − Φ(a) for a ≤ b, taken in the tail it lies in so that small upper-tail masses keep their digits. */
function massBetween(a: number, b: number): number {
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}

/** Quantiles of LogNormal(μ, σ) at i/n, i = 1 … n − 1: equal-probability cells. */
export function lognormalQuantileCuts(mu: number, sigma: number, n: number, quantile: (u: number) => number): number[] {
  return Array.from({ length: n - 1 }, (_, i) => Math.exp(mu + sigma * quantile((i + 1) / n)));
}

/** The solved game: per information-set label the action taken, per outcome name its probability. */
export interface SolvedGame {
  /** infoset label → probability of each action */
  choices: Map<string, Map<string, number>>;
  /** leaf name → probability of reaching a leaf with that name */
  outcomes: Map<string, number>;
  /** expected payoff of each player */
  payoffs: number[];
  notes: string[];
}

/** Backward induction in floats (these games have perfect information with chance). */
export function solveSubgamePerfect(game: ExtensiveFormGame): SolvedGame {
  const result = speSolver.solve(game, { arithmetic: "float" });
  const eq = result.equilibria[0];
  return readEquilibrium(game, eq.profile as BehaviourProfile, eq.payoffs.map(numToNumber), result.notes);
}

export function readEquilibrium(game: ExtensiveFormGame, profile: BehaviourProfile, payoffs: number[], notes: string[] = []): SolvedGame {
  const local = new Int32Array(game.infosets.length);
  for (let p = 1; p < game.playerInfosets.length; p++) game.playerInfosets[p].forEach((h, k) => (local[h] = k));
  const choices = new Map<string, Map<string, number>>();
  for (const set of game.infosets) {
    if (set.player === 0) continue;
    const probs = profile.probs[set.player - 1][local[set.index]];
    choices.set(set.name, new Map(set.actions.map((a, i) => [a, numToNumber(probs[i])])));
  }
  const reach = new Float64Array(game.nodeCount);
  reach[0] = 1;
  const outcomes = new Map<string, number>();
  for (let v = 0; v < game.nodeCount; v++) {
    if (game.nodeKind[v] === TERMINAL) {
      outcomes.set(game.nodeName[v], (outcomes.get(game.nodeName[v]) ?? 0) + reach[v]);
      continue;
    }
    const set = game.infosets[game.nodeInfoset[v]];
    for (let a = 0; a < game.childCount(v); a++) {
      const p = game.nodeKind[v] === CHANCE ? set.probs![a].toNumber() : numToNumber(profile.probs[set.player - 1][local[set.index]][a]);
      reach[game.child(v, a)] = reach[v] * p;
    }
  }
  return { choices, outcomes, payoffs, notes };
}

/** The action an information set takes with probability 1, or undefined if it mixes. */
export function pureChoice(solved: SolvedGame, infoset: string): string | undefined {
  const probs = solved.choices.get(infoset);
  if (!probs) return undefined;
  for (const [action, p] of probs) if (p === 1) return action;
  return undefined;
}

/** Sum of the probabilities of the named outcomes (missing names count 0). */
export function probabilityOf(solved: SolvedGame, ...names: string[]): number {
  return names.reduce((sum, n) => sum + (solved.outcomes.get(n) ?? 0), 0);
}

export const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : String(x));
