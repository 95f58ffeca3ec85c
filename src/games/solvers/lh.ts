/**
 * Lemke–Howson for two-player strategic games (Lemke & Howson 1964; tableau form as in von
 * Stengel 2007, "Equilibrium computation for two-player games", AGT ch. 3). From the artificial
 * equilibrium, dropping each of the m+n labels in turn follows a path of almost-completely-labelled
 * vertex pairs to an equilibrium; the distinct ones are reported. Exact integer pivoting or floats.
 */
import { InputError } from "../../errors.js";
import { exactField, type Field, floatField } from "../field.js";
import type { Game } from "../game.js";
import type { Rational } from "../rational.js";
import {
  type Bimatrix,
  DEGENERACY_NOTE,
  bestReplyCounts,
  hasTiedPureBestReplies,
  bimatrixEquilibrium,
  bimatrixOf,
  normalise,
  positiveIntegerMatrix,
  unitRangeMatrix,
  profileKey,
} from "./bimatrix.js";
import { checkDeadline, requireTwoPlayers, strategicView } from "./common.js";
import { checkProfile } from "../verify.js";
import type { Equilibrium, SolveOptions, SolveResult, Solver } from "./solver.js";
import { ExactTableau, FloatTableau, type Tableau } from "./tableau.js";

export const MAX_LH_STRATEGIES = 2_000;

/**
 * Tableau for player 1's polytope {x ≥ 0 : Bᵀx ≤ 1} and player 2's {y ≥ 0 : Ay ≤ 1}. In both,
 * variable j has label j: x_i and r_i (slack of row i) carry labels 0…m−1, s_j and y_j carry m+j.
 */
function tableaux<T>(P: number[][] | bigint[][], Q: number[][] | bigint[][], m: number, n: number, float: boolean): [Tableau<T>, Tableau<T>] {
  const one = float ? 1 : 1n;
  const zero = float ? 0 : 0n;
  const colsP = (j: number) => [
    ...Array.from({ length: m }, (_, i) => P[i][j]),
    ...Array.from({ length: n }, (_, l) => (l === j ? one : zero)),
    one,
  ];
  const rowsQ = (i: number) => [...Array.from({ length: m }, (_, l) => (l === i ? one : zero)), ...Q[i], one];
  const matP = Array.from({ length: n }, (_, j) => colsP(j));
  const matQ = Array.from({ length: m }, (_, i) => rowsQ(i));
  const basisP = Array.from({ length: n }, (_, j) => m + j);
  const basisQ = Array.from({ length: m }, (_, i) => i);
  const lexP = Int32Array.from(basisP);
  const lexQ = Int32Array.from(basisQ);
  if (float) {
    return [
      new FloatTableau(n, m + n, matP as number[][], basisP, lexP) as unknown as Tableau<T>,
      new FloatTableau(m, m + n, matQ as number[][], basisQ, lexQ) as unknown as Tableau<T>,
    ];
  }
  return [
    new ExactTableau(n, m + n, matP as bigint[][], basisP, lexP) as unknown as Tableau<T>,
    new ExactTableau(m, m + n, matQ as bigint[][], basisQ, lexQ) as unknown as Tableau<T>,
  ];
}

/** The float path broke down (no pivot row); the exact path never does on positive payoffs. */
class FloatPathFailure extends Error {}

/** Follows the path that drops `label`; returns the unnormalised (x, y) at its end. */
function followPath<T>(P: Tableau<T>, Q: Tableau<T>, label: number, m: number, options?: SolveOptions): void {
  let tab = label < m ? P : Q;
  let col = label;
  for (let step = 0; ; step++) {
    if (step % 64 === 0) checkDeadline(options, "lh");
    const row = tab.ratioTest(col);
    if (row < 0) {
      if (tab instanceof FloatTableau) throw new FloatPathFailure("the path ended on an unbounded ray");
      throw new Error("Lemke–Howson: unbounded ray with positive payoffs");
    }
    const leaving = tab.basis[row];
    tab.pivot(row, col);
    if (leaving === label) return;
    col = leaving;
    tab = tab === P ? Q : P;
  }
}

function lhAll<T>(game: Bimatrix, field: Field<T>, view: ReturnType<typeof strategicView>, options?: SolveOptions): SolveResult {
  const m = game.rows;
  const n = game.cols;
  const float = field.name === "float";
  const P = float ? unitRangeMatrix(game.B) : positiveIntegerMatrix(game.B);
  const Q = float ? unitRangeMatrix(game.A) : positiveIntegerMatrix(game.A);
  const seen = new Set<string>();
  const equilibria: Equilibrium[] = [];
  let degenerate = hasTiedPureBestReplies(game);
  for (let label = 0; label < m + n; label++) {
    const [tp, tq] = tableaux<T>(P, Q, m, n, float);
    followPath(tp, tq, label, m, options);
    const x = normalise(Array.from({ length: m }, (_, i) => tp.value(i)), field);
    const y = normalise(Array.from({ length: n }, (_, j) => tq.value(m + j)), field);
    const key = profileKey([x, y] as (Rational | number)[][]);
    if (seen.has(key)) continue;
    seen.add(key);
    equilibria.push(bimatrixEquilibrium(view, x, y, field));
    if (!float) {
      const [br1, br2] = bestReplyCounts(game, x as Rational[], y as Rational[]);
      const support = (v: T[]) => v.filter((p) => field.cmp(p, field.zero) > 0).length;
      if (br1 > support(y) || br2 > support(x)) degenerate = true;
    }
  }
  const notes = [
    "Lemke–Howson finds the equilibria reachable from the artificial equilibrium; others may exist (use enum for all)",
  ];
  if (degenerate) notes.push(DEGENERACY_NOTE);
  return { equilibria, notes };
}

export const lhSolver: Solver = {
  name: "lh",
  description: "Lemke–Howson from every starting label (two players), distinct equilibria",
  solve(game: Game, options?: SolveOptions): SolveResult {
    requireTwoPlayers(game, "lh");
    const view = strategicView(game, options);
    const bm = bimatrixOf(view.nfg);
    if (bm.rows + bm.cols > MAX_LH_STRATEGIES) {
      throw new InputError(`lh: the game has ${bm.rows}×${bm.cols} strategies; at most ${MAX_LH_STRATEGIES} in all are supported`);
    }
    if (options?.arithmetic !== "float") return lhAll(bm, exactField, view, options);
    // floating point can lose the path or land off an equilibrium: then the exact path decides
    let failure: string;
    try {
      const result = lhAll(bm, floatField, view, options);
      const bad = result.equilibria.find((eq) => !checkProfile(game, eq.profile).ok);
      if (!bad) return result;
      failure = "a point it reached failed the equilibrium check";
    } catch (e) {
      if (!(e instanceof FloatPathFailure)) throw e;
      failure = e.message;
    }
    const exact = lhAll(bm, exactField, view, options);
    exact.notes.push(`floating-point pivoting failed on this game (${failure}); it was solved in exact arithmetic instead`);
    return exact;
  },
};
