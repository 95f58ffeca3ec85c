/**
 * Two-player strategic games as a pair of matrices, and the pieces the bimatrix solvers share:
 * payoffs shifted to be positive and scaled to integers (which changes no equilibrium), turning
 * found strategy vectors into equilibria, and recognising equilibria already found.
 */
import { exactField, type Field, type Num } from "../field.js";
import { mixedRegrets } from "../equilibrium-check.js";
import type { NormalFormGame } from "../normal-form.js";
import { Rational } from "../rational.js";
import type { StrategicView } from "./common.js";
import type { Equilibrium } from "./solver.js";
import { commonDenominator } from "./tableau.js";

export interface Bimatrix {
  rows: number;
  cols: number;
  /** A[i][j]: payoff of player 1; B[i][j]: payoff of player 2 */
  A: Rational[][];
  B: Rational[][];
}

export function bimatrixOf(game: NormalFormGame): Bimatrix {
  const rows = game.strategies[0].length;
  const cols = game.strategies[1].length;
  const A = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => game.payoff(i + j * rows, 0)));
  const B = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => game.payoff(i + j * rows, 1)));
  return { rows, cols, A, B };
}

/** Entries shifted so the smallest is 1: same best replies everywhere. */
export function positiveMatrix(M: Rational[][]): Rational[][] {
  let min = M[0][0];
  for (const row of M) for (const x of row) if (x.cmp(min) < 0) min = x;
  return M.map((row) => row.map((x) => x.sub(min).add(Rational.ONE)));
}

/**
 * Entries mapped affinely onto [1, 2] (smallest 1, largest 2), computed exactly and then rounded
 * to doubles: same best replies everywhere, and float tolerances become relative to the payoff
 * range whatever its magnitude (1e-12 or 1e300).
 */
export function unitRangeMatrix(M: Rational[][]): number[][] {
  let min = M[0][0];
  let max = M[0][0];
  for (const row of M) {
    for (const x of row) {
      if (x.cmp(min) < 0) min = x;
      if (x.cmp(max) > 0) max = x;
    }
  }
  const range = max.sub(min);
  return M.map((row) => row.map((x) => (range.isZero() ? 1 : x.sub(min).div(range).toNumber() + 1)));
}

/** Shifted to be positive, then scaled to integers (for the fraction-free exact tableau). */
export function positiveIntegerMatrix(M: Rational[][]): bigint[][] {
  const shifted = positiveMatrix(M);
  const scale = commonDenominator(shifted.flat());
  return shifted.map((row) => row.map((x) => (x.num * scale) / x.den));
}

/** Normalises nonnegative weights to probabilities. */
export function normalise<T>(weights: T[], field: Field<T>): T[] {
  const total = weights.reduce((a, b) => field.add(a, b), field.zero);
  return weights.map((w) => field.div(w, total));
}

/** Key identifying an equilibrium: exact strings, or doubles rounded to 1e-9. */
export function profileKey(probs: Num[][]): string {
  return probs
    .map((row) => row.map((x) => (typeof x === "number" ? (Math.round(x * 1e9) / 1e9).toString() : x.toString())).join(","))
    .join("|");
}

/** Builds the reported equilibrium; payoffs are exact when the strategies are. */
export function bimatrixEquilibrium<T>(view: StrategicView, x: T[], y: T[], field: Field<T>): Equilibrium {
  const probs = [x, y];
  const payoffs = mixedRegrets(view.nfg, probs, field).payoffs;
  return { profile: view.toProfile(probs, field), payoffs: payoffs as Num[] };
}

/** Number of pure best replies of each player to the other's strategy (more than the support: degenerate). */
export function bestReplyCounts(game: Bimatrix, x: Rational[], y: Rational[]): [number, number] {
  const rowValues = game.A.map((row) => row.reduce((acc, a, j) => acc.add(a.mul(y[j])), Rational.ZERO));
  const colValues = Array.from({ length: game.cols }, (_, j) =>
    game.B.reduce((acc, row, i) => acc.add(row[j].mul(x[i])), Rational.ZERO),
  );
  const count = (v: Rational[]): number => {
    const best = v.reduce((a, b) => (a.cmp(b) >= 0 ? a : b));
    return v.filter((u) => u.equals(best)).length;
  };
  return [count(rowValues), count(colValues)];
}

export { exactField };

/** A pure strategy with two or more pure best replies: the simplest witness that a game is degenerate. */
export function hasTiedPureBestReplies(game: Bimatrix): boolean {
  const ties = (values: Rational[]) => {
    const best = values.reduce((a, b) => (a.cmp(b) >= 0 ? a : b));
    return values.filter((u) => u.equals(best)).length > 1;
  };
  for (let i = 0; i < game.rows; i++) if (ties(game.B[i])) return true;
  for (let j = 0; j < game.cols; j++) if (ties(game.A.map((r) => r[j]))) return true;
  return false;
}

export const DEGENERACY_NOTE =
  "the game is degenerate (a strategy has more pure best replies than its support size): " +
  "the equilibria listed are correct, but further ones, including connected sets of them, may exist";
