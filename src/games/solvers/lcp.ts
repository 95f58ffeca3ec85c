/**
 * Lemke's algorithm on the sequence form (Koller, Megiddo & von Stengel 1996): the equilibria of
 * a two-player extensive game with perfect recall are the solutions of an LCP whose size is linear
 * in the tree, not exponential like the normal form. With payoffs shifted to be negative the
 * realization-plan duals can be taken nonnegative, which gives a standard LCP
 *   w = q + M z ≥ 0, z ≥ 0, wᵀz = 0,  z = (x, y, u, v),
 *   M = [[0, −A, −Eᵀ, 0], [−Bᵀ, 0, 0, −Fᵀ], [E, 0, 0, 0], [0, F, 0, 0]],  q = (0, 0, −e, −f),
 * solved by complementary pivoting with covering vector 1 and lexicographic ties. Strategic games
 * are solved as the two-move tree where the second mover does not see the first move.
 */
import { InputError } from "../../errors.js";
import { exactField, type Field, floatField, type Num } from "../field.js";
import { behaviourRegrets } from "../equilibrium-check.js";
import { type ExtensiveFormGame } from "../extensive-form.js";
import { decide, extensiveGame, leaf, type TreeSpec } from "../builder.js";
import type { Game } from "../game.js";
import type { NormalFormGame } from "../normal-form.js";
import { Rational } from "../rational.js";
import { behaviourAt } from "../reduced-normal-form.js";
import { type SequenceForm, sequenceForm } from "../sequence-form.js";
import { checkProfile, normalisedGame } from "../verify.js";
import { checkDeadline, requireTwoPlayers, SolverFailure } from "./common.js";
import type { SolveOptions, SolveResult, Solver } from "./solver.js";
import { ExactTableau, FloatTableau, type Tableau, commonDenominator } from "./tableau.js";
import { solveIntegerSystem } from "./linear-solve.js";

/** Float pivoting that needs far more steps than exact pivoting would is cycling on rounding noise. */
const FLOAT_PIVOT_CAP = (N: number) => 20 * N + 1000;

/** Largest LCP dimension (sequences plus information sets of both players) per arithmetic. */
export const MAX_LCP_SIZE = { exact: 1_200, float: 3_000 };

interface Layout {
  size: number;
  x: number;
  y: number;
  u: number;
  v: number;
}

function layout<T>(sf: SequenceForm<T>): Layout {
  const [s1, s2] = sf.sizes;
  const r1 = sf.constraints[0].length;
  const r2 = sf.constraints[1].length;
  return { size: s1 + s2 + r1 + r2, x: 0, y: s1, u: s1 + s2, v: s1 + s2 + r1 };
}

/** Tableau rows w_i − Σ_j M_ij z_j − z0 = q_i; columns w (N), z (N), z0, then rhs. */
function lcpMatrix<T>(sf: SequenceForm<T>, L: Layout, toEntry: (x: T, player: 0 | 1) => T, one: T, zero: T): T[][] {
  const N = L.size;
  const neg = (x: T) => (typeof x === "bigint" ? (-x as T) : ((-(x as number)) as T));
  const rows = Array.from({ length: N }, (_, i) => {
    const r = new Array<T>(2 * N + 2).fill(zero);
    r[i] = one;
    r[2 * N] = neg(one);
    return r;
  });
  for (let k = 0; k < sf.a.length; k++) {
    const s1 = sf.row[k];
    const s2 = sf.col[k];
    rows[L.x + s1][N + L.y + s2] = toEntry(sf.a[k], 0);
    rows[L.y + s2][N + L.x + s1] = toEntry(sf.b[k], 1);
  }
  const asT = (c: number): T => (typeof one === "bigint" ? (BigInt(c) as T) : (c as T));
  sf.constraints[0].forEach((row, k) =>
    row.sequences.forEach((s, l) => {
      rows[L.x + s][N + L.u + k] = asT(row.coefficients[l]);
      rows[L.u + k][N + L.x + s] = asT(-row.coefficients[l]);
    }),
  );
  sf.constraints[1].forEach((row, k) =>
    row.sequences.forEach((s, l) => {
      rows[L.y + s][N + L.v + k] = asT(row.coefficients[l]);
      rows[L.v + k][N + L.y + s] = asT(-row.coefficients[l]);
    }),
  );
  rows[L.u][2 * N + 1] = asT(-1);
  rows[L.v][2 * N + 1] = asT(-1);
  return rows;
}

/**
 * Lemke's path ended on a ray, or float pivoting went round in circles: impossible in exact
 * arithmetic with the lexicographic rule (KMvS 1996), a loss of precision in floats.
 */
class PivotingFailure extends Error {
  constructor(what: string) {
    super(`Lemke's algorithm ${what}`);
  }
}

