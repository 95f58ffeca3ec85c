/**
 * Pivoting tableaux for Lemke–Howson and Lemke: rows are equations Σ_j T[i][j]·v_j = rhs_i over
 * all variables, one basic variable per row. The exact tableau keeps integers and pivots without
 * fractions (each entry stays an exact multiple of the last pivot, Edmonds/Bareiss), the float one
 * is plain Gauss–Jordan on a Float64Array. Ties in the ratio test are broken lexicographically
 * against the columns of the starting basis, which makes degenerate games terminate.
 */
import { Rational } from "../rational.js";

export interface Tableau<T> {
  readonly rows: number;
  readonly cols: number;
  /** variable (column) basic in each row */
  readonly basis: Int32Array;
  /** row of each basic variable, −1 for nonbasic ones */
  readonly rowOf: Int32Array;
  /** row that leaves when column `col` enters (lexicographic minimum ratio), −1 if unbounded */
  ratioTest(col: number, skipRows?: Uint8Array): number;
  pivot(row: number, col: number): void;
  /** value of a variable in the current basic solution */
  value(col: number): T;
  /** number of pivots made so far */
  readonly pivots: number;
}

function initBasis(rows: number, cols: number, basis: number[]): { basis: Int32Array; rowOf: Int32Array } {
  const b = Int32Array.from(basis);
  const rowOf = new Int32Array(cols).fill(-1);
  b.forEach((v, i) => (rowOf[v] = i));
  return { basis: b, rowOf };
}

/**
 * Integer tableau. Invariant: the basic variable of each row has coefficient `det` there, so
 * values are rhs_i / det and every pivot's divisions are exact.
 */
export class ExactTableau implements Tableau<Rational> {
  readonly basis: Int32Array;
  readonly rowOf: Int32Array;
  private readonly t: bigint[];
  private readonly width: number;
  private det = 1n;
  pivots = 0;

  /** `matrix` rows hold cols coefficients then the right-hand side; `basis` must be identity columns. */
  constructor(
    readonly rows: number,
    readonly cols: number,
    matrix: bigint[][],
    basis: number[],
    private readonly lexColumns: Int32Array,
  ) {
    this.width = cols + 1;
    this.t = matrix.flat();
    ({ basis: this.basis, rowOf: this.rowOf } = initBasis(rows, cols, basis));
  }

  private at(i: number, j: number): bigint {
    return this.t[i * this.width + j];
  }

  ratioTest(col: number, skipRows?: Uint8Array): number {
    const positive = this.det > 0n;
    let best = -1;
    for (let i = 0; i < this.rows; i++) {
      if (skipRows?.[i]) continue;
      const e = this.at(i, col);
      if (e === 0n || e > 0n !== positive) continue;
      if (best < 0 || this.lexLess(i, best, col)) best = i;
    }
    return best;
  }

  /** row i's ratio vector (rhs, lex columns) / T[i][col] is lexicographically below row k's */
  private lexLess(i: number, k: number, col: number): boolean {
    const ei = this.at(i, col);
    const ek = this.at(k, col);
    // both pivots share det's sign, so their product is positive and cross-multiplying keeps order
    const rhs = this.cols;
    const a = this.at(i, rhs) * ek;
    const b = this.at(k, rhs) * ei;
    if (a !== b) return a < b;
    for (let l = 0; l < this.lexColumns.length; l++) {
      const j = this.lexColumns[l];
      const x = this.at(i, j) * ek;
      const y = this.at(k, j) * ei;
      if (x !== y) return x < y;
    }
    return false;
  }

  pivot(row: number, col: number): void {
    const t = this.t;
    const w = this.width;
    const p = t[row * w + col];
    const det = this.det;
    const pivotRow = t.slice(row * w, row * w + w);
    for (let i = 0; i < this.rows; i++) {
      if (i === row) continue;
      const base = i * w;
      const f = t[base + col];
      if (f === 0n) {
        for (let j = 0; j < w; j++) if (t[base + j] !== 0n) t[base + j] = (t[base + j] * p) / det;
      } else {
        for (let j = 0; j < w; j++) {
          const rj = pivotRow[j];
          const x = t[base + j];
          if (rj === 0n) {
            if (x !== 0n) t[base + j] = (x * p) / det;
          } else {
            t[base + j] = (x * p - f * rj) / det;
          }
        }
      }
    }
    this.det = p;
    const leaving = this.basis[row];
    this.rowOf[leaving] = -1;
    this.basis[row] = col;
    this.rowOf[col] = row;
    this.pivots++;
  }

