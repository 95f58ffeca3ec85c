/**
 * Skill scores of paired forecasts: SS = 1 − BS/BS_ref, where BS and BS_ref are mean squared
 * errors over the same cases, with a delta-method standard error that keeps the pairing
 * (docs/EVIDENCE.md §4). Positive skill is better than the reference.
 */
import { InputError } from "../../errors.js";

export interface Skill {
  skill: number;
  /** delta-method SE over the cases (NaN when the reference scored perfectly) */
  stdErr: number;
}

/**
 * SS = 1 − Ā/B̄ for per-case losses a (the forecast's) and b (the reference's). With n cases,
 * Var(SS) ≈ (1/n)·[s²_a/B̄² − 2Ā·s_ab/B̄³ + Ā²·s²_b/B̄⁴] (sample (co)variances, n − 1).
 */
export function skillScore(a: readonly number[], b: readonly number[]): Skill {
  if (a.length !== b.length || a.length === 0) throw new InputError(`skill score: ${a.length} and ${b.length} paired losses; need equal, non-zero counts`);
  const n = a.length;
  const meanA = a.reduce((s, x) => s + x, 0) / n;
  const meanB = b.reduce((s, x) => s + x, 0) / n;
  if (meanB === 0) return { skill: Number.NaN, stdErr: Number.NaN };
  let varA = 0;
  let varB = 0;
  let cov = 0;
  for (let i = 0; i < n; i++) {
    varA += (a[i] - meanA) ** 2;
    varB += (b[i] - meanB) ** 2;
    cov += (a[i] - meanA) * (b[i] - meanB);
  }
  const d = n > 1 ? n - 1 : 1;
  [varA, varB, cov] = [varA / d, varB / d, cov / d];
  const variance = (varA / meanB ** 2 - (2 * meanA * cov) / meanB ** 3 + (meanA ** 2 * varB) / meanB ** 4) / n;
  return { skill: 1 - meanA / meanB, stdErr: Math.sqrt(Math.max(0, variance)) };
}

/** Log score (mean negative log-likelihood, nats) of probability forecasts, with forecasts clamped to [ε, 1 − ε]. */
export function logScore(forecast: readonly number[], outcome: readonly number[], epsilon = 0.001): { mean: number; stdErr: number; losses: number[] } {
  if (forecast.length !== outcome.length || forecast.length === 0) throw new InputError(`log score: ${forecast.length} forecasts and ${outcome.length} outcomes; need equal, non-zero counts`);
  const losses = forecast.map((f, i) => {
    const p = Math.min(1 - epsilon, Math.max(epsilon, f));
    return -Math.log(outcome[i] === 1 ? p : 1 - p);
  });
  const n = losses.length;
  const mean = losses.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? losses.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, stdErr: Math.sqrt(variance / n), losses };
}
