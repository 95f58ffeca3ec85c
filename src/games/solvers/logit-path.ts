/**
 * Predictor–corrector path following for logit quantal response equilibria (Turocy 2005;
 * Allgower & Georg 1990, ch. 2). Unknowns are log-probabilities w and λ; for every distribution
 * (a player's strategies, or one information set) the equations are
 *   Σ_k exp(w_k) = 1,   w_k − w_0 − λ·(v_k − v_0) = 0 (k ≥ 1),
 * where v are the action values under π = exp(w). The branch starting at the centroid (λ = 0) is
 * traced by Euler prediction along the tangent and Newton correction, with adaptive steps.
 */
import { solveFloat } from "./linear-solve.js";

export interface LogitSystem {
  /** number of actions in each distribution, in order; actions are numbered consecutively */
  groupSizes: number[];
  /**
   * Values of all actions given the probabilities and their logarithms (the agent form needs the
   * logarithms for beliefs at information sets reached with probabilities below 1e-300).
   */
  actionValues(pi: Float64Array, logPi: Float64Array): Float64Array;
}

export interface PathPoint {
  lambda: number;
  probs: Float64Array;
}

interface Tracer {
  K: number;
  groupStart: number[];
  sys: LogitSystem;
}

function residual(t: Tracer, w: Float64Array, lambda: number): Float64Array {
  const pi = w.map(Math.exp);
  const v = t.sys.actionValues(pi, w);
  const h = new Float64Array(t.K);
  t.sys.groupSizes.forEach((size, g) => {
    const s = t.groupStart[g];
    let sum = 0;
    for (let k = 0; k < size; k++) sum += pi[s + k];
    h[s] = sum - 1;
    for (let k = 1; k < size; k++) h[s + k] = w[s + k] - w[s] - lambda * (v[s + k] - v[s]);
  });
  return h;
}

/** K×(K+1) Jacobian [∂H/∂w | ∂H/∂λ]; value derivatives by central differences. */
function jacobian(t: Tracer, w: Float64Array, lambda: number): number[][] {
  const K = t.K;
  const pi = w.map(Math.exp);
  const v = t.sys.actionValues(pi, w);
  const J = Array.from({ length: K }, () => new Array<number>(K + 1).fill(0));
  // π_l·∂v/∂π_l from a relative change of π_l: exact for multilinear values, keeps π > 0
  const relative = 1e-4;
  const dv: Float64Array[] = [];
  for (let l = 0; l < K; l++) {
    const up = Float64Array.from(pi);
    const down = Float64Array.from(pi);
    up[l] *= 1 + relative;
    down[l] *= 1 - relative;
    const logUp = Float64Array.from(w);
    const logDown = Float64Array.from(w);
    logUp[l] += Math.log1p(relative);
    logDown[l] += Math.log1p(-relative);
    const vu = t.sys.actionValues(up, logUp);
    const vd = t.sys.actionValues(down, logDown);
    dv.push(vu.map((x, k) => (x - vd[k]) / (2 * relative)));
  }
  t.sys.groupSizes.forEach((size, g) => {
    const s = t.groupStart[g];
    for (let k = 0; k < size; k++) J[s][s + k] = pi[s + k];
    for (let k = 1; k < size; k++) {
      const row = J[s + k];
      row[s + k] += 1;
      row[s] -= 1;
      for (let l = 0; l < K; l++) row[l] -= lambda * (dv[l][s + k] - dv[l][s]);
      row[K] = -(v[s + k] - v[s]);
    }
  });
  return J;
}

function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** Unit tangent of the path, oriented like `previous`. */
function tangent(J: number[][], previous: Float64Array): Float64Array | null {
  const K = J.length;
  const M = [...J, Array.from(previous)];
  const rhs = new Array<number>(K + 1).fill(0);
  rhs[K] = 1;
  const t = solveFloat(M, rhs, 1e-14);
  if (!t) return null;
  const n = norm(t);
  return Float64Array.from(t, (x) => x / n);
}