  value(col: number): Rational {
    const i = this.rowOf[col];
    return i < 0 ? Rational.ZERO : Rational.of(this.at(i, this.cols), this.det);
  }
}

/** Float tableau: rows normalised so basic coefficients are 1; |x| ≤ tolerance counts as zero. */
export class FloatTableau implements Tableau<number> {
  readonly basis: Int32Array;
  readonly rowOf: Int32Array;
  private readonly t: Float64Array;
  private readonly width: number;
  private readonly nonzero: Int32Array;
  pivots = 0;

  constructor(
    readonly rows: number,
    readonly cols: number,
    matrix: number[][],
    basis: number[],
    private readonly lexColumns: Int32Array,
    readonly tolerance = 1e-12,
  ) {
    this.width = cols + 1;
    this.t = new Float64Array(rows * this.width);
    this.nonzero = new Int32Array(this.width);
    matrix.forEach((r, i) => this.t.set(r, i * this.width));
    ({ basis: this.basis, rowOf: this.rowOf } = initBasis(rows, cols, basis));
  }

  ratioTest(col: number, skipRows?: Uint8Array): number {
    const t = this.t;
    const w = this.width;
    // entries this small relative to the column are rounding noise, not pivot candidates
    let columnMax = 0;
    for (let i = 0; i < this.rows; i++) columnMax = Math.max(columnMax, Math.abs(t[i * w + col]));
    const threshold = Math.max(this.tolerance, 1e-9 * columnMax);
    let best = -1;
    for (let i = 0; i < this.rows; i++) {
      if (skipRows?.[i]) continue;
      if (t[i * w + col] <= threshold) continue;
      if (best < 0 || this.lexLess(i, best, col)) best = i;
    }
    return best;
  }

  private lexLess(i: number, k: number, col: number): boolean {
    const t = this.t;
    const w = this.width;
    const ei = t[i * w + col];
    const ek = t[k * w + col];
    const a = t[i * w + this.cols] / ei;
    const b = t[k * w + this.cols] / ek;
    const scale = Math.max(1, Math.abs(a), Math.abs(b));
    if (Math.abs(a - b) > this.tolerance * scale) return a < b;
    for (let l = 0; l < this.lexColumns.length; l++) {
      const j = this.lexColumns[l];
      const x = t[i * w + j] / ei;
      const y = t[k * w + j] / ek;
      if (Math.abs(x - y) > this.tolerance * Math.max(1, Math.abs(x), Math.abs(y))) return x < y;
    }
    return false;
  }

  pivot(row: number, col: number): void {
    const t = this.t;
    const w = this.width;
    const r0 = row * w;
    const inv = 1 / t[r0 + col];
    // the pivot row is often sparse: eliminate only over its nonzero columns
    const nonzero = this.nonzero;
    let count = 0;
    for (let j = 0; j < w; j++) {
      if (t[r0 + j] !== 0) {
        t[r0 + j] *= inv;
        nonzero[count++] = j;
      }
    }
    t[r0 + col] = 1;
    for (let i = 0; i < this.rows; i++) {
      if (i === row) continue;
      const base = i * w;
      const f = t[base + col];
      if (f === 0) continue;
      for (let k = 0; k < count; k++) {
        const j = nonzero[k];
        t[base + j] -= f * t[r0 + j];
      }
      t[base + col] = 0;
    }
    const leaving = this.basis[row];
    this.rowOf[leaving] = -1;
    this.basis[row] = col;
    this.rowOf[col] = row;
    this.pivots++;
  }

  value(col: number): number {
    const i = this.rowOf[col];
    if (i < 0) return 0;
    const v = this.t[i * this.width + this.cols];
    return Math.abs(v) <= this.tolerance ? 0 : v;
  }
}

/** Least common multiple of the denominators: multiplying by it makes every entry an integer. */
export function commonDenominator(values: Iterable<Rational>): bigint {
  let l = 1n;
  const gcd = (a: bigint, b: bigint): bigint => {
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  };
  for (const v of values) if (l % v.den !== 0n) l = (l / gcd(l, v.den)) * v.den;
  return l;
}
