/**
 * Scoring the case library's retrodictions (docs/EVIDENCE.md §8): per perspective, the Brier and
 * log scores of every forecast against the coded outcome — per case (mean over its questions),
 * overall (mean over cases, SE over cases, so the correlated questions of one case count once),
 * per question (SE over cases) — and the reliability bins of all its forecasts.
 */
import { CASE_QUESTIONS, type CaseRun, type PerspectiveScore, type QuestionScore, type ScoreEstimate } from "../../contract/cases.js";
import { brierScore } from "../stats/brier.js";
import { logScore } from "../backtest/skill.js";

/** Reliability bins of the case scores: five of width 0.2 (few forecasts per perspective). */
export const CASE_RELIABILITY_BINS = 5;

function meanWithError(values: readonly number[]): ScoreEstimate {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, stdErr: Math.sqrt(variance / n) };
}

/** Scores of one perspective's runs (one per case). */
export function scorePerspective(perspective: { id: string; label: string }, runs: readonly CaseRun[]): PerspectiveScore {
  const mine = runs.filter((r) => r.perspective === perspective.id && r.forecasts.length > 0);
  const perCase = mine.map((r) => ({
    case: r.case,
    forecasts: r.forecasts.length,
    brier: r.forecasts.reduce((s, f) => s + (f.forecast - f.outcome) ** 2, 0) / r.forecasts.length,
    logScore: logScore(r.forecasts.map((f) => f.forecast), r.forecasts.map((f) => f.outcome)).mean,
  }));
  const all = mine.flatMap((r) => r.forecasts);
  const byQuestion: QuestionScore[] = CASE_QUESTIONS.flatMap(({ id }) => {
    const these = all.filter((f) => f.question === id);
    if (these.length === 0) return [];
    return [{
      question: id,
      n: these.length,
      events: these.filter((f) => f.outcome === 1).length,
      brier: meanWithError(these.map((f) => (f.forecast - f.outcome) ** 2)),
      logScore: meanWithError(logScore(these.map((f) => f.forecast), these.map((f) => f.outcome)).losses),
    }];
  });
  return {
    perspective: perspective.id,
    label: perspective.label,
    cases: perCase.length,
    forecasts: all.length,
    brier: meanWithError(perCase.map((c) => c.brier)),
    logScore: meanWithError(perCase.map((c) => c.logScore)),
    byQuestion,
    perCase,
    reliability: all.length > 0 ? brierScore(all.map((f) => f.forecast), all.map((f) => f.outcome), CASE_RELIABILITY_BINS).bins : [],
  };
}

/** Adds each perspective's paired difference in case Brier against the reference (cases both scored). */
export function withPairedDifferences(scores: PerspectiveScore[], reference: PerspectiveScore): PerspectiveScore[] {
  const ref = new Map(reference.perCase.map((c) => [c.case, c.brier]));
  return scores.map((s) => {
    const diffs = s.perCase.filter((c) => ref.has(c.case)).map((c) => c.brier - ref.get(c.case)!);
    return diffs.length === 0 ? s : { ...s, brierVersusReference: meanWithError(diffs) };
  });
}

/** The reference forecaster's id: each question's frequency among the other cases (leave one case out). */
export const REFERENCE_ID = "base-rate";

/**
 * Runs of the reference forecaster: for each case and question, the share of the other cases (that
 * coded the question) where it happened; 0.5 when no other case coded it. No model, no perspective.
 */
export function referenceRuns(runs: readonly CaseRun[]): CaseRun[] {
  const first = new Map<string, CaseRun>();
  for (const r of runs) if (!first.has(r.case)) first.set(r.case, r);
  const cases = [...first.values()];
  return cases.map((r) => ({
    ...r,
    perspective: REFERENCE_ID,
    forecasts: r.forecasts.map((f) => {
      const others = cases.filter((o) => o.case !== r.case).flatMap((o) => o.forecasts.filter((x) => x.question === f.question));
      const forecast = others.length === 0 ? 0.5 : others.filter((x) => x.outcome === 1).length / others.length;
      return { ...f, forecast, trajectories: 0 };
    }),
  }));
}
