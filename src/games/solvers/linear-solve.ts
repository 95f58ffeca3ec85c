/**
 * Square linear systems for support enumeration and equilibrium polishing: exact Gaussian
 * elimination on rationals, and partial-pivoting elimination on doubles. Singular systems give
 * `null` rather than an exception: for a solver that is an ordinary answer.
 */
import { Rational } from "../rational.js";

/** Solves M·z = rhs exactly; M is square. */
export function solveExact(M: Rational[][], rhs: Rational[]): Rational[] | null {
  const k = M.length;
  const a = M.map((row, i) => [...row, rhs[i]]);
  for (let c = 0; c < k; c++) {
    let p = c;
    while (p < k && a[p][c].isZero()) p++;
    if (p === k) return null;
    [a[c], a[p]] = [a[p], a[c]];
    const pivot = a[c][c];
    for (let j = c; j <= k; j++) a[c][j] = a[c][j].div(pivot);
    for (let i = 0; i < k; i++) {
      if (i === c || a[i][c].isZero()) continue;
      const f = a[i][c];
      for (let j = c; j <= k; j++) a[i][j] = a[i][j].sub(f.mul(a[c][j]));
    }
  }
  return a.map((row) => row[k]);
}

/** Solves M·z = rhs in doubles with partial pivoting; null when a pivot is below `tolerance`. */
export function solveFloat(M: number[][], rhs: number[], tolerance = 1e-12): number[] | null {
  const k = M.length;
  const a = M.map((row, i) => [...row, rhs[i]]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(a[i][c]) > Math.abs(a[p][c])) p = i;
    if (Math.abs(a[p][c]) <= tolerance) return null;
    [a[c], a[p]] = [a[p], a[c]];
    for (let i = c + 1; i < k; i++) {
      const f = a[i][c] / a[c][c];
      if (f === 0) continue;
      for (let j = c; j <= k; j++) a[i][j] -= f * a[c][j];
    }
  }
  const z = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = a[i][k];
    for (let j = i + 1; j < k; j++) s -= a[i][j] * z[j];
    z[i] = s / a[i][i];
  }
  return z;
}

export { Rational };

/**
 * Solves an integer system M·z = rhs by fraction-free (Bareiss) elimination: every intermediate
 * entry is an exact integer, so no gcd is ever taken. Returns null when M is singular.
 */
export function solveIntegerSystem(M: bigint[][], rhs: bigint[], checkTime: () => void = () => {}): Rational[] | null {
  const k = M.length;
  const a = M.map((row, i) => [...row, rhs[i]]);
  let previous = 1n;
  for (let c = 0; c < k; c++) {
    checkTime();
    let p = c;
    while (p < k && a[p][c] === 0n) p++;
    if (p === k) return null;
    if (p !== c) [a[c], a[p]] = [a[p], a[c]];
    const pivot = a[c][c];
    for (let i = c + 1; i < k; i++) {
      const f = a[i][c];
      const row = a[i];
      const top = a[c];
      for (let j = c + 1; j <= k; j++) row[j] = (row[j] * pivot - f * top[j]) / previous;
      row[c] = 0n;
    }
    previous = pivot;
  }
  // back substitution in rationals on the triangular system
  const z = new Array<Rational>(k);
  for (let i = k - 1; i >= 0; i--) {
    if (i % 16 === 0) checkTime();
    let s = Rational.of(a[i][k]);
    for (let j = i + 1; j < k; j++) if (a[i][j] !== 0n) s = s.sub(z[j].mul(Rational.of(a[i][j])));
    z[i] = s.div(Rational.of(a[i][i]));
  }
  return z;
}
