/**
 * Maximum-likelihood fit of duration dependence to survival data (docs/EVIDENCE.md §7.2): the
 * hazard of renewed war h(t) = h0·g(t), g(t) = ψ + (1 − ψ)e^{−t/T_D} (docs/MODEL.md §7.8), with a
 * closed-form log-likelihood. Gives the priors of peace_hazard_floor ψ and peace_hazard_decay_months T_D.
 */
import { InputError } from "../../errors.js";
import type { HistoricalCase } from "../cases/historical-cases.js";
import { integratedPeaceHazardFactor, peaceHazardFactor } from "../../models/duration.js";
import { invert, nelderMead, numericalHessian } from "./nelder-mead.js";

/** Right-censored spells in years; `group` gives each spell set its own base hazard h0 (shape shared). */
export interface Spells {
  years: Float64Array;
  event: Uint8Array;
  group: Uint8Array;
  groups: number;
}

export interface DurationFit {
  /** h0 per group, per year */
  baseHazardPerYear: number[];
  floor: number;
  decayMonths: number;
  /** standard errors on the fitted scale: logit ψ and ln T_D (observed information) */
  logitFloorStdErr: number;
  logDecayStdErr: number;
  /** correlation of logit ψ and ln T_D */
  correlation: number;
  logLikelihood: number;
  /** log-likelihood of the constant hazard (ψ = 1) with the same groups, and the likelihood-ratio statistic */
  exponentialLogLikelihood: number;
  likelihoodRatio: number;
  n: number;
  events: number;
  /** the fit touched the search box (ψ ∈ [1e-4, 1 − 1e-4], T_D ∈ [0.1, 2000] months): standard errors are unreliable */
  atBoundary: boolean;
}

/** The spells of sets of cases, one group (its own base hazard) per set. */
export function spellsOf(sets: readonly (readonly HistoricalCase[])[]): Spells {
  const all = sets.flatMap((cases, group) => cases.map((c) => ({ c, group })));
  return {
    years: Float64Array.from(all, ({ c }) => c.yearsAtRisk),
    event: Uint8Array.from(all, ({ c }) => c.event),
    group: Uint8Array.from(all, ({ group }) => group),
    groups: sets.length,
  };
}

/**
 * 95% intervals of ψ and T_D (months) from the fit's standard errors on its own scales (logit ψ,
 * ln T_D), mapped back; null where the likelihood peaks at an edge of the search box, where the
 * normal approximation means nothing.
 */
export function durationIntervals(fit: DurationFit): { floor: [number, number]; decayMonths: [number, number] } | null {
  if (fit.atBoundary) return null;
  const logit = Math.log(fit.floor / (1 - fit.floor));
  const back = (z: number) => 1 / (1 + Math.exp(-z));
  const z = 1.96;
  return {
    floor: [back(logit - z * fit.logitFloorStdErr), back(logit + z * fit.logitFloorStdErr)],
    decayMonths: [fit.decayMonths * Math.exp(-z * fit.logDecayStdErr), fit.decayMonths * Math.exp(z * fit.logDecayStdErr)],
  };
}

const LOGIT_LIMIT = Math.log(1e4 - 1);
const LOG_DECAY_RANGE: [number, number] = [Math.log(0.1 / 12), Math.log(2000 / 12)];

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const clamp = (x: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, x));

/**
 * Full log-likelihood ℓ(h0, ψ, T_D) = Σ dᵢ ln(h0_gᵢ g(tᵢ)) − h0_gᵢ G(tᵢ), G(t) = ∫₀ᵗ g (years; T_D in years).
 */
export function durationLogLikelihood(spells: Spells, baseHazardPerYear: number[], floor: number, decayYears: number): number {
  let sum = 0;
  for (let i = 0; i < spells.years.length; i++) {
    const t = spells.years[i];
    const h0 = baseHazardPerYear[spells.group[i]];
    if (spells.event[i] === 1) sum += Math.log(h0 * peaceHazardFactor(t, floor, decayYears));
    sum -= h0 * integratedPeaceHazardFactor(t, floor, decayYears);
  }
  return sum;
}

/** ĥ0_g = D_g / Σ_{i∈g} G(tᵢ): the base hazards that maximise ℓ for a given shape. */
export function profileBaseHazards(spells: Spells, floor: number, decayYears: number): number[] {
  const events = new Array<number>(spells.groups).fill(0);
  const exposure = new Array<number>(spells.groups).fill(0);
  for (let i = 0; i < spells.years.length; i++) {
    events[spells.group[i]] += spells.event[i];
    exposure[spells.group[i]] += integratedPeaceHazardFactor(spells.years[i], floor, decayYears);
  }
  return events.map((d, g) => d / exposure[g]);
}