/** Complementary pivoting from the primary ray until z0 leaves the basis. */
function lemke<T>(tab: Tableau<T>, N: number, options?: SolveOptions, maxSteps = Infinity): void {
  const z0 = 2 * N;
  // first pivot: z0 replaces the most infeasible row; q is −1 at the two root rows, and the
  // lexicographic rule with an identity basis picks the later one
  let row = -1;
  for (let i = 0; i < N; i++) if (isNegative(tab.value(i))) row = i; // w_i is basic in row i at the start
  let leaving = tab.basis[row];
  tab.pivot(row, z0);
  for (let step = 0; ; step++) {
    if (step % 16 === 0) checkDeadline(options, "lcp");
    if (step > maxSteps) throw new PivotingFailure("made too many pivots (cycling in floating point)");
    const entering = leaving < N ? leaving + N : leaving - N;
    row = tab.ratioTest(entering);
    if (row < 0) throw new PivotingFailure("ended on a secondary ray");
    leaving = tab.basis[row];
    tab.pivot(row, entering);
    if (leaving === z0) return;
  }
}

function isNegative(v: unknown): boolean {
  return v instanceof Rational ? v.sign() < 0 : (v as number) < 0;
}

function maxTerminalPayoff(game: ExtensiveFormGame, player: 0 | 1): Rational {
  let max: Rational | undefined;
  const values = game.terminalPayoffs(exactField);
  for (let z = 0; z < game.nodeCount; z++) {
    if (game.childCount(z) > 0) continue;
    const u = values[z * 2 + player];
    if (!max || u.cmp(max) > 0) max = u;
  }
  return max ?? Rational.ZERO;
}

/**
 * Behaviour strategies of one equilibrium. In exact arithmetic the path is first followed in
 * floats and the end solved exactly (`floatGuided`), falling back to exact pivoting throughout.
 */
export function sequenceFormEquilibrium<T>(game: ExtensiveFormGame, field: Field<T>, options?: SolveOptions, floatGuided = true): Num[][][] {
  const shift: [T, T] = [0, 1].map((p) => field.fromRational(maxTerminalPayoff(game, p as 0 | 1).add(Rational.ONE).neg())) as [T, T];
  const sf = sequenceForm(game, field, shift);
  const L = layout(sf);
  const limit = field.name === "exact" ? MAX_LCP_SIZE.exact : MAX_LCP_SIZE.float;
  if (L.size > limit) {
    throw new InputError(
      `lcp: the sequence form has ${sf.sizes[0]} + ${sf.sizes[1]} sequences and ${L.size - sf.sizes[0] - sf.sizes[1]} ` +
        `constraints, an LCP of size ${L.size}; at most ${limit} is supported in ${field.name} arithmetic` +
        (field.name === "exact" ? " (try --float)" : ""),
    );
  }
  const N = L.size;
  const lex = Int32Array.from({ length: N }, (_, i) => i);
  const basis = Array.from({ length: N }, (_, i) => i);
  let values: (col: number) => T;
  if (field.name === "exact") {
    const sfr = sf as unknown as SequenceForm<Rational>;
    const scale = [commonDenominator(sfr.a), commonDenominator(sfr.b)];
    const toInt = (x: Rational, p: 0 | 1) => (x.num * scale[p]) / x.den;
    const m = lcpMatrix<bigint>(sfr as unknown as SequenceForm<bigint>, L, toInt as unknown as (x: bigint, p: 0 | 1) => bigint, 1n, 0n);
    const floatSf = { ...sfr, a: sfr.a.map((x) => x.toNumber()), b: sfr.b.map((x) => x.toNumber()) };
    const guided = floatGuided ? solveFromFloatBasis(m, lcpMatrix<number>(floatSf, L, (x) => x, 1, 0), N, options) : null;
    if (guided) {
      values = (col) => (col >= N && col < 2 * N ? guided[col - N] : Rational.ZERO) as T;
    } else {
      const tab = new ExactTableau(N, 2 * N + 1, m, basis, lex);
      lemke(tab, N, options);
      values = (col) => tab.value(col) as T;
    }
  } else {
    const m = lcpMatrix<number>(sf as unknown as SequenceForm<number>, L, (x) => x, 1, 0);
    const tab = new FloatTableau(N, 2 * N + 1, m, basis, lex, 1e-11);
    lemke(tab, N, options, FLOAT_PIVOT_CAP(N));
    values = (col) => tab.value(col) as T;
  }
  const weights = (offset: number, count: number) => Array.from({ length: count }, (_, s) => values(N + offset + s));
  const x = weights(L.x, sf.sizes[0]);
  const y = weights(L.y, sf.sizes[1]);
  return [x, y].map((w, p) => game.playerInfosets[p + 1].map((h) => behaviourAt(game, sf.sequences, h, w, field))) as Num[][][];
}

/**
 * The exact solution at the basis where float pivoting ends: only the equations of the nonbasic
 * w's (which are 0) need solving, for the basic z's, by fraction-free elimination. The result is
 * kept only if every variable is nonnegative, which makes it an exact complementary solution;
 * otherwise (or if the float path fails) the caller pivots exactly from the start.
 */
