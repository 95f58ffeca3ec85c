/**
 * Sobol low-discrepancy sequence (Sobol 1967; Bratley & Fox 1988, Gray-code order) with Joe &
 * Kuo's direction numbers. The design points of every quasi-Monte Carlo analysis (Saltelli
 * matrices, crux scans) come from here. Points can be reached directly by index, so a large
 * design can be split into jobs whose results do not depend on the split.
 */
import { JOE_KUO_ROWS } from "./sobol-direction-numbers.js";
import { AnalysisRandom } from "../math/random.js";

const BITS = 32;
/** Points per sequence: indices 0 .. 2^32 − 2 are available. */
export const SOBOL_MAX_POINTS = 2 ** BITS - 1;

interface PolynomialRow {
  degree: number;
  interior: number;
  initial: number[];
}

let parsedRows: PolynomialRow[] | undefined;

function polynomialRows(): PolynomialRow[] {
  if (parsedRows) return parsedRows;
  parsedRows = JOE_KUO_ROWS.trim()
    .split("\n")
    .map((line) => {
      const fields = line.trim().split(/\s+/).map(Number);
      return { degree: fields[1], interior: fields[2], initial: fields.slice(3) };
    });
  return parsedRows;
}

/** Highest dimension the bundled direction numbers support. */
export const SOBOL_MAX_DIMENSION = 1024;

/**
 * Direction integers v_1..v_32 of one dimension, scaled by 2^32 (Bratley & Fox 1988):
 * v_j = m_j·2^(32−j) for j ≤ s, then v_j = v_{j−s} ⊕ (v_{j−s} ≫ s) ⊕ ⊕_{k=1}^{s−1} a_k·v_{j−k}.
 */
function directionIntegers(dimensionIndex: number, out: Uint32Array, offset: number): void {
  if (dimensionIndex === 0) {
    for (let j = 1; j <= BITS; j++) out[offset + j - 1] = 2 ** (BITS - j);
    return;
  }
  const { degree, interior, initial } = polynomialRows()[dimensionIndex - 1];
  for (let j = 1; j <= BITS; j++) {
    let v: number;
    if (j <= degree) {
      v = initial[j - 1] * 2 ** (BITS - j);
    } else {
      const back = out[offset + j - 1 - degree];
      v = back ^ (back >>> degree);
      for (let k = 1; k < degree; k++) {
        if ((interior >>> (degree - 1 - k)) & 1) v ^= out[offset + j - 1 - k];
      }
    }
    out[offset + j - 1] = v >>> 0;
  }
}

export interface SobolOptions {
  /**
   * Seed of a random digital shift (each coordinate XOR-ed with a random 32-bit word, then
   * moved by 2^−33 off the grid): a randomised QMC sequence that keeps the net's balance and
   * never returns exactly 0. Without it the plain published sequence is returned.
   */
  shiftSeed?: number;
}

/** A d-dimensional Sobol sequence in Gray-code order; `next` writes one point at a time. */
export class SobolSequence {
  readonly dimension: number;
  private readonly directions: Uint32Array;
  private readonly shift: Uint32Array;
  private readonly offsetFromGrid: number;
  private readonly state: Uint32Array;
  private index = 0;

  constructor(dimension: number, options: SobolOptions = {}) {
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
      throw new RangeError(`Sobol dimension must be an integer in 1..${SOBOL_MAX_DIMENSION}, got ${dimension}`);
    }
    this.dimension = dimension;
    this.directions = new Uint32Array(dimension * BITS);
    for (let d = 0; d < dimension; d++) directionIntegers(d, this.directions, d * BITS);
    this.shift = new Uint32Array(dimension);
    this.offsetFromGrid = 0;
    if (options.shiftSeed !== undefined) {
      const random = new AnalysisRandom(options.shiftSeed, 0x50b0);
      for (let d = 0; d < dimension; d++) this.shift[d] = random.nextUint32();
      this.offsetFromGrid = 2 ** -(BITS + 1);
    }
    this.state = new Uint32Array(dimension);
  }

  /** Index of the point the next call to `next` returns. */
  get position(): number {
    return this.index;
  }

  /** Jump to point `index` directly: x_n = ⊕ of v_j over the set bits j of gray(n) = n ⊕ (n ≫ 1). */
  seek(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= SOBOL_MAX_POINTS) {
      throw new RangeError(`Sobol index must be an integer in 0..${SOBOL_MAX_POINTS - 1}, got ${index}`);
    }
    const gray = (index ^ Math.floor(index / 2)) >>> 0;
    for (let d = 0; d < this.dimension; d++) {
      let x = 0;
      for (let j = 0; j < BITS; j++) if ((gray >>> j) & 1) x ^= this.directions[d * BITS + j];
      this.state[d] = x >>> 0;
    }
    this.index = index;
  }

  /** Write the current point into out[offset .. offset+d−1] and advance by one. */
  next(out: Float64Array, offset = 0): void {
    if (this.index >= SOBOL_MAX_POINTS) throw new RangeError("the Sobol sequence is exhausted (2^32 − 1 points)");
    const scale = 2 ** -BITS;
    for (let d = 0; d < this.dimension; d++) {
      out[offset + d] = ((this.state[d] ^ this.shift[d]) >>> 0) * scale + this.offsetFromGrid;
    }
    // Gray-code step: flip direction c, the position of the lowest zero bit of the index.
    const inverted = ~this.index;
    const c = 31 - Math.clz32(inverted & -inverted);
    for (let d = 0; d < this.dimension; d++) {
      this.state[d] = (this.state[d] ^ this.directions[d * BITS + c]) >>> 0;
    }
    this.index++;
  }

  /** `count` consecutive points from the current position, row-major (count × d). */
  take(count: number): Float64Array {
    const out = new Float64Array(count * this.dimension);
    for (let i = 0; i < count; i++) this.next(out, i * this.dimension);
    return out;
  }
}
