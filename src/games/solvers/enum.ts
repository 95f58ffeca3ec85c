/**
 * Support enumeration: every Nash equilibrium of a non-degenerate two-player game has supports
 * of equal size k, and on a given pair of supports the equilibrium is the solution of two linear
 * systems (each player indifferent over the other's support). Trying every pair finds them all
 * (von Stengel 2007, AGT ch. 3, Algorithm 3.4). Exact rationals by default, with a float screen
 * that only discards pairs doubles clearly rule out; the rest are solved exactly. For degenerate games
 * the equilibria found are reported together with a note saying that others may exist.
 */
import { InputError } from "../../errors.js";
import { exactField, type Field, floatField } from "../field.js";
import type { Game } from "../game.js";
import { Rational } from "../rational.js";
import {
  type Bimatrix,
  DEGENERACY_NOTE,
  bestReplyCounts,
  bimatrixEquilibrium,
  bimatrixOf,
  hasTiedPureBestReplies,
  unitRangeMatrix,
} from "./bimatrix.js";
import { checkDeadline, requireTwoPlayers, type StrategicView, strategicView } from "./common.js";
import { solveExact, solveFloat } from "./linear-solve.js";
import type { Equilibrium, SolveOptions, SolveResult, Solver } from "./solver.js";

/** More support pairs than this is a question for lh, not enum. */
export const MAX_SUPPORT_PAIRS = 1e9;
const FLOAT_TOLERANCE = 1e-10;

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** Calls visit with every k-subset of 0…n−1 in lexicographic order (the array is reused). */
function forEachSubset(n: number, k: number, visit: (subset: number[]) => void): void {
  const s = Array.from({ length: k }, (_, i) => i);
  while (true) {
    visit(s);
    let i = k - 1;
    while (i >= 0 && s[i] === n - k + i) i--;
    if (i < 0) return;
    s[i]++;
    for (let j = i + 1; j < k; j++) s[j] = s[j - 1] + 1;
  }
}

interface Arith<T> {
  field: Field<T>;
  solve(M: T[][], rhs: T[]): T[] | null;
  positive(x: T): boolean;
  atMost(a: T, b: T): boolean;
}

const exactArith: Arith<Rational> = {
  field: exactField,
  solve: solveExact,
  positive: (x) => x.sign() > 0,
  atMost: (a, b) => a.cmp(b) <= 0,
};

const floatArith: Arith<number> = {
  field: floatField,
  solve: (M, rhs) => solveFloat(M, rhs),
  positive: (x) => x > FLOAT_TOLERANCE,
  atMost: (a, b) => a <= b + FLOAT_TOLERANCE * Math.max(1, Math.abs(b)),
};

/**
 * Mixed strategy of the opponent on `theirs` making this player (payoff M[mine][theirs])
 * indifferent over `mine` and no better off elsewhere; null if there is none with full support.
 */
function indifferentMix<T>(M: T[][], mine: number[], theirs: number[], arith: Arith<T>): T[] | null {
  const { field } = arith;
  const k = mine.length;
  const system = mine.map((i) => [...theirs.map((j) => M[i][j]), field.sub(field.zero, field.one)]);
  system.push([...theirs.map(() => field.one), field.zero]);
  const rhs = [...mine.map(() => field.zero), field.one];
  const z = arith.solve(system, rhs);
  if (!z) return null;
  for (let l = 0; l < k; l++) if (!arith.positive(z[l])) return null;
  const value = z[k];
  const inSupport = new Set(mine);
  for (let i = 0; i < M.length; i++) {
    if (inSupport.has(i)) continue;
    let u = field.zero;
    for (let l = 0; l < k; l++) u = field.add(u, field.mul(M[i][theirs[l]], z[l]));
    if (!arith.atMost(u, value)) return null;
  }
  const full = new Array<T>(M[0].length).fill(field.zero);
  theirs.forEach((j, l) => (full[j] = z[l]));
  return full;
}

