/**
 * Out-of-sample backtest of predictors on historical cases: each predictor forecasts P(war resumes
 * within k years) for cases it was not trained on (leave-one-out or a time split), and the
 * forecasts are scored against what happened with the Brier score, its decomposition and
 * reliability bins, and compared with the base rate case by case.
 */
import type { HorizonResult, PredictorScore, ValidationScheme } from "../../contract/evidence.js";
import { InputError } from "../../errors.js";
import type { HistoricalCase } from "../cases/historical-cases.js";
import { brierScore } from "../stats/brier.js";
import { outcomeWithin, type Predictor } from "./predictor.js";
import { skillScore, type Skill } from "./skill.js";

export type { HorizonResult, PredictorScore, ValidationScheme };

export interface BacktestOptions {
  cases: readonly HistoricalCase[];
  predictors: readonly Predictor[];
  horizons: readonly number[];
  scheme: ValidationScheme;
  /** reliability-diagram bins (default 10) */
  bins?: number;
  /** called after each left-out case of a predictor that learns from its training cases (leave-one-out only) */
  onProgress?: (predictor: string, done: number, total: number) => void;
}

export interface BacktestReport {
  scheme: ValidationScheme;
  trainingCases: number | "n − 1 each";
  testCases: number;
  predictors: { id: string; label: string }[];
  horizons: HorizonResult[];
  /** forecasts[p][i][h] of predictor p for test case i (same order as testIds) */
  forecasts: number[][][];
  testIds: string[];
  /** skill scores 1 − BS/BS_ref of every predictor against each reference (the first predictor, and "cox" if present), per horizon */
  skills: SkillEntry[];
}

export interface SkillEntry extends Skill {
  years: number;
  predictor: string;
  reference: string;
}

/** Run the backtest. The first predictor is the reference for the paired differences (normally the base rate). */
export async function runBacktest(options: BacktestOptions): Promise<BacktestReport> {
  const { cases, predictors, horizons, scheme } = options;
  if (predictors.length === 0) throw new InputError("backtest: no predictors to score");
  if (horizons.length === 0 || horizons.some((k) => !(k > 0))) throw new InputError("backtest: horizons must be positive numbers of years");
  const { training, test } = splitCases(cases, scheme);
  const forecasts: number[][][] = [];
  for (const predictor of predictors) forecasts.push(await forecastsOf(predictor, cases, training, test, horizons, scheme, options.onProgress));
  const horizonResults = horizons.map((years, h) => scoreHorizon(years, h, test, predictors, forecasts, options.bins ?? 10));
  return {
    scheme,
    trainingCases: scheme.kind === "leave-one-out" ? "n − 1 each" : training.length,
    testCases: test.length,
    predictors: predictors.map((p) => ({ id: p.id, label: p.label })),
    horizons: horizonResults,
    forecasts,
    testIds: test.map((c) => c.id),
    skills: horizons.flatMap((years, h) => skillsAt(years, h, test, predictors, forecasts)),
  };
}

function splitCases(cases: readonly HistoricalCase[], scheme: ValidationScheme) {
  if (scheme.kind === "leave-one-out") return { training: cases, test: cases };
  const training = cases.filter((c) => c.year < scheme.splitYear);
  const test = cases.filter((c) => c.year >= scheme.splitYear);
  if (training.length < 10 || test.length === 0) {
    throw new InputError(`backtest: a split at ${scheme.splitYear} leaves ${training.length} training and ${test.length} test cases; pick a year with at least 10 and 1`);
  }
  return { training, test };
}

async function forecastsOf(
  predictor: Predictor, all: readonly HistoricalCase[], training: readonly HistoricalCase[], test: readonly HistoricalCase[],
  horizons: readonly number[], scheme: ValidationScheme, onProgress?: BacktestOptions["onProgress"],
): Promise<number[][]> {
  if (predictor.trainingFree || scheme.kind === "time-split") {
    return checked(predictor, await predictor.predict(training, test, horizons), test.length, horizons.length);
  }
  const out: number[][] = [];
  for (let i = 0; i < all.length; i++) {
    const rest = all.filter((_, j) => j !== i);
    out.push(checked(predictor, await predictor.predict(rest, [all[i]], horizons), 1, horizons.length)[0]);
    onProgress?.(predictor.id, i + 1, all.length);
  }
  return out;
}

function checked(predictor: Predictor, values: number[][], rows: number, columns: number): number[][] {
  if (values.length !== rows || values.some((r) => r.length !== columns || r.some((v) => !(v >= 0 && v <= 1)))) {
    throw new InputError(`backtest: predictor ${predictor.id} returned forecasts that are not ${rows} × ${columns} probabilities`);
  }
  return values;
}

function scoreHorizon(
  years: number, h: number, test: readonly HistoricalCase[], predictors: readonly Predictor[], forecasts: number[][][], bins: number,
): HorizonResult {
  const known = test.map((c, i) => ({ i, outcome: outcomeWithin(c, years) })).filter((x) => x.outcome !== null);
  const outcomes = known.map((x) => x.outcome as number);
  if (known.length === 0) throw new InputError(`backtest: no test case has a known outcome at ${years} years`);
  const squaredErrors = forecasts.map((f) => known.map((x, j) => (f[x.i][h] - outcomes[j]) ** 2));
  const scores = predictors.map((p, k) => ({
    predictor: p.id,
    score: brierScore(known.map((x) => forecasts[k][x.i][h]), outcomes, bins),
    differenceVsReference: pairedDifference(squaredErrors[k], squaredErrors[0]),
  }));
  return { years, n: known.length, censoredBefore: test.length - known.length, events: outcomes.reduce((s, o) => s + o, 0), scores };
}

/** Skill of each predictor against the references, over the cases with a known outcome at this horizon. */
function skillsAt(years: number, h: number, test: readonly HistoricalCase[], predictors: readonly Predictor[], forecasts: number[][][]): SkillEntry[] {
  const known = test.map((c, i) => ({ i, outcome: outcomeWithin(c, years) })).filter((x) => x.outcome !== null);
  if (known.length === 0) return [];
  const losses = forecasts.map((f) => known.map((x) => (f[x.i][h] - (x.outcome as number)) ** 2));
  const references = [0, predictors.findIndex((p) => p.id === "cox")].filter((r, k, all) => r >= 0 && all.indexOf(r) === k);
  return references.flatMap((r) =>
    predictors.flatMap((p, k) => (k === r ? [] : [{ years, predictor: p.id, reference: predictors[r].id, ...skillScore(losses[k], losses[r]) }])),
  );
}

function pairedDifference(a: number[], b: number[]) {
  const d = a.map((x, i) => x - b[i]);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const variance = d.length > 1 ? d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1) : 0;
  return { mean, stdErr: Math.sqrt(variance / d.length) };
}
