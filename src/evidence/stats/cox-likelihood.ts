/**
 * The Cox partial likelihood with Efron's approximation for tied event times: its value,
 * score vector and information matrix at given coefficients, optionally broken down by
 * event time (the building blocks of Schoenfeld residuals and the proportional-hazards test).
 */
import type { SurvivalSample } from "./survival-data.js";

/** Survival data with covariates: `covariates` is n × p row-major. */
export interface CoxData {
  readonly sample: SurvivalSample;
  readonly covariates: Float64Array;
  readonly names: readonly string[];
}

export interface CoxDerivatives {
  logLik: number;
  score: Float64Array;
  /** observed information (minus the Hessian), p × p row-major */
  information: Float64Array;
}

/** Per distinct event time: its score and information contributions, and each death's Schoenfeld residual. */
export interface CoxEventTimeTerms {
  time: number[];
  score: Float64Array[];
  information: Float64Array[];
  /** one entry per death, in time order: the death's subject index and residual xᵢ − x̄(tᵢ) */
  deathSubject: number[];
  deathTimeIndex: number[];
  schoenfeld: Float64Array[];
}

/** Subjects ordered by descending time, so risk sets grow as we walk. */
export function descendingTimeOrder(sample: SurvivalSample): Uint32Array {
  const order = Uint32Array.from({ length: sample.time.length }, (_, i) => i);
  order.sort((a, b) => sample.time[b] - sample.time[a]);
  return order;
}

/** Column-centred copy of the covariates (the likelihood is invariant; exp() stays in range). */
export function centreCovariates(covariates: Float64Array, n: number, p: number): Float64Array {
  const centred = new Float64Array(covariates);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += covariates[i * p + j];
    mean /= n;
    for (let i = 0; i < n; i++) centred[i * p + j] -= mean;
  }
  return centred;
}

/**
 * log L(β), U(β) and I(β) with Efron ties. For d deaths at t with risk-set sums S₀, S₁, S₂ and
 * death sums D₀, D₁, D₂, for r = 0…d−1: denominator S₀ − (r/d)D₀, mean x̄ᵣ = (S₁ − (r/d)D₁)/denominator.
 * (Efron 1977; Therneau & Grambsch 2000, §3.3.)
 */
export function coxDerivatives(
  sample: SurvivalSample,
  centred: Float64Array,
  p: number,
  beta: ArrayLike<number>,
  order: Uint32Array,
  terms?: CoxEventTimeTerms,
): CoxDerivatives {
  const n = order.length;
  const riskSum = new Float64Array(1 + p + p * p);
  const deathSum = new Float64Array(1 + p + p * p);
  const xbar = new Float64Array(p);
  const score = new Float64Array(p);
  const information = new Float64Array(p * p);
  const timeScore = new Float64Array(p);
  const timeInformation = new Float64Array(p * p);
  const meanXbar = new Float64Array(p);
  let logLik = 0;
  for (let start = 0; start < n; ) {
    const t = sample.time[order[start]];
    deathSum.fill(0);
    let deaths = 0;
    let end = start;
    for (; end < n && sample.time[order[end]] === t; end++) {
      const subject = order[end];
      const row = subject * p;
      let eta = 0;
      for (let j = 0; j < p; j++) eta += centred[row + j] * beta[j];
      const risk = Math.exp(eta);
      addMoments(riskSum, centred, row, p, risk);
      if (sample.event[subject] === 1) {
        addMoments(deathSum, centred, row, p, risk);
        deaths++;
        logLik += eta;
        for (let j = 0; j < p; j++) score[j] += centred[row + j];
      }
    }
    if (deaths > 0) {
      timeScore.fill(0);
      timeInformation.fill(0);
      meanXbar.fill(0);
      for (let r = 0; r < deaths; r++) {
        const fraction = r / deaths;
        const denominator = riskSum[0] - fraction * deathSum[0];
        logLik -= Math.log(denominator);
        for (let j = 0; j < p; j++) {
          xbar[j] = (riskSum[1 + j] - fraction * deathSum[1 + j]) / denominator;
          meanXbar[j] += xbar[j] / deaths;
          timeScore[j] -= xbar[j];
        }
        for (let j = 0; j < p; j++) {
          for (let k = 0; k < p; k++) {
            const second = (riskSum[1 + p + j * p + k] - fraction * deathSum[1 + p + j * p + k]) / denominator;
            timeInformation[j * p + k] += second - xbar[j] * xbar[k];
          }
        }
      }
      for (let j = 0; j < p; j++) score[j] += timeScore[j];
      for (let jk = 0; jk < p * p; jk++) information[jk] += timeInformation[jk];
      if (terms) recordEventTime(terms, sample, centred, p, order, start, end, t, timeScore, timeInformation, meanXbar);
    }
    start = end;
  }
  return { logLik, score, information };
}

/** Add w·(1, x, x xᵀ) of one subject to a moment accumulator. */
function addMoments(moments: Float64Array, x: Float64Array, row: number, p: number, weight: number): void {
  moments[0] += weight;
  for (let j = 0; j < p; j++) {
    const wx = weight * x[row + j];
    moments[1 + j] += wx;
    for (let k = 0; k < p; k++) moments[1 + p + j * p + k] += wx * x[row + k];
  }
}

function recordEventTime(
  terms: CoxEventTimeTerms, sample: SurvivalSample, centred: Float64Array, p: number, order: Uint32Array,
  start: number, end: number, t: number, timeScore: Float64Array, timeInformation: Float64Array, meanXbar: Float64Array,
): void {
  const timeIndex = terms.time.length;
  terms.time.push(t);
  const scoreHere = new Float64Array(timeScore);
  for (let i = start; i < end; i++) {
    const subject = order[i];
    if (sample.event[subject] !== 1) continue;
    const residual = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      residual[j] = centred[subject * p + j] - meanXbar[j];
      scoreHere[j] += centred[subject * p + j];
    }
    terms.deathSubject.push(subject);
    terms.deathTimeIndex.push(timeIndex);
    terms.schoenfeld.push(residual);
  }
  terms.score.push(scoreHere);
  terms.information.push(new Float64Array(timeInformation));
}

/** Empty per-event-time accumulator for coxDerivatives. */
export function emptyEventTimeTerms(): CoxEventTimeTerms {
  return { time: [], score: [], information: [], deathSubject: [], deathTimeIndex: [], schoenfeld: [] };
}
