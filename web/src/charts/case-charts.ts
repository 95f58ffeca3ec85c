/**
 * The case library's charts as pure functions of GET /api/evidence/cases: a timeline of the cases
 * (settlement → renewed war or the end of the record), and each perspective's forecast of one coded
 * outcome against what happened. No DOM here.
 */
import type { CaseQuestionId, CasesAnswer } from "../../../src/contract/cases.js";
import { categorical } from "./palette.js";
import type { Chart, Mark } from "./spec.js";

const SOURCE = "guarantor's case library, scenarios/cases/ (docs/EVIDENCE.md)";
const WIDTH = 720;
const WAR = "#e15759";
const PEACE = "#59a14f";
const GREY = "#9d9d9d";
const pct = (p: number): string => `${(p * 100).toFixed(0)} %`;

/** A date YYYY-MM-DD as a fractional year. */
export function yearOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365.25;
}

const rowHeight = (n: number) => Math.max(260, 60 + 22 * n);

export function caseTimelineChart(answer: CasesAnswer): Chart {
  const ids = answer.cases.map((c) => c.id);
  const first = Math.min(...answer.cases.map((c) => yearOf(c.settlementDate)));
  const last = Math.max(...answer.cases.map((c) => yearOf(c.observedTo)));
  const segments = (war: boolean) => answer.cases.filter((c) => (c.renewedWar !== null) === war).map((c) => ({
    x1: yearOf(c.settlementDate), y1: c.id, x2: yearOf(c.renewedWar ?? c.observedTo), y2: c.id,
    title: `${c.title}: settlement ${c.settlementDate}; ${c.renewedWar ? `renewed war ${c.renewedWar} (${c.monthsToWar} months)` : `no renewed war to ${c.observedTo}`}`,
  }));
  const marks: Mark[] = [
    { type: "rule", name: "peace held while observed", segments: segments(false), stroke: PEACE },
    { type: "rule", name: "peace until renewed war", segments: segments(true), stroke: WAR },
    { type: "dot", name: "settlement", fill: GREY, radius: 3, points: answer.cases.map((c) => ({ x: yearOf(c.settlementDate), y: c.id, title: `${c.id}: ${c.instrument} (${c.settlementDate})` })) },
    {
      type: "dot", name: "renewed war", fill: WAR, radius: 5,
      points: answer.cases.filter((c) => c.renewedWar).map((c) => ({ x: yearOf(c.renewedWar!), y: c.id, title: `${c.id}: renewed war ${c.renewedWar}, guarantor ${c.intervention.replace(/_/g, " ")}` })),
    },
  ];
  const wars = answer.cases.filter((c) => c.renewedWar).length;
  return {
    spec: {
      id: "cases-timeline",
      title: `The case library: ${answer.cases.length} settlements and what followed`,
      summary: `Each line runs from a settlement to renewed war (red, ${wars} cases) or to the end of the observed record (green, ${answer.cases.length - wars} cases), ${Math.floor(first)}–${Math.ceil(last)}.`,
      width: WIDTH,
      height: rowHeight(ids.length),
      x: { type: "linear", domain: [Math.floor(first / 10) * 10, Math.ceil(last / 10) * 10], label: "year", format: "number" },
      y: { type: "band", domain: ids, label: "case" },
      marks,
      legend: [{ name: "settlement", color: GREY }, { name: "peace held while observed", color: PEACE }, { name: "renewed war", color: WAR }],
      context: { kind: "case-timeline", subject: "case library", source: SOURCE },
    },
    data: {
      columns: ["case", "settlement", "renewed_war", "months_to_war", "observed_to", "guarantor_intervention", "alignment_5y"],
      rows: answer.cases.map((c) => [c.id, c.settlementDate, c.renewedWar ?? "", c.monthsToWar ?? "", c.observedTo, c.intervention, c.alignmentAt5Years ?? ""]),
    },
  };
}

export function caseForecastChart(answer: CasesAnswer, question: CaseQuestionId): Chart {
  const label = answer.questions.find((q) => q.id === question)?.label ?? question;
  const coded = answer.cases.filter((c) => answer.runs.some((r) => r.case === c.id && r.forecasts.some((f) => f.question === question)));
  const ids = coded.map((c) => c.id);
  const forecastOf = (caseId: string, perspective: string) => answer.runs.find((r) => r.case === caseId && r.perspective === perspective)?.forecasts.find((f) => f.question === question);
  const outcomeOf = (caseId: string) => answer.runs.find((r) => r.case === caseId)?.forecasts.find((f) => f.question === question)?.outcome;
  const marks: Mark[] = [
    {
      type: "dot", name: "what happened (0 no, 1 yes)", fill: "#222", radius: 6,
      points: coded.map((c) => ({ x: outcomeOf(c.id) ?? 0, y: c.id, title: `${c.id}: ${outcomeOf(c.id) === 1 ? "yes" : "no"}` })),
    },
  ];
  const rows: (string | number)[][] = [];
  answer.perspectives.forEach((p, i) => {
    const points = coded.flatMap((c) => {
      const f = forecastOf(c.id, p.id);
      if (!f) return [];
      rows.push([c.id, p.id, f.forecast, f.outcome, f.trajectories]);
      return [{ x: f.forecast, y: c.id, title: `${c.id}, ${p.label}: forecast ${pct(f.forecast)} (${f.trajectories} trajectories); happened: ${f.outcome === 1 ? "yes" : "no"}` }];
    });
    marks.push({ type: "dot", name: p.id, fill: categorical(i), radius: 4, points });
  });
  const scores = answer.scores.map((s) => {
    const q = s.byQuestion.find((b) => b.question === question);
    return q ? `${s.perspective} Brier ${q.brier.mean.toFixed(3)} ± ${q.brier.stdErr.toFixed(3)}` : "";
  }).filter((x) => x !== "");
  return {
    spec: {
      id: `cases-forecast-${question}`,
      title: `Forecasts of ${label}, by perspective, against what happened`,
      summary: `For each of ${coded.length} cases with this outcome coded: each perspective's forecast probability (coloured dots) and what happened (black dot at 0 or 1). ${scores.join("; ")}.`,
      width: WIDTH,
      height: rowHeight(ids.length),
      x: { type: "linear", domain: [0, 1], label: `P(${label})`, format: "percent" },
      y: { type: "band", domain: ids, label: "case" },
      marks,
      legend: [{ name: "what happened", color: "#222" }, ...answer.perspectives.map((p, i) => ({ name: p.id, color: categorical(i) }))],
      context: { kind: `case-forecasts-${question}`, subject: "case library", seed: answer.seed, source: `${SOURCE}; ${answer.trajectories} trajectories per case and perspective` },
    },
    data: { columns: ["case", "perspective", "forecast", "outcome", "trajectories"], rows },
  };
}