/**
 * True when doubles show clearly that (mine, theirs) supports no equilibrium; exact mode checks
 * only the pairs this cannot rule out (a singular float system is never ruled out).
 */
function floatRulesOut(M: number[][], mine: number[], theirs: number[]): boolean {
  const k = mine.length;
  const system = mine.map((i) => [...theirs.map((j) => M[i][j]), -1]);
  system.push([...theirs.map(() => 1), 0]);
  const z = solveFloat(system, [...mine.map(() => 0), 1], 1e-9);
  if (!z) return false;
  const slack = 1e-7;
  for (let l = 0; l < k; l++) if (z[l] < -slack) return true;
  const inSupport = new Set(mine);
  for (let i = 0; i < M.length; i++) {
    if (inSupport.has(i)) continue;
    let u = 0;
    for (let l = 0; l < k; l++) u += M[i][theirs[l]] * z[l];
    if (u > z[k] + slack * Math.max(1, Math.abs(z[k]))) return true;
  }
  return false;
}

function enumerate<T>(game: Bimatrix, arith: Arith<T>, view: StrategicView, options?: SolveOptions): SolveResult {
  const { field } = arith;
  // in doubles, each player's payoffs mapped onto [1, 2] so the tolerances are relative to their range
  const floatA = field.name === "float" ? unitRangeMatrix(game.A) : null;
  const floatB = field.name === "float" ? unitRangeMatrix(game.B) : null;
  const A = game.A.map((r, i) => r.map((x, j) => (floatA ? (floatA[i][j] as T) : field.fromRational(x))));
  const Bt = Array.from({ length: game.cols }, (_, j) => game.B.map((r, i) => (floatB ? (floatB[i][j] as T) : field.fromRational(r[j]))));
  const screen = field.name === "exact";
  const Af = floatA ?? unitRangeMatrix(game.A);
  const unitB = floatB ?? unitRangeMatrix(game.B);
  const Btf = Array.from({ length: game.cols }, (_, j) => unitB.map((r) => r[j]));
  const equilibria: Equilibrium[] = [];
  let degenerate = hasTiedPureBestReplies(game);
  let tried = 0;
  for (let k = 1; k <= Math.min(game.rows, game.cols); k++) {
    forEachSubset(game.rows, k, (I) => {
      forEachSubset(game.cols, k, (J) => {
        if (++tried % 256 === 0) checkDeadline(options, "enum");
        if (screen && (floatRulesOut(Af, I, J) || floatRulesOut(Btf, J, I))) return;
        const y = indifferentMix(A, I, J, arith);
        if (!y) return;
        const x = indifferentMix(Bt, J, I, arith);
        if (!x) return;
        equilibria.push(bimatrixEquilibrium(view, x, y, field));
        if (field.name === "exact") {
          const [br1, br2] = bestReplyCounts(game, x as unknown as Rational[], y as unknown as Rational[]);
          if (br1 > k || br2 > k) degenerate = true;
        }
      });
    });
  }
  const notes = degenerate ? [DEGENERACY_NOTE] : [];
  return { equilibria, notes };
}

export const enumSolver: Solver = {
  name: "enum",
  description: "support enumeration: all equilibria of a non-degenerate two-player game, exact",
  solve(game: Game, options?: SolveOptions): SolveResult {
    requireTwoPlayers(game, "enum");
    const view = strategicView(game, options);
    const bm = bimatrixOf(view.nfg);
    const pairs = binomial(bm.rows + bm.cols, bm.rows) - 1;
    if (pairs > MAX_SUPPORT_PAIRS) {
      throw new InputError(
        `enum: a ${bm.rows}×${bm.cols} game has ${pairs.toExponential(2)} pairs of supports to try; ` +
          `at most ${MAX_SUPPORT_PAIRS.toExponential(0)} are supported (use --method lh)`,
      );
    }
    return options?.arithmetic === "float"
      ? enumerate(bm, floatArith, view, options)
      : enumerate(bm, exactArith, view, options);
  },
};
