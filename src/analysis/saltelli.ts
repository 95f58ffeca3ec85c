/**
 * Saltelli's sampling design for Sobol indices (Saltelli 2002; Saltelli et al. 2010): two
 * independent quasi-random matrices A and B (N × k, from one 2k-dimensional Sobol sequence) and
 * the k matrices A_B^(i) — A with column i taken from B. Points are laid out by base row so that
 * any range of rows is an independent job: row j's points depend only on j and the seed.
 */
import { InputError } from "../errors.js";
import { SOBOL_MAX_DIMENSION, SOBOL_MAX_POINTS, SobolSequence } from "./sobol-sequence.js";

export interface SaltelliDesign {
  /** k: number of uncertain parameters */
  parameters: number;
  /** N: number of base rows; the design has N·(k+2) points */
  baseSamples: number;
  /** seed of the random digital shift (randomised QMC); undefined = plain sequence from index 1 */
  seed: number | undefined;
}

/** Points evaluated per base row: A_j, B_j, then A_B^(1)_j … A_B^(k)_j. */
export function pointsPerRow(design: SaltelliDesign): number {
  return design.parameters + 2;
}

export function saltelliDesign(parameters: number, baseSamples: number, seed?: number): SaltelliDesign {
  if (!Number.isInteger(parameters) || parameters < 1 || 2 * parameters > SOBOL_MAX_DIMENSION) {
    throw new InputError(
      `a Sobol analysis needs between 1 and ${SOBOL_MAX_DIMENSION / 2} parameters, got ${parameters}`,
    );
  }
  if (!Number.isInteger(baseSamples) || baseSamples < 2 || baseSamples >= SOBOL_MAX_POINTS - 1) {
    throw new InputError(`the number of base samples must be an integer ≥ 2, got ${baseSamples}`);
  }
  return { parameters, baseSamples, seed };
}

/**
 * The points of base rows [fromRow, toRow), row-major: each row contributes k+2 points of k
 * coordinates in (0,1). Without a seed the sequence starts at index 1 (index 0 is the corner 0).
 */
export function saltelliPoints(design: SaltelliDesign, fromRow: number, toRow: number): Float64Array {
  const k = design.parameters;
  if (!(Number.isInteger(fromRow) && Number.isInteger(toRow) && 0 <= fromRow && fromRow <= toRow && toRow <= design.baseSamples)) {
    throw new InputError(`rows ${fromRow}..${toRow} are outside the design's 0..${design.baseSamples}`);
  }
  const sequence = new SobolSequence(2 * k, design.seed === undefined ? {} : { shiftSeed: design.seed });
  sequence.seek(fromRow + (design.seed === undefined ? 1 : 0));
  const base = new Float64Array(2 * k);
  const per = pointsPerRow(design);
  const out = new Float64Array((toRow - fromRow) * per * k);
  for (let row = 0; row < toRow - fromRow; row++) {
    sequence.next(base);
    const rowStart = row * per * k;
    for (let c = 0; c < k; c++) {
      out[rowStart + c] = base[c];
      out[rowStart + k + c] = base[k + c];
    }
    for (let i = 0; i < k; i++) {
      const at = rowStart + (2 + i) * k;
      for (let c = 0; c < k; c++) out[at + c] = base[c];
      out[at + i] = base[k + i];
    }
  }
  return out;
}

/** First-order and total indices of one set of rows, with the output variance. */
export interface JansenIndices {
  first: Float64Array;
  total: Float64Array;
  mean: number;
  variance: number;
}

/**
 * Jansen (1999) estimators as tabulated by Saltelli et al. (2010, Table 2), over the rows listed
 * in `rows` (all rows when omitted; a bootstrap passes a resample):
 *   V   = variance of the pooled f(A), f(B)
 *   S_i = (V − (1/2N) Σ_j (f(B)_j − f(A_B^(i))_j)²) / V
 *   ST_i = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V
 * `values` holds the outputs in the layout of `saltelliPoints`.
 */
export function jansenIndices(values: Float64Array, design: SaltelliDesign, rows?: Uint32Array, out?: JansenIndices): JansenIndices {
  const k = design.parameters;
  const per = k + 2;
  const n = rows ? rows.length : design.baseSamples;
  const result = out ?? { first: new Float64Array(k), total: new Float64Array(k), mean: 0, variance: 0 };
  const firstSums = result.first.fill(0);
  const totalSums = result.total.fill(0);
  let sum = 0;
  let sumSquares = 0;
  for (let r = 0; r < n; r++) {
    const at = (rows ? rows[r] : r) * per;
    const fA = values[at];
    const fB = values[at + 1];
    sum += fA + fB;
    sumSquares += fA * fA + fB * fB;
    for (let i = 0; i < k; i++) {
      const fAB = values[at + 2 + i];
      firstSums[i] += (fB - fAB) * (fB - fAB);
      totalSums[i] += (fA - fAB) * (fA - fAB);
    }
  }
  const mean = sum / (2 * n);
  const variance = Math.max(0, (sumSquares - 2 * n * mean * mean) / (2 * n - 1));
  for (let i = 0; i < k; i++) {
    firstSums[i] = variance > 0 ? (variance - firstSums[i] / (2 * n)) / variance : 0;
    totalSums[i] = variance > 0 ? totalSums[i] / (2 * n) / variance : 0;
  }
  result.mean = mean;
  result.variance = variance;
  return result;
}
