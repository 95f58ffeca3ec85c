/**
 * Derivative-free minimisation (Nelder–Mead simplex, standard coefficients) for the calibration's
 * likelihood fits, which have two or three unconstrained parameters (docs/EVIDENCE.md §7).
 * Deterministic: the same start gives the same answer.
 */

export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export interface NelderMeadOptions {
  /** initial step along each axis (default 0.5) */
  step?: number;
  /** stop when the simplex's values and vertices agree to this (default 1e-10) */
  tolerance?: number;
  maxIterations?: number;
}

/** Minimise f from x0; restarts once from the answer so a collapsed simplex cannot stop it early. */
export function nelderMead(f: (x: number[]) => number, x0: number[], options: NelderMeadOptions = {}): Minimum {
  const first = simplexSearch(f, x0, options);
  const second = simplexSearch(f, first.x, options);
  return { ...second, iterations: first.iterations + second.iterations, converged: first.converged && second.converged };
}

function simplexSearch(f: (x: number[]) => number, x0: number[], options: NelderMeadOptions): Minimum {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 4000 * n;
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((xi, j) => (i === j ? xi + step : xi)))];
  let values = simplex.map(value);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    const spread = Math.max(...simplex.slice(1).map((v) => Math.max(...v.map((vi, j) => Math.abs(vi - simplex[0][j])))));
    if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + tolerance) && spread <= Math.sqrt(tolerance)) {
      return { x: simplex[0], value: values[0], iterations, converged: true };
    }
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, v) => s + v[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const reflected = along(-1);
    const fr = value(reflected);
    if (fr < values[0]) {
      const expanded = along(-2);
      const fe = value(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n] ? along(-0.5) : along(0.5);
      const fc = value(contracted);
      if (fc < Math.min(fr, values[n])) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = value(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], value: values[best], iterations, converged: false };
}

/** Hessian of f at x by central differences with step h (per coordinate). */
export function numericalHessian(f: (x: number[]) => number, x: number[], h = 1e-4): number[][] {
  const n = x.length;
  const at = (d: Record<number, number>) => f(x.map((v, i) => v + (d[i] ?? 0)));
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const f0 = f(x);
  for (let i = 0; i < n; i++) {
    H[i][i] = (at({ [i]: h }) - 2 * f0 + at({ [i]: -h })) / (h * h);
    for (let j = 0; j < i; j++) {
      const v = (at({ [i]: h, [j]: h }) - at({ [i]: h, [j]: -h }) - at({ [i]: -h, [j]: h }) + at({ [i]: -h, [j]: -h })) / (4 * h * h);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

/** Inverse of a small symmetric positive-definite matrix (Gauss–Jordan); undefined if singular. */
export function invert(matrix: number[][]): number[][] | undefined {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (Math.abs(a[pivot][c]) < 1e-14) return undefined;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    const p = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= factor * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}