function solveFromFloatBasis(m: bigint[][], floatMatrix: number[][], N: number, options?: SolveOptions): Rational[] | null {
  const identity = Array.from({ length: N }, (_, i) => i);
  const tab = new FloatTableau(N, 2 * N + 1, floatMatrix, identity, Int32Array.from(identity), 1e-11);
  try {
    lemke(tab, N, options, FLOAT_PIVOT_CAP(N));
  } catch (e) {
    if (e instanceof PivotingFailure) return null;
    throw e;
  }
  const basicZ: number[] = [];
  const zeroW: number[] = [];
  for (let i = 0; i < N; i++) {
    if (tab.rowOf[N + i] >= 0) basicZ.push(i);
    if (tab.rowOf[i] < 0) zeroW.push(i);
  }
  if (basicZ.length !== zeroW.length || tab.rowOf[2 * N] >= 0) return null;
  const rhsCol = 2 * N + 1;
  const z = solveIntegerSystem(
    zeroW.map((i) => basicZ.map((j) => m[i][N + j])),
    zeroW.map((i) => m[i][rhsCol]),
    () => checkDeadline(options, "lcp"),
  );
  if (!z || z.some((x) => x.sign() < 0)) return null;
  const full = new Array<Rational>(N).fill(Rational.ZERO);
  basicZ.forEach((j, k) => (full[j] = z[k]));
  // the basic w's: w_i = q_i + Σ_j M_ij z_j = rhs_i − Σ_j T_ij z_j must be nonnegative
  for (let i = 0; i < N; i++) {
    if (tab.rowOf[i] < 0) continue;
    let w = Rational.of(m[i][rhsCol]);
    for (const j of basicZ) if (m[i][N + j] !== 0n) w = w.sub(full[j].mul(Rational.of(m[i][N + j])));
    if (w.sign() < 0) return null;
  }
  return full;
}

/** A two-player strategic game as a tree: player 2 moves without seeing player 1's move. */
export function strategicGameAsTree(nfg: NormalFormGame): ExtensiveFormGame {
  const m = nfg.strategies[0].length;
  const moves1: [string, TreeSpec][] = nfg.strategies[0].map((s1, i) => [
    s1,
    decide(
      2,
      "simultaneous",
      nfg.strategies[1].map((s2, j) => [s2, leaf([nfg.payoff(i + j * m, 0), nfg.payoff(i + j * m, 1)])] as [string, TreeSpec]),
    ),
  ]);
  return extensiveGame({ title: nfg.title, players: nfg.players, root: decide(1, "first", moves1) });
}

export const lcpSolver: Solver = {
  name: "lcp",
  description: "sequence form + Lemke (two players, extensive games with perfect recall); behaviour strategies",
  solve(game: Game, options?: SolveOptions): SolveResult {
    requireTwoPlayers(game, "lcp");
    const tree = game.kind === "efg" ? game : strategicGameAsTree(game);
    const notes: string[] = [];
    let probs: Num[][][] | undefined;
    let payoffs: Num[] = [];
    if (options?.arithmetic === "float") {
      try {
        // on payoffs divided by their scale, so the float tolerances are relative to it
        const normalised = normalisedGame(tree);
        probs = sequenceFormEquilibrium(normalised, floatField, options);
        payoffs = behaviourRegrets(tree, probs as number[][][], floatField).payoffs;
        if (!checkProfile(tree, { kind: "behaviour", probs }, normalised).ok) probs = undefined;
      } catch (e) {
        if (!(e instanceof PivotingFailure)) throw e;
      }
      if (!probs) notes.push("floating-point pivoting lost accuracy on this game; it was solved in exact arithmetic instead");
    }
    if (!probs) {
      try {
        probs = sequenceFormEquilibrium(tree, exactField, options);
      } catch (e) {
        // --float was asked because the game is too large for exact pivoting: say both facts
        if (notes.length > 0 && e instanceof InputError && e.message.startsWith("lcp: the sequence form has")) {
          throw new SolverFailure(`lcp: floating-point pivoting lost accuracy on this game, and it is too large to solve exactly (${e.message})`);
        }
        throw e;
      }
      const report = behaviourRegrets(tree, probs as Rational[][][], exactField);
      payoffs = report.payoffs;
      // the theory says this cannot happen; if it ever does, say so rather than report it silently
      const regret = Math.max(...report.regrets.map((r) => r.toNumber()));
      if (regret > 0) notes.push(`warning: the profile found has regret ${regret}; it is not an exact equilibrium`);
    }
    const profile =
      game.kind === "efg"
        ? { kind: "behaviour" as const, probs }
        : { kind: "mixed" as const, probs: probs.map((sets) => sets[0]) };
    return { equilibria: [{ profile, payoffs }], notes };
  },
};