/** Newton corrector on [H; tᵀ(x − x0)] = 0 (the Moore–Penrose step of Allgower & Georg). */
function correct(tr: Tracer, x: Float64Array, dir: Float64Array, maxIter = 8): { x: Float64Array; iterations: number } | null {
  const K = tr.K;
  let cur = Float64Array.from(x);
  for (let it = 1; it <= maxIter; it++) {
    const w = cur.subarray(0, K);
    const h = residual(tr, w, cur[K]);
    const J = jacobian(tr, w, cur[K]);
    const delta = solveFloat([...J, Array.from(dir)], [...Array.from(h, (v) => -v), 0], 1e-14);
    if (!delta) return null;
    cur = cur.map((v, i) => v + delta[i]);
    if (norm(delta) < 1e-10 * Math.max(1, norm(cur)) && norm(residual(tr, cur.subarray(0, K), cur[K])) < 1e-10 * Math.max(1, Math.abs(cur[K]))) {
      return { x: cur, iterations: it };
    }
  }
  return null;
}

/** Newton on the square system at a fixed λ. */
function solveAtLambda(tr: Tracer, w0: Float64Array, lambda: number): Float64Array | null {
  let w = Float64Array.from(w0);
  for (let it = 0; it < 30; it++) {
    const h = residual(tr, w, lambda);
    if (norm(h) < 1e-12) return w;
    const J = jacobian(tr, w, lambda).map((row) => row.slice(0, tr.K));
    const delta = solveFloat(J, Array.from(h, (v) => -v), 1e-15);
    if (!delta) return null;
    w = w.map((v, i) => v + delta[i]);
  }
  return norm(residual(tr, w, lambda)) < 1e-9 ? w : null;
}

/** The path could not be followed further on this game (an expected failure of the method, not a bug). */
export class LogitPathFailure extends Error {
  constructor(
    readonly reason: string,
    /** λ where it stopped */
    readonly lambda: number,
    /** the last point on the path (probabilities), for a caller that can still use it */
    readonly probs: Float64Array,
  ) {
    super(`logit path: ${reason} at λ = ${lambda}`);
    this.name = "LogitPathFailure";
  }
}

/**
 * Follows the branch from λ = 0 to `targetLambda` (the point there), or to `maxLambda` when no
 * target is given (the last point, close to the limiting equilibrium). `checkTime` may throw.
 */
export function traceLogitPath(sys: LogitSystem, options: { targetLambda?: number; maxLambda: number; checkTime: () => void }): PathPoint {
  const groupStart: number[] = [];
  let K = 0;
  for (const size of sys.groupSizes) {
    groupStart.push(K);
    K += size;
  }
  const tr: Tracer = { K, groupStart, sys };
  const stop = options.targetLambda ?? options.maxLambda;
  let x: Float64Array = new Float64Array(K + 1);
  sys.groupSizes.forEach((size, g) => {
    for (let k = 0; k < size; k++) x[groupStart[g] + k] = -Math.log(size);
  });
  let dir: Float64Array = new Float64Array(K + 1);
  dir[K] = 1;
  let step = 0.03;
  for (let iteration = 0; iteration < 100_000; iteration++) {
    options.checkTime();
    const J = jacobian(tr, x.subarray(0, K), x[K]);
    const t = tangent(J, dir);
    if (!t) throw new LogitPathFailure("singular Jacobian, a bifurcation", x[K], point(x).probs);
    const predicted = x.map((v, i) => v + step * t[i]);
    if (predicted[K] >= stop) {
      if (options.targetLambda === undefined) return point(x);
      const fraction = (stop - x[K]) / (predicted[K] - x[K]);
      const start = x.subarray(0, K).map((v, i) => v + fraction * (predicted[i] - v));
      const w = solveAtLambda(tr, start, stop);
      if (w) return { lambda: stop, probs: w.map(Math.exp) };
      step /= 2;
      continue;
    }
    const corrected = correct(tr, predicted, t);
    if (!corrected || norm(corrected.x.map((v, i) => v - predicted[i])) > 0.5 * step + 1e-9) {
      step /= 2;
      if (step < 1e-12) throw new LogitPathFailure("step size underflow: the corrector does not converge even on tiny steps", x[K], point(x).probs);
      continue;
    }
    x = corrected.x;
    dir = t;
    if (corrected.iterations <= 3) step *= 2;
  }
  throw new LogitPathFailure("more than 100,000 steps", x[K], point(x).probs);

  function point(at: Float64Array): PathPoint {
    return { lambda: at[K], probs: at.subarray(0, K).map(Math.exp) };
  }
}
