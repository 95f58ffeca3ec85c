/**
 * Test of the proportional-hazards assumption of a fitted Cox model by scaled Schoenfeld
 * residuals, as R's cox.zph() (survival ≥ 3.0): a score test of γ = 0 in β(t) = β + γ·g(t),
 * per covariate and global, plus the scaled residuals whose trend in g(t) estimates β(t).
 * (Grambsch & Therneau 1994, Biometrika 81: 515–526.)
 */
import { InputError } from "../../errors.js";
import { centreCovariates, coxDerivatives, descendingTimeOrder, emptyEventTimeTerms, type CoxData } from "./cox-likelihood.js";
import type { CoxFit } from "./cox.js";
import { kaplanMeier } from "./kaplan-meier.js";
import { choleskyFactor, choleskySolve, subMatrix } from "./matrix.js";
import { chiSquareSurvival } from "./special.js";

export type TimeTransform = "km" | "identity" | "rank" | "log";

export interface ProportionalHazardsRow {
  name: string;
  chiSquare: number;
  degreesOfFreedom: number;
  pValue: number;
}

export interface ProportionalHazardsTest {
  transform: TimeTransform;
  /** one row per covariate, then "GLOBAL" */
  table: ProportionalHazardsRow[];
  /** transformed time g(t) of each death, ascending in time */
  transformedTime: number[];
  /** time of each death, ascending */
  deathTime: number[];
  /** scaled Schoenfeld residuals + β̂: deaths × p, row-major; plotted against g(t) they trace β(t) */
  scaledResiduals: number[];
}

/** Proportional-hazards test for a Cox fit on the same data. */
export function coxZph(data: CoxData, fit: CoxFit, transform: TimeTransform = "km"): ProportionalHazardsTest {
  const { sample } = data;
  const n = sample.time.length;
  const p = data.names.length;
  const transformed = transformTimes(data, transform);
  let eventMean = 0;
  let deaths = 0;
  for (let i = 0; i < n; i++) {
    if (sample.event[i] === 1) {
      eventMean += transformed[i];
      deaths++;
    }
  }
  eventMean /= deaths;
  const centredTime = transformed.map((g) => g - eventMean);

  const order = descendingTimeOrder(sample);
  const terms = emptyEventTimeTerms();
  coxDerivatives(sample, centreCovariates(data.covariates, n, p), p, fit.coefficients, order, terms);
  const size = 2 * p;
  const information = new Float64Array(size * size);
  const timeScore = new Float64Array(p);
  terms.time.forEach((_, t) => {
    const subject = terms.deathSubject[terms.deathTimeIndex.indexOf(t)];
    const g = centredTime[subject];
    for (let j = 0; j < p; j++) {
      timeScore[j] += g * terms.score[t][j];
      for (let k = 0; k < p; k++) {
        const v = terms.information[t][j * p + k];
        information[j * size + k] += v;
        information[j * size + p + k] += g * v;
        information[(p + j) * size + k] += g * v;
        information[(p + j) * size + p + k] += g * g * v;
      }
    }
  });
  const table: ProportionalHazardsRow[] = data.names.map((name, j) => {
    const indices = [...Array.from({ length: p }, (_, k) => k), p + j];
    const score = new Float64Array(p + 1);
    score[p] = timeScore[j];
    return { name, ...scoreTest(subMatrix(information, size, indices), score, 1) };
  });
  const globalScore = new Float64Array(size);
  globalScore.set(timeScore, p);
  table.push({ name: "GLOBAL", ...scoreTest(information, globalScore, p) });
  return { transform, table, ...scaledResiduals(terms, information, size, p, fit, transformed, sample.time) };
}

function scoreTest(information: Float64Array, score: Float64Array, degreesOfFreedom: number) {
  const size = score.length;
  const factor = choleskyFactor(information, size);
  if (!factor) throw new InputError("proportional-hazards test: the augmented information matrix is singular");
  const solved = choleskySolve(factor, size, score);
  let chiSquare = 0;
  for (let i = 0; i < size; i++) chiSquare += solved[i] * score[i];
  return { chiSquare, degreesOfFreedom, pValue: chiSquareSurvival(chiSquare, degreesOfFreedom) };
}

/** Schoenfeld residuals scaled by the average information per death, plus β̂ (R's cox.zph()$y). */
function scaledResiduals(
  terms: ReturnType<typeof emptyEventTimeTerms>, information: Float64Array, size: number, p: number,
  fit: CoxFit, transformed: number[], time: Float64Array,
) {
  const deaths = terms.deathSubject.length;
  const averageInformation = new Float64Array(p * p);
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) averageInformation[j * p + k] = information[j * size + k] / deaths;
  const factor = choleskyFactor(averageInformation, p);
  if (!factor) throw new InputError("proportional-hazards test: the information matrix is singular");
  const byTime = Array.from({ length: deaths }, (_, i) => i).sort(
    (a, b) => time[terms.deathSubject[a]] - time[terms.deathSubject[b]] || terms.deathSubject[a] - terms.deathSubject[b],
  );
  const scaled: number[] = [];
  for (const d of byTime) {
    const solved = choleskySolve(factor, p, terms.schoenfeld[d]);
    for (let j = 0; j < p; j++) scaled.push(solved[j] + fit.coefficients[j]);
  }
  return {
    transformedTime: byTime.map((d) => transformed[terms.deathSubject[d]]),
    deathTime: byTime.map((d) => time[terms.deathSubject[d]]),
    scaledResiduals: scaled,
  };
}

/** g(t) for every subject: "km" is 1 − Ŝ(t−), the left-continuous Kaplan–Meier of all subjects. */
function transformTimes(data: CoxData, transform: TimeTransform): number[] {
  const time = Array.from(data.sample.time);
  switch (transform) {
    case "identity":
      return time;
    case "log":
      if (time.some((t) => t <= 0)) throw new InputError("proportional-hazards test: the log transform needs positive times");
      return time.map(Math.log);
    case "rank":
      return averageRanks(time);
    case "km": {
      const curve = kaplanMeier(data.sample);
      return time.map((t) => {
        let before = 1;
        for (let i = 0; i < curve.time.length && curve.time[i] < t; i++) before = curve.survival[i];
        return 1 - before;
      });
    }
  }
}

function averageRanks(values: number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    start = end;
  }
  return ranks;
}