/** The constant-hazard MLE per group: events / exposure (ψ = 1). */
export function exponentialRates(spells: Spells): number[] {
  return profileBaseHazards(spells, 1, Infinity);
}

export function fitDurationDependence(spells: Spells): DurationFit {
  checkSpells(spells);
  const profile = ([z, logTau]: number[]) => {
    const floor = logistic(clamp(z, [-LOGIT_LIMIT, LOGIT_LIMIT]));
    const tau = Math.exp(clamp(logTau, LOG_DECAY_RANGE));
    return -durationLogLikelihood(spells, profileBaseHazards(spells, floor, tau), floor, tau);
  };
  // a few starts over the shapes the data could favour; keep the best
  const starts = [[-1, 0], [0, 1], [-2, 2], [1, -1]];
  const best = starts.map((s) => nelderMead(profile, s)).reduce((a, b) => (b.value < a.value ? b : a));
  const z = clamp(best.x[0], [-LOGIT_LIMIT, LOGIT_LIMIT]);
  const logTau = clamp(best.x[1], LOG_DECAY_RANGE);
  const floor = logistic(z);
  const tau = Math.exp(logTau);
  const h0 = profileBaseHazards(spells, floor, tau);
  // observed information on (ln h0_g…, logit ψ, ln T_D)
  const negative = (x: number[]) =>
    -durationLogLikelihood(spells, x.slice(0, spells.groups).map(Math.exp), logistic(x[spells.groups]), Math.exp(x[spells.groups + 1]));
  const theta = [...h0.map(Math.log), z, logTau];
  const covariance = invert(numericalHessian(negative, theta, 1e-3));
  const k = spells.groups;
  const seZ = covariance ? Math.sqrt(covariance[k][k]) : NaN;
  const seTau = covariance ? Math.sqrt(covariance[k + 1][k + 1]) : NaN;
  const exponential = durationLogLikelihood(spells, exponentialRates(spells), 1, Infinity);
  const atBoundary = Math.abs(z) > LOGIT_LIMIT - 1e-6 || logTau <= LOG_DECAY_RANGE[0] + 1e-6 || logTau >= LOG_DECAY_RANGE[1] - 1e-6;
  return {
    baseHazardPerYear: h0,
    floor,
    decayMonths: 12 * tau,
    logitFloorStdErr: seZ,
    logDecayStdErr: seTau,
    correlation: covariance ? covariance[k][k + 1] / (seZ * seTau) : NaN,
    logLikelihood: -best.value,
    exponentialLogLikelihood: exponential,
    likelihoodRatio: 2 * (-best.value - exponential),
    n: spells.years.length,
    events: spells.event.reduce((s, e) => s + e, 0),
    atBoundary,
  };
}

function checkSpells(spells: Spells): void {
  for (let g = 0; g < spells.groups; g++) {
    let events = 0;
    for (let i = 0; i < spells.years.length; i++) if (spells.group[i] === g) events += spells.event[i];
    if (events === 0) throw new InputError(`duration fit: group ${g} has no events; its base hazard cannot be estimated`);
  }
}

/**
 * Mean and sd of ψ = logistic(Z), Z ~ N(z, s²) (the normal approximation on the fitted scale),
 * by the trapezoid rule on ±8 s: deterministic to ~1e-9.
 */
export function logitNormalMoments(z: number, s: number): { mean: number; sd: number } {
  const points = 4001;
  let m1 = 0;
  let m2 = 0;
  let mass = 0;
  for (let k = 0; k < points; k++) {
    const u = -8 + (16 * k) / (points - 1);
    const w = (k === 0 || k === points - 1 ? 0.5 : 1) * Math.exp(-0.5 * u * u);
    const p = logistic(z + s * u);
    mass += w;
    m1 += w * p;
    m2 += w * p * p;
  }
  const mean = m1 / mass;
  return { mean, sd: Math.sqrt(Math.max(0, m2 / mass - mean * mean)) };
}

/** Mean and sd of e^X, X ~ N(m, s²). */
export function lognormalMoments(logMedian: number, s: number): { mean: number; sd: number } {
  const mean = Math.exp(logMedian + (s * s) / 2);
  return { mean, sd: mean * Math.sqrt(Math.expm1(s * s)) };
}
