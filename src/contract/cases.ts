/**
 * The case library's retrodictions as the CLI's --json and the API give them (docs/EVIDENCE.md
 * §8): each library case run through the model under each perspective, the forecasts of its coded
 * outcomes, and each perspective's scores against what happened. src/evidence/cases/run.ts
 * computes them, src/server/ serves them, the web app draws them.
 */
import type { ReliabilityBin } from "./evidence.js";

/** The coded outcomes a case's forecasts are scored on (docs/EVIDENCE.md §8, "Questions"). */
export const CASE_QUESTIONS = [
  { id: "war_in_window", label: "renewed war within the observed window" },
  { id: "war_5y", label: "renewed war within 5 years" },
  { id: "war_10y", label: "renewed war within 10 years" },
  { id: "guarantor_intervention", label: "a guarantor fights the challenger, given renewed war" },
  { id: "sphere_5y", label: "protégé in the challenger's sphere at 5 years" },
] as const;

export type CaseQuestionId = (typeof CASE_QUESTIONS)[number]["id"];

/** One forecast of one coded outcome. */
export interface CaseForecast {
  question: CaseQuestionId;
  /** the model's probability */
  forecast: number;
  /** what happened: 1 yes, 0 no */
  outcome: 0 | 1;
  /** simulated trajectories the forecast rests on (accepted, and for intervention: with renewed war) */
  trajectories: number;
}

/** One case under one perspective: the result of one job (case, perspective, seed). */
export interface CaseRun {
  case: string;
  perspective: string;
  seed: number;
  trajectories: number;
  /** the simulated horizon: the observed window, at least 10 years */
  horizonYears: number;
  /** P(settlement accepted) in the model (the record's settlements were all signed; forecasts are given acceptance) */
  pAccept: number;
  forecasts: CaseForecast[];
}

/** A mean score and its standard error. */
export interface ScoreEstimate {
  mean: number;
  stdErr: number;
}

export interface QuestionScore {
  question: CaseQuestionId;
  /** cases with this outcome coded */
  n: number;
  events: number;
  brier: ScoreEstimate;
  logScore: ScoreEstimate;
}

export interface PerspectiveScore {
  perspective: string;
  label: string;
  cases: number;
  forecasts: number;
  /** mean over cases of each case's mean Brier over its questions; SE over cases */
  brier: ScoreEstimate;
  /** the same for the log score (nats, lower is better) */
  logScore: ScoreEstimate;
  /** mean over cases of (this perspective's case Brier − the reference's), SE over cases: paired, so sharper than the two SEs; absent on the reference itself */
  brierVersusReference?: ScoreEstimate;
  byQuestion: QuestionScore[];
  perCase: { case: string; forecasts: number; brier: number; logScore: number }[];
  /** reliability diagram over every forecast (bins of width 0.2) */
  reliability: ReliabilityBin[];
}

/** What a case was: dates, design and coded outcome, for the timeline. */
export interface CaseSummary {
  id: string;
  title: string;
  settlementDate: string;
  instrument: string;
  option: string;
  /** the agreed design, one short line per commitment */
  design: string[];
  observedTo: string;
  /** the date of renewed war, or null */
  renewedWar: string | null;
  monthsToWar: number | null;
  intervention: "intervened" | "did_not_intervene" | "not_tested";
  alignmentAt5Years: string | null;
}

/** `guarantor cases --json` and GET /api/evidence/cases. */
export interface CasesAnswer {
  seed: number;
  trajectories: number;
  questions: { id: CaseQuestionId; label: string }[];
  perspectives: { id: string; label: string; source: string }[];
  cases: CaseSummary[];
  runs: CaseRun[];
  scores: PerspectiveScore[];
  /** the same scores of a forecaster without the model: each question's frequency among the other cases */
  reference: PerspectiveScore;
  /** how the cases were run and scored, in words */
  note: string;
}
