/**
 * The sensitivity and crux charts as pure functions of analysis results: a tornado of Morris μ*
 * with bootstrap intervals, Sobol first-order and total indices with intervals, and the map of
 * the best option over two parameters. No DOM here.
 */
import type { BestOptionMap, SensitivityReport } from "../../../src/contract/analysis.js";
import { parameterLabel, parameterMeaning, parameterShort } from "../parameter-label.js";
import { textOn } from "./contrast.js";
import { categorical } from "./palette.js";
import type { Chart, ChartContext, Mark } from "./spec.js";

const WIDTH = 680;
/** parameters drawn (all of them are in the data table and the CSV) */
const SHOWN = 15;
/** three significant digits; "—" for a value JSON could not carry (NaN and ±∞ arrive as null) */
const round = (x: number | null): string => (typeof x === "number" && Number.isFinite(x) ? String(Number(x.toPrecision(3))) : "—");
const shown = <T>(rows: T[]) => rows.slice(0, SHOWN);
const heightFor = (n: number) => Math.max(220, 90 + 26 * n);
const confidencePct = (report: SensitivityReport) => `${Math.round(report.confidence * 100)} %`;

const reportContext = (report: SensitivityReport, kind: string, scenario: string, source: string): ChartContext => ({
  kind: `${kind}-${report.target.outcome}`,
  subject: scenario,
  perspective: report.perspective,
  option: report.target.versus ? `${report.target.option}-minus-${report.target.versus}` : report.target.option,
  source,
});
const targetColumns = (report: SensitivityReport) => [report.target.outcome, report.target.option, report.target.versus ?? "", report.perspective];

/** The sign of a parameter's effect: μ (the mean elementary effect) against μ* (the mean of its absolute value). */
export function direction(mu: number | null | undefined, muStar: number): "raises" | "lowers" | "mixed" {
  if (typeof mu !== "number" || !Number.isFinite(mu) || muStar <= 0) return "mixed";
  return mu >= 0.5 * muStar ? "raises" : mu <= -0.5 * muStar ? "lowers" : "mixed";
}
const DIRECTION_COLORS = { raises: "#c0392b", lowers: "#2e6da4", mixed: "#8a8a8a" } as const;

/** μ* bars coloured by the sign of the effect (μ): raising the parameter raises or lowers the target, or both. */
export function tornadoChart(report: SensitivityReport, scenario = "scenario", source = "guarantor"): Chart {
  const rows = report.rows.filter((r) => r.muStar);
  const top = shown(rows);
  const high = Math.max(1e-12, ...top.map((r) => r.muStar!.high));
  const marks: Mark[] = [
    ...top.map((r): Mark => ({
      type: "rect", x: [0, Math.max(0, r.muStar!.estimate)], y: parameterLabel(r.parameter), fill: DIRECTION_COLORS[direction(r.mu, r.muStar!.estimate)], inset: [0.15, 0.85],
      title: `${parameterLabel(r.parameter)} (${r.parameter}) (${direction(r.mu, r.muStar!.estimate)} ${report.label} as it rises): μ* = ${round(r.muStar!.estimate)} (${confidencePct(report)} interval ${round(r.muStar!.low)} to ${round(r.muStar!.high)}), μ = ${round(r.mu ?? NaN)}, σ = ${round(r.sigma ?? NaN)}`,
    })),
    {
      type: "rule", name: `${confidencePct(report)} bootstrap interval`, stroke: "#222",
      segments: top.map((r) => ({ x1: Math.max(0, r.muStar!.low), x2: r.muStar!.high, y1: parameterLabel(r.parameter), y2: parameterLabel(r.parameter), title: `${r.parameter}: ${round(r.muStar!.low)} to ${round(r.muStar!.high)}` })),
    },
  ];
  const leaders = top.slice(0, 3).map((r) => `${parameterShort(r.parameter)}: μ* ${round(r.muStar!.estimate)}, ${round(r.muStar!.low)}–${round(r.muStar!.high)}`);
  return {
    spec: {
      id: "tornado",
      title: `Morris screening of ${report.label} (perspective: ${report.perspective})`,
      summary: `Mean absolute elementary effect μ* of each parameter on ${report.label}, with ${confidencePct(report)} bootstrap intervals; ${report.parameters.length} parameters, ${report.evaluations} settings of ${report.trajectoriesPerPoint} trajectories each. The ${top.length} largest are drawn. Largest: ${leaders.join("; ")}.`,
      width: WIDTH,
      height: heightFor(top.length),
      x: { type: "linear", domain: [0, high * 1.05], label: `μ* (change in ${report.label} over half the prior's range)`, format: "number" },
      y: { type: "band", domain: top.map((r) => parameterLabel(r.parameter)), label: "parameter" },
      marks,
      legend: [
        { name: `raising it raises ${report.target.outcome}`, color: DIRECTION_COLORS.raises },
        { name: "lowers it", color: DIRECTION_COLORS.lowers },
        { name: "mixed signs", color: DIRECTION_COLORS.mixed },
      ],
      context: reportContext(report, "tornado", scenario, source),
    },
    data: {
      columns: ["outcome", "option", "versus", "perspective", "parameter", "mu_star", "mu_star_se", "mu_star_low", "mu_star_high", "mu", "sigma", "direction", "meaning"],
      rows: rows.map((r) => [...targetColumns(report), r.parameter, r.muStar!.estimate, r.muStar!.se, r.muStar!.low, r.muStar!.high, r.mu ?? NaN, r.sigma ?? NaN, direction(r.mu, r.muStar!.estimate), parameterMeaning(r.parameter)]),
    },
  };
}

