/** Estimates from independent replicates (batches, sampled orderings): shared by the analyses. */
/** The mean of independent replicate values and its standard error √(s²/n) (NaN with one value). */
export function replicateEstimate(values: ArrayLike<number>): { mean: number; se: number } {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  if (n < 2) return { mean, se: NaN };
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { mean, se: Math.sqrt(squares / (n - 1) / n) };
}
