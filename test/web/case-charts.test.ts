import { describe, expect, it } from "vitest";
import type { CasesAnswer, PerspectiveScore } from "../../src/contract/cases.js";
import { caseForecastChart, caseTimelineChart, yearOf } from "../../web/src/charts/case-charts.js";
import { renderSvg } from "../../web/src/charts/svg.js";

const score = (perspective: string): PerspectiveScore => ({
  perspective, label: perspective, cases: 2, forecasts: 3, brier: { mean: 0.2, stdErr: 0.1 }, logScore: { mean: 0.6, stdErr: 0.2 },
  byQuestion: [{ question: "war_in_window", n: 2, events: 1, brier: { mean: 0.25, stdErr: 0.05 }, logScore: { mean: 0.7, stdErr: 0.1 } }],
  perCase: [], reliability: [],
});
const summary = (id: string, war: string | null) => ({
  id, title: `case ${id}`, settlementDate: "1950-01-01", instrument: "treaty", option: "o", design: ["NATO membership"], observedTo: "2025-01-01",
  renewedWar: war, monthsToWar: war ? 60 : null, intervention: war ? "did_not_intervene" as const : "not_tested" as const, alignmentAt5Years: null,
});
const run = (id: string, perspective: string, forecast: number, outcome: 0 | 1) => ({
  case: id, perspective, seed: 1, trajectories: 100, horizonYears: 75, pAccept: 0.9,
  forecasts: [{ question: "war_in_window" as const, forecast, outcome, trajectories: 90 }, ...(outcome ? [{ question: "guarantor_intervention" as const, forecast: 0.3, outcome: 0 as const, trajectories: 40 }] : [])],
});
const answer: CasesAnswer = {
  seed: 1, trajectories: 100,
  questions: [{ id: "war_in_window", label: "renewed war within the observed window" }, { id: "guarantor_intervention", label: "a guarantor fights" }],
  perspectives: [{ id: "baseline", label: "baseline", source: "s" }, { id: "deterrence", label: "Deterrence", source: "s" }],
  cases: [summary("a", "1955-01-01"), summary("b", null)],
  runs: [run("a", "baseline", 0.8, 1), run("b", "baseline", 0.4, 0), run("a", "deterrence", 0.6, 1), run("b", "deterrence", 0.2, 0)],
  scores: [score("baseline"), score("deterrence")], reference: score("base-rate"), note: "",
};

describe("case library charts", () => {
  it("timeline: one line per case, ending at renewed war or at the end of the record, a red dot per war", () => {
    const { spec, data } = caseTimelineChart(answer);
    const rules = spec.marks.filter((m) => m.type === "rule");
    expect(rules.map((m) => m.type === "rule" && m.segments.map((s) => [s.y1, s.x2]))).toEqual([[["b", yearOf("2025-01-01")]], [["a", yearOf("1955-01-01")]]]);
    const wars = spec.marks.find((m) => m.type === "dot" && m.name === "renewed war");
    expect(wars?.type === "dot" && wars.points.map((p) => p.y)).toEqual(["a"]);
    expect(data.rows).toHaveLength(2);
    expect(spec.y).toMatchObject({ type: "band", domain: ["a", "b"] });
  });

  it("forecasts: a dot per perspective and case that coded the question, and what happened at 0 or 1", () => {
    const { spec, data } = caseForecastChart(answer, "guarantor_intervention");
    expect(spec.y).toMatchObject({ domain: ["a"] });
    const dots = spec.marks.filter((m) => m.type === "dot");
    expect(dots.map((m) => m.type === "dot" && m.points.map((p) => p.x))).toEqual([[0], [0.3], [0.3]]);
    expect(data.rows).toEqual([["a", "baseline", 0.3, 0, 40], ["a", "deterrence", 0.3, 0, 40]]);
    expect(caseForecastChart(answer, "war_in_window").spec.summary).toMatch(/baseline Brier 0\.250 ± 0\.050/);
  });

  it("exports carry the title and the source", () => {
    for (const chart of [caseTimelineChart(answer), caseForecastChart(answer, "war_in_window")]) {
      const svg = renderSvg(chart.spec, { standalone: true });
      expect(svg).toContain(chart.spec.title.replace(/'/g, "&apos;").slice(0, 30));
      expect(svg).toMatch(/case library, scenarios\/cases\//);
    }
  });
});
