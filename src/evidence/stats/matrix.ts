/**
 * Small dense symmetric linear algebra for the regression fits (Cox, logistic): Cholesky
 * factorisation, solves and inverses of p×p information matrices stored row-major in
 * Float64Arrays. p is small (a handful of covariates), so clarity beats blocking.
 */

/** Lower-triangular Cholesky factor L with A = L Lᵀ, or null if A is not positive definite. */
export function choleskyFactor(matrix: Float64Array, size: number): Float64Array | null {
  const lower = new Float64Array(size * size);
  let largestDiagonal = 0;
  for (let i = 0; i < size; i++) largestDiagonal = Math.max(largestDiagonal, Math.abs(matrix[i * size + i]));
  const tolerance = 1e-13 * Math.max(largestDiagonal, 1e-300);
  for (let j = 0; j < size; j++) {
    let diagonal = matrix[j * size + j];
    for (let k = 0; k < j; k++) diagonal -= lower[j * size + k] ** 2;
    if (!(diagonal > tolerance)) return null;
    const pivot = Math.sqrt(diagonal);
    lower[j * size + j] = pivot;
    for (let i = j + 1; i < size; i++) {
      let value = matrix[i * size + j];
      for (let k = 0; k < j; k++) value -= lower[i * size + k] * lower[j * size + k];
      lower[i * size + j] = value / pivot;
    }
  }
  return lower;
}

/** Solve (L Lᵀ) x = b given the Cholesky factor L. */
export function choleskySolve(lower: Float64Array, size: number, rhs: ArrayLike<number>): Float64Array {
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let value = rhs[i];
    for (let k = 0; k < i; k++) value -= lower[i * size + k] * y[k];
    y[i] = value / lower[i * size + i];
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let value = y[i];
    for (let k = i + 1; k < size; k++) value -= lower[k * size + i] * x[k];
    x[i] = value / lower[i * size + i];
  }
  return x;
}

/** A⁻¹ from the Cholesky factor of A. */
export function choleskyInverse(lower: Float64Array, size: number): Float64Array {
  const inverse = new Float64Array(size * size);
  const unit = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = choleskySolve(lower, size, unit);
    for (let i = 0; i < size; i++) inverse[i * size + j] = column[i];
  }
  return inverse;
}

/** xᵀ A x for a symmetric A. */
export function quadraticForm(matrix: Float64Array, size: number, vector: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < size; i++) {
    let row = 0;
    for (let j = 0; j < size; j++) row += matrix[i * size + j] * vector[j];
    total += vector[i] * row;
  }
  return total;
}

/** The sub-matrix of a symmetric matrix on the given indices. */
export function subMatrix(matrix: Float64Array, size: number, indices: readonly number[]): Float64Array {
  const k = indices.length;
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) out[a * k + b] = matrix[indices[a] * size + indices[b]];
  }
  return out;
}
