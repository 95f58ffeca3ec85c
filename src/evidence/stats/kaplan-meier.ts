/**
 * Kaplan–Meier estimate of a survival curve with Greenwood standard errors and pointwise
 * confidence intervals, following R's survfit() conventions (one row per distinct time, the
 * standard error reported on the cumulative-hazard scale, "log" intervals by default).
 */
import { InputError } from "../../errors.js";
import { normalQuantile } from "./special.js";
import { orderByTime, type SurvivalSample } from "./survival-data.js";

export type ConfidenceTransform = "log" | "log-log" | "plain";

export interface KaplanMeierOptions {
  /** coverage of the pointwise intervals, default 0.95 */
  confidenceLevel?: number;
  /** scale on which the interval is symmetric, default "log" (R's default) */
  transform?: ConfidenceTransform;
}

export interface KaplanMeierCurve {
  /** distinct observed times, ascending */
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  /** Ŝ(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ) */
  survival: number[];
  /** Greenwood: sqrt(Σ dᵢ / (nᵢ(nᵢ − dᵢ))), the standard error of −log Ŝ (R's `std.err`) */
  stdErrLogSurvival: number[];
  /** Ŝ(t) · stdErrLogSurvival: the standard error of Ŝ itself (R's `summary()$std.err`) */
  stdErrSurvival: number[];
  lower: number[];
  upper: number[];
  confidenceLevel: number;
  transform: ConfidenceTransform;
  n: number;
  events: number;
}

/** The Kaplan–Meier curve of one sample. */
export function kaplanMeier(sample: SurvivalSample, options: KaplanMeierOptions = {}): KaplanMeierCurve {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  const transform = options.transform ?? "log";
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new InputError(`confidence level must be strictly between 0 and 1, got ${confidenceLevel}`);
  }
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const order = orderByTime(sample);
  const curve: KaplanMeierCurve = {
    time: [], nRisk: [], nEvent: [], nCensor: [], survival: [], stdErrLogSurvival: [], stdErrSurvival: [],
    lower: [], upper: [], confidenceLevel, transform, n: order.length, events: 0,
  };
  let atRisk = order.length;
  let survival = 1;
  let greenwoodSum = 0;
  for (let start = 0; start < order.length; ) {
    const t = sample.time[order[start]];
    let events = 0;
    let end = start;
    while (end < order.length && sample.time[order[end]] === t) events += sample.event[order[end++]];
    const censored = end - start - events;
    survival *= 1 - events / atRisk;
    greenwoodSum += events === 0 ? 0 : events / (atRisk * (atRisk - events));
    const stdErr = Math.sqrt(greenwoodSum);
    const [lower, upper] = confidenceInterval(survival, stdErr, z, transform);
    curve.time.push(t);
    curve.nRisk.push(atRisk);
    curve.nEvent.push(events);
    curve.nCensor.push(censored);
    curve.survival.push(survival);
    curve.stdErrLogSurvival.push(stdErr);
    curve.stdErrSurvival.push(survival * stdErr);
    curve.lower.push(lower);
    curve.upper.push(upper);
    curve.events += events;
    atRisk -= end - start;
    start = end;
  }
  return curve;
}

/** Pointwise interval for Ŝ given the standard error of log Ŝ (R survfit's conf.type). */
function confidenceInterval(survival: number, stdErr: number, z: number, transform: ConfidenceTransform): [number, number] {
  if (survival === 0 || !Number.isFinite(stdErr)) return [Number.NaN, Number.NaN];
  if (transform === "plain") {
    const half = z * stdErr * survival;
    return [Math.max(0, survival - half), Math.min(1, survival + half)];
  }
  if (transform === "log") {
    return [Math.exp(Math.log(survival) - z * stdErr), Math.min(1, Math.exp(Math.log(survival) + z * stdErr))];
  }
  if (survival === 1) return [Number.NaN, Number.NaN];
  const logMinusLog = Math.log(-Math.log(survival));
  const spread = (z * stdErr) / Math.log(survival);
  return [Math.exp(-Math.exp(logMinusLog - spread)), Math.exp(-Math.exp(logMinusLog + spread))];
}

/** Ŝ(t): the curve is right-continuous, 1 before the first time. */
export function survivalAt(curve: KaplanMeierCurve, t: number): number {
  let value = 1;
  for (let i = 0; i < curve.time.length && curve.time[i] <= t; i++) value = curve.survival[i];
  return value;
}

/**
 * Median survival time as R defines it: the first time Ŝ ≤ 0.5; if Ŝ equals 0.5 exactly over
 * an interval, the midpoint of that interval. Undefined (NaN) if Ŝ never reaches 0.5.
 */
export function medianSurvival(curve: KaplanMeierCurve): number {
  const tolerance = 1e-9;
  for (let i = 0; i < curve.time.length; i++) {
    if (Math.abs(curve.survival[i] - 0.5) < tolerance) {
      for (let j = i + 1; j < curve.time.length; j++) {
        if (curve.survival[j] < curve.survival[i] - tolerance) return (curve.time[i] + curve.time[j]) / 2;
      }
      return Number.NaN;
    }
    if (curve.survival[i] < 0.5) return curve.time[i];
  }
  return Number.NaN;
}
