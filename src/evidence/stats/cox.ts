/**
 * Cox proportional-hazards regression (Efron ties) fitted by Newton–Raphson with step halving,
 * as R's coxph(): coefficients, standard errors, hazard ratios with intervals, and the
 * likelihood-ratio, Wald and score tests of β = 0.
 */
import { InputError } from "../../errors.js";
import { centreCovariates, coxDerivatives, descendingTimeOrder, type CoxData } from "./cox-likelihood.js";
import { choleskyFactor, choleskyInverse, choleskySolve, quadraticForm } from "./matrix.js";
import { chiSquareSurvival, normalQuantile, twoSidedNormalPValue } from "./special.js";
import { countEvents } from "./survival-data.js";

export interface ChiSquareTest {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
}

export interface CoxFit {
  names: string[];
  coefficients: number[];
  standardErrors: number[];
  hazardRatios: number[];
  hazardRatioLower: number[];
  hazardRatioUpper: number[];
  zValues: number[];
  pValues: number[];
  /** inverse information at β̂, p × p row-major */
  variance: number[];
  logLikNull: number;
  logLik: number;
  likelihoodRatioTest: ChiSquareTest;
  waldTest: ChiSquareTest;
  scoreTest: ChiSquareTest;
  iterations: number;
  converged: boolean;
  /** e.g. a coefficient drifting to ±∞ (monotone likelihood) */
  warnings: string[];
  n: number;
  events: number;
}

export interface CoxOptions {
  maxIterations?: number;
  /** convergence: |1 − ℓ_old/ℓ_new| below this (R's `eps`, tighter by default) */
  tolerance?: number;
  confidenceLevel?: number;
}

/** Fit a Cox model. Bad data (no events, singular information) is an InputError. */
export function fitCox(data: CoxData, options: CoxOptions = {}): CoxFit {
  const { sample, names } = data;
  const n = sample.time.length;
  const p = names.length;
  checkShape(data, n, p);
  const events = countEvents(sample);
  if (events === 0) throw new InputError("Cox model: the data have no events, so no coefficient can be estimated");
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-13;
  const order = descendingTimeOrder(sample);
  const centred = centreCovariates(data.covariates, n, p);

  let beta = new Float64Array(p);
  const atZero = coxDerivatives(sample, centred, p, beta, order);
  let current = atZero;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const factor = choleskyFactor(current.information, p);
    if (!factor) throw singular(names);
    const step = choleskySolve(factor, p, current.score);
    let candidate = beta.map((b, j) => b + step[j]);
    let next = coxDerivatives(sample, centred, p, candidate, order);
    for (let halving = 0; halving < 30 && !(next.logLik >= current.logLik - 1e-12 * Math.abs(current.logLik)); halving++) {
      candidate = candidate.map((c, j) => (c + beta[j]) / 2);
      next = coxDerivatives(sample, centred, p, candidate, order);
    }
    const change = Math.abs(1 - current.logLik / next.logLik);
    beta = candidate;
    current = next;
    if (change <= tolerance) {
      converged = true;
      break;
    }
  }
  return summarise(data, beta, current, atZero, { iterations, converged, events, confidenceLevel: options.confidenceLevel ?? 0.95 });
}

function summarise(
  data: CoxData, beta: Float64Array, final: ReturnType<typeof coxDerivatives>, atZero: ReturnType<typeof coxDerivatives>,
  info: { iterations: number; converged: boolean; events: number; confidenceLevel: number },
): CoxFit {
  const p = data.names.length;
  const factor = choleskyFactor(final.information, p);
  if (!factor) throw singular(data.names);
  const variance = choleskyInverse(factor, p);
  const z = normalQuantile(1 - (1 - info.confidenceLevel) / 2);
  const standardErrors = Array.from({ length: p }, (_, j) => Math.sqrt(variance[j * p + j]));
  const coefficients = Array.from(beta);
  const zeroFactor = choleskyFactor(atZero.information, p);
  const scoreStatistic = zeroFactor ? quadraticForm(choleskyInverse(zeroFactor, p), p, atZero.score) : Number.NaN;
  const waldStatistic = quadraticForm(final.information, p, beta);
  const lrStatistic = 2 * (final.logLik - atZero.logLik);
  const warnings: string[] = [];
  if (!info.converged) warnings.push(`Newton–Raphson did not converge in ${info.iterations} iterations`);
  // R's check: the next Newton step var·U is still large relative to β̂ when β̂ drifts to ±∞
  const nextStep = choleskySolve(factor, p, final.score);
  coefficients.forEach((b, j) => {
    if (Math.abs(nextStep[j]) > 1e-6 && Math.abs(nextStep[j]) > 3e-5 * Math.abs(b)) {
      warnings.push(`the coefficient of ${data.names[j]} may be infinite (monotone likelihood: one group has no events or only events)`);
    }
  });
  return {
    names: [...data.names],
    coefficients,
    standardErrors,
    hazardRatios: coefficients.map(Math.exp),
    hazardRatioLower: coefficients.map((b, j) => Math.exp(b - z * standardErrors[j])),
    hazardRatioUpper: coefficients.map((b, j) => Math.exp(b + z * standardErrors[j])),
    zValues: coefficients.map((b, j) => b / standardErrors[j]),
    pValues: coefficients.map((b, j) => twoSidedNormalPValue(b / standardErrors[j])),
    variance: Array.from(variance),
    logLikNull: atZero.logLik,
    logLik: final.logLik,
    likelihoodRatioTest: chiSquareTest(lrStatistic, p),
    waldTest: chiSquareTest(waldStatistic, p),
    scoreTest: chiSquareTest(scoreStatistic, p),
    iterations: info.iterations,
    converged: info.converged,
    warnings,
    n: data.sample.time.length,
    events: info.events,
  };
}

function chiSquareTest(statistic: number, degreesOfFreedom: number): ChiSquareTest {
  return { statistic, degreesOfFreedom, pValue: chiSquareSurvival(statistic, degreesOfFreedom) };
}

function checkShape(data: CoxData, n: number, p: number): void {
  if (p === 0) throw new InputError("Cox model: at least one covariate is needed");
  if (data.covariates.length !== n * p) {
    throw new InputError(`Cox model: covariate matrix has ${data.covariates.length} values, expected ${n} subjects × ${p} covariates`);
  }
  for (let i = 0; i < data.covariates.length; i++) {
    if (!Number.isFinite(data.covariates[i])) {
      const subject = Math.floor(i / p);
      throw new InputError(`Cox model: covariate ${data.names[i % p]} of subject ${subject + 1} is not a finite number`);
    }
  }
}

function singular(names: readonly string[]): InputError {
  return new InputError(
    `Cox model: the information matrix is singular; a covariate among ${names.join(", ")} is constant or collinear with others`,
  );
}
