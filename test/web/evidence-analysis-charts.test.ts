import { describe, expect, it } from "vitest";
import type { BestOptionMap, SensitivityReport } from "../../src/analysis/index.js";
import { cruxMapChart, sobolChart, tornadoChart } from "../../web/src/charts/analysis-charts.js";
import { kaplanMeierChart, reliabilityChart } from "../../web/src/charts/evidence-charts.js";
import { cellText, renderSvg, textWidth } from "../../web/src/charts/svg.js";
import { survivalByGroup, backtestReport } from "../../src/server/evidence-api.js";

const interval = (estimate: number) => ({ estimate, se: 0.1, low: estimate - 0.2, high: estimate + 0.2 });
const base = { target: { outcome: "loss" as const, option: "a" }, label: "loss(a)", perspective: "baseline", evaluations: 100, trajectoriesPerPoint: 50, confidence: 0.95 };
const names = Array.from({ length: 20 }, (_, i) => `p${i}`);

describe("sensitivity and crux charts", () => {
  it("tornado: one bar and one interval per drawn parameter (15 at most), every parameter in the data", () => {
    const report: SensitivityReport = { ...base, method: "morris", parameters: names, rows: names.map((parameter, i) => ({ parameter, muStar: interval(20 - i), mu: 1, sigma: 2 })) };
    const { spec, data } = tornadoChart(report);
    expect(spec.marks.filter((m) => m.type === "rect")).toHaveLength(15);
    const rule = spec.marks.find((m) => m.type === "rule");
    expect(rule?.type === "rule" && rule.segments).toHaveLength(15);
    expect(data.rows).toHaveLength(20);
    expect(spec.summary).toMatch(/Largest: p0: μ\* 20, 19\.8–20\.2/);
    expect(renderSvg(spec).match(/class="mark-rule"/g)).toHaveLength(15);
  });

  it("sobol: a first-order and a total bar per parameter, intervals on each, in their halves of the band", () => {
    const report: SensitivityReport = { ...base, method: "sobol", parameters: names.slice(0, 4), rows: names.slice(0, 4).map((parameter, i) => ({ parameter, first: interval(0.1 * i), total: interval(0.2 * i) })) };
    const { spec, data } = sobolChart(report);
    const rects = spec.marks.filter((m) => m.type === "rect");
    expect(rects).toHaveLength(8);
    expect(spec.marks.filter((m) => m.type === "rule").map((m) => m.type === "rule" && m.bandOffset)).toEqual([-0.21, 0.21]);
    expect(data.columns).toEqual(["outcome", "option", "versus", "perspective", "parameter", "first", "first_low", "first_high", "total", "total_low", "total_high", "meaning"]);
    expect(data.rows[0].slice(0, 5)).toEqual(["loss", "a", "", "baseline", "p0"]);
    expect(renderSvg(spec)).toMatch(/<line class="mark-rule"/);
  });

  it("crux map: one cell per grid point coloured by the best option, unclear cells marked", () => {
    const map: BestOptionMap = {
      outcome: "loss", perspective: "baseline", options: ["a", "b"],
      x: { parameter: "x", values: [0.1, 0.5] }, y: { parameter: "y", values: [1, 2, 3] },
      cells: [1, 2, 3].map((yi) => [0, 1].map((xi) => ({ best: (xi + yi) % 2 ? "a" : "b", margin: { mean: 0.1, se: xi ? 0.01 : 1 }, clear: xi === 1 }))),
    };
    const { spec, data } = cruxMapChart(map);
    expect(spec.marks).toHaveLength(6);
    expect(data.rows).toHaveLength(6);
    expect(spec.summary).toContain("3 of 6 cells are not clear");
    expect(spec.marks.filter((m) => m.type === "rect" && m.text?.endsWith("?"))).toHaveLength(3);
  });
});

describe("cell labels", () => {
  it("a crux map cell names its best option in full, shrunk to fit; too long even at 7 px, it is cut with an ellipsis", () => {
    const map: BestOptionMap = {
      outcome: "loss", perspective: "baseline", options: ["un-peacekeeping", "arms-only"],
      x: { parameter: "x", values: [0.1] }, y: { parameter: "y", values: [1] },
      cells: [[{ best: "un-peacekeeping", margin: { mean: 0.1, se: 1 }, clear: false }]],
    };
    const [cell] = cruxMapChart(map).spec.marks;
    expect(cell.type === "rect" && cell.text).toBe("un-peacekeeping ?");
    expect(cellText("un-peacekeeping ?", 200, 40)).toEqual({ lines: ["un-peacekeeping ?"], size: 12 });
    const narrow = cellText("un-peacekeeping ?", 30, 20);
    expect(narrow.size).toBe(7);
    expect(narrow.lines[0]).toMatch(/…$/);
    expect(textWidth(narrow.lines[0], narrow.size)).toBeLessThanOrEqual(30 - 6);
  });
});

describe("evidence charts from the evidence answers", () => {
  it("Kaplan–Meier: a step line and a band per group, the data table holds every event time", () => {
    const answer = survivalByGroup(new Map([["data", "ceasefires"]]));
    const { spec, data } = kaplanMeierChart(answer);
    expect(spec.marks.filter((m) => m.type === "line")).toHaveLength(2);
    expect(data.rows).toHaveLength(answer.curves.reduce((s, c) => s + c.time.length, 0));
    expect(spec.summary).toMatch(/Log-rank test: χ² = /);
  });

  it("reliability: the diagonal, and dots with ±1 SE per non-empty bin of each predictor", async () => {
    const answer = await backtestReport(new Map([["data", "interstate"], ["horizon", "10"]]));
    const { spec, data } = reliabilityChart(answer);
    const nonEmpty = answer.horizon.scores.reduce((s, p) => s + p.score.bins.filter((b) => b.count > 0).length, 0);
    expect(data.rows).toHaveLength(nonEmpty);
    expect(spec.marks.filter((m) => m.type === "dot").reduce((s, m) => s + (m.type === "dot" ? m.points.length : 0), 0)).toBe(nonEmpty);
  });
});