export function sobolChart(report: SensitivityReport, scenario = "scenario", source = "guarantor"): Chart {
  const rows = report.rows.filter((r) => r.first && r.total);
  const top = shown(rows);
  const low = Math.min(0, ...top.map((r) => Math.min(r.first!.low, r.total!.low)));
  const high = Math.max(1, ...top.map((r) => Math.max(r.first!.high, r.total!.high)));
  const [firstColor, totalColor] = [categorical(0), categorical(1)];
  const bar = (r: (typeof rows)[number], which: "first" | "total"): Mark => ({
    type: "rect", y: parameterLabel(r.parameter), x: [0, r[which]!.estimate], fill: which === "first" ? firstColor : totalColor,
    inset: which === "total" ? [0.1, 0.48] : [0.52, 0.9],
    title: `${r.parameter}: ${which === "first" ? "first-order S" : "total ST"} = ${round(r[which]!.estimate)} (${round(r[which]!.low)} to ${round(r[which]!.high)})`,
  });
  const interval = (which: "first" | "total", offset: number): Mark => ({
    type: "rule", name: `${which} index interval`, stroke: "#222", bandOffset: offset,
    segments: top.map((r) => ({ x1: r[which]!.low, x2: r[which]!.high, y1: parameterLabel(r.parameter), y2: parameterLabel(r.parameter), title: `${r.parameter} ${which}: ${round(r[which]!.low)} to ${round(r[which]!.high)}` })),
  });
  const leaders = top.slice(0, 3).map((r) => `${parameterShort(r.parameter)}: total ${round(r.total!.estimate)}, first-order ${round(r.first!.estimate)}`);
  return {
    spec: {
      id: "sobol",
      title: `Sobol indices of ${report.label} (perspective: ${report.perspective})`,
      summary: `Share of the variance of ${report.label} due to each parameter alone (first-order S) and with its interactions (total ST), with ${confidencePct(report)} bootstrap intervals; ${report.evaluations} settings of ${report.trajectoriesPerPoint} trajectories each. The ${top.length} largest by total index are drawn. Largest: ${leaders.join("; ")}. Small designs give wide intervals.`,
      width: WIDTH,
      height: heightFor(top.length),
      x: { type: "linear", domain: [low, high], label: "Sobol index (share of variance)", format: "number" },
      y: { type: "band", domain: top.map((r) => parameterLabel(r.parameter)), label: "parameter" },
      marks: [...top.flatMap((r) => [bar(r, "total"), bar(r, "first")]), interval("total", -0.21), interval("first", 0.21)],
      legend: [{ name: "total ST", color: totalColor }, { name: "first-order S", color: firstColor }],
      context: reportContext(report, "sobol", scenario, source),
    },
    data: {
      columns: ["outcome", "option", "versus", "perspective", "parameter", "first", "first_low", "first_high", "total", "total_low", "total_high", "meaning"],
      rows: rows.map((r) => [...targetColumns(report), r.parameter, r.first!.estimate, r.first!.low, r.first!.high, r.total!.estimate, r.total!.low, r.total!.high, parameterMeaning(r.parameter)]),
    },
  };
}

export function cruxMapChart(map: BestOptionMap, scenario = "scenario", source = "guarantor"): Chart {
  const color = new Map(map.options.map((o, i) => [o, categorical(i)]));
  const xs = map.x.values.map(round);
  const ys = map.y.values.map(round);
  const marks: Mark[] = map.cells.flatMap((row, yi) =>
    row.map((cell, xi): Mark => ({
      type: "rect", x: xs[xi], y: ys[yi], fill: color.get(cell.best) ?? "#999", textFill: textOn(color.get(cell.best) ?? "#999"),
      text: `${cell.best}${cell.clear ? "" : " ?"}`,
      title: `${map.x.parameter} = ${xs[xi]}, ${map.y.parameter} = ${ys[yi]}: best ${cell.best}, better than the runner-up by ${round(cell.margin.mean)} ± ${round(cell.margin.se)}${cell.clear ? "" : " (not clear)"}`,
    })),
  );
  const counts = map.options.map((o) => [o, map.cells.flat().filter((c) => c.best === o).length] as const).filter(([, n]) => n > 0);
  const unclear = map.cells.flat().filter((c) => !c.clear).length;
  return {
    spec: {
      id: "crux-map",
      title: `Best option for ${map.outcome} over ${parameterLabel(map.x.parameter)} and ${parameterLabel(map.y.parameter)}`,
      summary: `Which option has the best ${map.outcome} at each combination of ${parameterShort(map.x.parameter)} (across) and ${parameterShort(map.y.parameter)} (down), other parameters at the ${map.perspective} priors. Cells won: ${counts.map(([o, n]) => `${o} ${n}`).join(", ")}; ${unclear} of ${map.cells.flat().length} cells are not clear (marked ?: the margin is within 1.96 standard errors).`,
      width: WIDTH,
      height: Math.max(240, 110 + 40 * ys.length),
      x: { type: "band", domain: xs, label: parameterLabel(map.x.parameter) },
      y: { type: "band", domain: ys, label: parameterLabel(map.y.parameter) },
      marks,
      legend: map.options.map((o) => ({ name: o, color: color.get(o)! })),
      context: { kind: `crux-map-${map.outcome}`, subject: scenario, perspective: map.perspective, option: map.options.join("-"), source },
    },
    data: {
      columns: ["outcome", "perspective", map.x.parameter, map.y.parameter, "best", "margin", "margin_se", "clear"],
      rows: map.cells.flatMap((row, yi) => row.map((c, xi) => [map.outcome, map.perspective, map.x.values[xi], map.y.values[yi], c.best, c.margin.mean, c.margin.se, c.clear ? "yes" : "no"])),
    },
  };
}
