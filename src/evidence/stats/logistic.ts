/**
 * Logistic regression for a binary outcome by iteratively reweighted least squares, as R's
 * glm(family = binomial): coefficients, standard errors, Wald z tests, deviances and AIC.
 */
import { InputError } from "../../errors.js";
import { choleskyFactor, choleskyInverse, choleskySolve } from "./matrix.js";
import { twoSidedNormalPValue } from "./special.js";

export interface LogisticData {
  /** n × p row-major design matrix (include a column of ones for an intercept) */
  design: Float64Array;
  names: readonly string[];
  /** 0/1 outcome per row */
  outcome: ArrayLike<number>;
}

export interface LogisticFit {
  names: string[];
  coefficients: number[];
  standardErrors: number[];
  zValues: number[];
  pValues: number[];
  variance: number[];
  deviance: number;
  /** deviance of the intercept-only model (of the empty model if the design has no intercept column) */
  nullDeviance: number;
  aic: number;
  iterations: number;
  converged: boolean;
  warnings: string[];
}

const logistic = (eta: number): number => 1 / (1 + Math.exp(-eta));

/** Fit by IRLS from β = 0; stops when the relative change in deviance is below `tolerance`. */
export function fitLogistic(data: LogisticData, options: { maxIterations?: number; tolerance?: number } = {}): LogisticFit {
  const p = data.names.length;
  const n = data.outcome.length;
  checkLogisticInput(data, n, p);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-14;
  let beta = new Float64Array(p);
  let deviance = devianceAt(data, beta, n, p);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const { information: fisher, score } = fisherScoring(data, beta, n, p);
    const factor = choleskyFactor(fisher, p);
    if (!factor) throw new InputError(`logistic regression: the design is singular; a column among ${data.names.join(", ")} is constant or collinear`);
    const step = choleskySolve(factor, p, score);
    const candidate = beta.map((b, j) => b + step[j]);
    const nextDeviance = devianceAt(data, candidate, n, p);
    // converged when both the deviance and the coefficients have stopped moving (the deviance
    // alone is flat at the optimum, so a small change there still leaves β off by ~√tolerance)
    const change = Math.abs(nextDeviance - deviance) / (Math.abs(nextDeviance) + 0.1);
    const stepSmall = step.every((s, j) => Math.abs(s) <= 1e-10 * (1 + Math.abs(candidate[j])));
    beta = candidate;
    deviance = nextDeviance;
    if (change < tolerance && stepSmall) {
      converged = true;
      break;
    }
  }
  const information = fisherScoring(data, beta, n, p).information;
  const factor = choleskyFactor(information, p);
  if (!factor) throw new InputError("logistic regression: the information matrix is singular at the estimate (perfect separation?)");
  const variance = choleskyInverse(factor, p);
  const standardErrors = Array.from({ length: p }, (_, j) => Math.sqrt(variance[j * p + j]));
  const coefficients = Array.from(beta);
  const warnings: string[] = [];
  if (!converged) warnings.push(`IRLS did not converge in ${iterations} iterations`);
  if (fittedExtremes(data, beta, n, p)) warnings.push("fitted probabilities numerically 0 or 1 occurred (separation)");
  return {
    names: [...data.names], coefficients, standardErrors,
    zValues: coefficients.map((b, j) => b / standardErrors[j]),
    pValues: coefficients.map((b, j) => twoSidedNormalPValue(b / standardErrors[j])),
    variance: Array.from(variance), deviance, nullDeviance: nullDeviance(data, n, p), aic: deviance + 2 * p,
    iterations, converged, warnings,
  };
}

function fisherScoring(data: LogisticData, beta: Float64Array, n: number, p: number) {
  const information = new Float64Array(p * p);
  const score = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    let eta = 0;
    for (let j = 0; j < p; j++) eta += data.design[row + j] * beta[j];
    const mu = logistic(eta);
    const weight = mu * (1 - mu);
    const residual = data.outcome[i] - mu;
    for (let j = 0; j < p; j++) {
      score[j] += data.design[row + j] * residual;
      for (let k = 0; k < p; k++) information[j * p + k] += weight * data.design[row + j] * data.design[row + k];
    }
  }
  return { information, score };
}

/** −2 log-likelihood (the saturated model of 0/1 data has likelihood 1). */
function devianceAt(data: LogisticData, beta: ArrayLike<number>, n: number, p: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += data.design[i * p + j] * beta[j];
    // log(1 + e^−|η|) form keeps precision for large |η|
    const logOnePlus = Math.log1p(Math.exp(-Math.abs(eta)));
    const logMu = eta >= 0 ? -logOnePlus : eta - logOnePlus;
    const logOneMinusMu = eta >= 0 ? -eta - logOnePlus : -logOnePlus;
    total += data.outcome[i] === 1 ? logMu : logOneMinusMu;
  }
  return -2 * total;
}

function nullDeviance(data: LogisticData, n: number, p: number): number {
  const hasIntercept = Array.from({ length: p }, (_, j) => j).some((j) => {
    for (let i = 0; i < n; i++) if (data.design[i * p + j] !== 1) return false;
    return true;
  });
  let mean = 0.5;
  if (hasIntercept) {
    mean = 0;
    for (let i = 0; i < n; i++) mean += data.outcome[i] / n;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += data.outcome[i] === 1 ? Math.log(mean) : Math.log(1 - mean);
  return mean === 0 || mean === 1 ? 0 : -2 * total;
}

function fittedExtremes(data: LogisticData, beta: Float64Array, n: number, p: number): boolean {
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += data.design[i * p + j] * beta[j];
    if (Math.abs(eta) > 30) return true;
  }
  return false;
}

function checkLogisticInput(data: LogisticData, n: number, p: number): void {
  if (p === 0) throw new InputError("logistic regression: the design has no columns");
  if (data.design.length !== n * p) {
    throw new InputError(`logistic regression: design has ${data.design.length} values, expected ${n} rows × ${p} columns`);
  }
  for (let i = 0; i < n; i++) {
    if (data.outcome[i] !== 0 && data.outcome[i] !== 1) {
      throw new InputError(`logistic regression: outcome of row ${i + 1} must be 0 or 1, got ${String(data.outcome[i])}`);
    }
  }
  for (let i = 0; i < data.design.length; i++) {
    if (!Number.isFinite(data.design[i])) {
      throw new InputError(`logistic regression: ${data.names[i % p]} of row ${Math.floor(i / p) + 1} is not a finite number`);
    }
  }
}
