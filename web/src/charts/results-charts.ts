/**
 * The four result charts as pure functions of an evaluation result: each returns its spec (what
 * to draw) and its data table (what CSV export writes). No drawing and no DOM here.
 */
import type { EvaluationResult, OptionPerspectiveResult, StateShares } from "../../../src/contract/result.js";
import { formatEstimate, outcomeLabel, OUTCOMES } from "../outcomes.js";
import { categorical, sequential, STATE_COLORS } from "./palette.js";
import type { Chart, ChartContext, Mark } from "./spec.js";

const WIDTH = 640;
const HEIGHT = 360;
const pct = (p: number): string => `${(p * 100).toFixed(1)} %`;
/** months → years, for axes: every outcome speaks in years */
const years = (months: number): number => months / 12;

function cell(result: EvaluationResult, option: string, perspective: string): OptionPerspectiveResult {
  const found = result.results.find((r) => r.option === option && r.perspective === perspective);
  if (!found) throw new Error(`no results for option ${option} under perspective ${perspective}`);
  return found;
}

const optionLabel = (result: EvaluationResult, id: string): string => result.options.find((o) => o.id === id)?.label ?? id;

const context = (result: EvaluationResult, source: string, kind: string, extra: Partial<ChartContext> = {}): ChartContext => ({
  kind, subject: result.scenario, seed: result.seed, source, ...extra,
});

/**
 * Kaplan–Meier survival of peace per option under one perspective, in years. Every series is named
 * at its end; the highlighted option is drawn bold with its ±1.96 SE band, the others faint.
 */
export function survivalChart(result: EvaluationResult, perspective: string, highlight: string | null = null, source = "guarantor"): Chart {
  const marks: Mark[] = [];
  const lines: Mark[] = [];
  const rows: (string | number)[][] = [];
  const endings: string[] = [];
  const labels: { y: number; text: string; color: string; title: string }[] = [];
  let lastMonth = 1;
  result.options.forEach((option, i) => {
    const curve = cell(result, option.id, perspective).survival;
    const color = categorical(i);
    const strong = highlight === null || highlight === option.id;
    if (strong) {
      const band = curve.months.map((m, t) => ({
        x: years(m),
        y0: Math.max(0, curve.survival[t] - 1.96 * curve.se[t]),
        y1: Math.min(1, curve.survival[t] + 1.96 * curve.se[t]),
      }));
      marks.push({ type: "area", name: `${option.id}: 95 % band`, points: band, fill: color, opacity: highlight === null ? 0.12 : 0.22 });
    }
    const line: Mark = {
      type: "line", name: `${option.id}: ${option.label}`, points: curve.months.map((m, t) => [years(m), curve.survival[t]]), stroke: color,
      width: highlight === option.id ? 3.5 : strong ? 2 : 1.5, opacity: strong ? 1 : 0.35,
    };
    // the highlighted line is drawn last, on top of the others
    if (highlight === option.id) lines.push(line);
    else lines.unshift(line);
    curve.months.forEach((m, t) => rows.push([option.id, perspective, m, years(m), curve.survival[t], curve.se[t], curve.n]));
    const end = curve.survival.length - 1;
    lastMonth = Math.max(lastMonth, curve.months[end] ?? 1);
    labels.push({ y: curve.survival[end], text: option.id, color, title: `${option.label}: ${pct(curve.survival[end])} at the horizon` });
    endings.push(`${option.label}: ${pct(curve.survival[end])} ± ${pct(curve.se[end])} (of ${curve.n} accepted)`);
  });
  const longest = Math.max(...result.options.map((o) => o.id.length));
  return {
    spec: {
      id: "survival",
      title: `Peace holding, by option (perspective: ${perspective})${highlight ? `, ${highlight} highlighted` : ""}`,
      summary: `Share of accepted settlements with no major war yet, by years since the settlement. After ${Number(years(lastMonth).toFixed(1))} years: ${endings.join("; ")}.`,
      width: WIDTH,
      height: HEIGHT,
      x: { type: "linear", domain: [0, years(lastMonth)], label: "years since the settlement", format: "number" },
      y: { type: "linear", domain: [0, 1], label: "P(no major war yet | accepted)", format: "percent" },
      marks: [...marks, ...lines, { type: "label", items: labels }],
      legend: [],
      marginRight: Math.min(210, 24 + longest * 7),
      context: context(result, source, "survival", { perspective, ...(highlight ? { option: highlight } : {}) }),
    },
    data: { columns: ["option", "perspective", "month", "years", "survival", "se", "accepted_trajectories"], rows },
  };
}

const STATE_LABELS: Record<keyof StateShares, string> = {
  armed_peace: "armed peace",
  crisis: "crisis",
  limited_war: "limited war",
  direct_war: "direct war with guarantors",
  nuclear_use: "nuclear use",
  no_settlement: "no settlement (war goes on)",
};

/** Stacked shares of trajectories in each state, month by month (drawn in years), for one option and perspective. */
export function statesChart(result: EvaluationResult, option: string, perspective: string, source = "guarantor"): Chart {
  const states = cell(result, option, perspective).states;
  const names = (Object.keys(STATE_LABELS) as (keyof StateShares)[]).filter((s) => Array.isArray(states[s]));
  const months = states.armed_peace.length;
  const base = new Array<number>(months).fill(0);
  const marks: Mark[] = names.map((state) => {
    const points = states[state].map((share, t) => ({ x: years(t), y0: base[t], y1: (base[t] += share) }));
    return { type: "area", name: STATE_LABELS[state], points, fill: STATE_COLORS[state], opacity: 0.9 };
  });
  const last = months - 1;
  const rows = Array.from({ length: months }, (_, t) => [option, perspective, t, years(t), ...names.map((s) => states[s][t])]);
  return {
    spec: {
      id: "states",
      title: `States over time: ${optionLabel(result, option)} (perspective: ${perspective})`,
      summary: `Share of trajectories in each state by year. In the last month: ${names.map((s) => `${STATE_LABELS[s]} ${pct(states[s][last] ?? 0)}`).join(", ")}.`,
      width: WIDTH,
      height: HEIGHT,
      x: { type: "linear", domain: [0, Math.max(1, years(last))], label: "years since the start", format: "number" },
      y: { type: "linear", domain: [0, 1], label: "share of trajectories", format: "percent" },
      marks,
      legend: names.map((s) => ({ name: STATE_LABELS[s], color: STATE_COLORS[s] })),
      context: context(result, source, "states", { perspective, option }),
    },
    data: { columns: ["option", "perspective", "month", "years", ...names], rows },
  };
}

/** Distribution of alignment at the horizon: each option's share of trajectories per bin, as a line through the bin centres. */
export function alignmentChart(result: EvaluationResult, perspective: string, source = "guarantor"): Chart {
  const marks: Mark[] = [];
  const rows: (string | number)[][] = [];
  const means: string[] = [];
  let top = 0;
  result.options.forEach((option, i) => {
    const r = cell(result, option.id, perspective);
    const { edges, counts } = r.alignment_at_horizon;
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    const points: [number, number][] = counts.map((count, b) => {
      const share = count / total;
      top = Math.max(top, share);
      rows.push([option.id, perspective, edges[b], edges[b + 1], count, share]);
      return [(edges[b] + edges[b + 1]) / 2, share];
    });
    marks.push({ type: "line", name: `${option.id}: ${option.label}`, points, stroke: categorical(i) });
    means.push(`${option.label} mean ${formatEstimate("mean_alignment_at_horizon", r.outcomes.mean_alignment_at_horizon)}`);
  });
  return {
    spec: {
      id: "alignment",
      title: `Alignment at the horizon (perspective: ${perspective})`,
      summary: `How far the protégé is inside the challenger's sphere at the horizon (0 = with the West, 1 = inside the sphere; above 0.5 counts as inside): ${means.join("; ")}.`,
      width: WIDTH,
      height: HEIGHT,
      x: { type: "linear", domain: [0, 1], label: "alignment at horizon (0 West … 1 challenger)", format: "number" },
      y: { type: "linear", domain: [0, Math.min(1, Math.max(0.05, top * 1.1))], label: "share of trajectories per bin", format: "percent" },
      marks,
      legend: result.options.map((o, i) => ({ name: o.id, color: categorical(i) })),
      context: context(result, source, "alignment", { perspective }),
    },
    data: { columns: ["option", "perspective", "bin_from", "bin_to", "count", "share"], rows },
  };
}

/** Each perspective's lowest and highest mean of `outcome`: the heat map shades within a perspective. */
function rangeByPerspective(result: EvaluationResult, outcome: string): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  for (const r of result.results) {
    const mean = r.outcomes[outcome as keyof typeof r.outcomes]?.mean;
    if (!Number.isFinite(mean)) continue;
    const [lo, hi] = ranges.get(r.perspective) ?? [Infinity, -Infinity];
    ranges.set(r.perspective, [Math.min(lo, mean), Math.max(hi, mean)]);
  }
  return ranges;
}

/**
 * Options × perspectives grid of one outcome's mean, each cell with its SE. Shaded within each
 * perspective (column) from its lowest to its highest option: perspectives differ in level, and
 * what a reader compares is the options under one of them.
 */
export function heatmapChart(result: EvaluationResult, outcome: string, source = "guarantor"): Chart {
  const ranges = rangeByPerspective(result, outcome);
  const shadeOf = (perspective: string, mean: number) => {
    const [lo, hi] = ranges.get(perspective) ?? [0, 0];
    return hi > lo ? (mean - lo) / (hi - lo) : 0.5;
  };
  const cells = result.results.map((r) => ({ r, estimate: r.outcomes[outcome as keyof typeof r.outcomes] }));
  const marks: Mark[] = cells.map(({ r, estimate }) => {
    const shade = sequential(shadeOf(r.perspective, estimate.mean));
    const [mean, se] = formatEstimate(outcome, estimate).split(" ± ");
    return { type: "rect", x: r.perspective, y: r.option, fill: shade.fill, textFill: shade.text, text: `${mean}\n± ${se}`, title: `${r.option} × ${r.perspective}: ${mean} ± ${se}` };
  });
  const conditional = OUTCOMES[outcome]?.conditionalOnAcceptance ? " (over accepted settlements only)" : "";
  const lowest = result.perspectives.map((p) => {
    const column = cells.filter((c) => c.r.perspective === p.id);
    const best = column.reduce((a, b) => (b.estimate.mean < a.estimate.mean ? b : a));
    return `${p.id}: ${best.r.option} (${formatEstimate(outcome, best.estimate)})`;
  });
  return {
    spec: {
      id: "heatmap",
      title: `${outcomeLabel(outcome)} by option and perspective${conditional}`,
      summary: `${outcomeLabel(outcome)}${conditional}, mean ± standard error. Shades compare options within each perspective (column): lightest is that perspective's lowest, darkest its highest. Lowest per perspective — ${lowest.join("; ")}.`,
      width: WIDTH,
      height: Math.max(220, 110 + 40 * result.options.length),
      x: { type: "band", domain: result.perspectives.map((p) => p.id), label: "perspective" },
      y: { type: "band", domain: result.options.map((o) => o.id), label: "option" },
      marks,
      legend: [],
      ramp: { colors: [0, 0.25, 0.5, 0.75, 1].map((t) => sequential(t).fill), low: "lowest", high: "highest within its perspective (column)" },
      context: context(result, source, `heatmap-${outcome}`),
    },
    data: {
      columns: ["option", "perspective", "outcome", "mean", "se", "shade_within_perspective"],
      rows: cells.map(({ r, estimate }) => [r.option, r.perspective, outcome, estimate.mean, estimate.se, shadeOf(r.perspective, estimate.mean)]),
    },
  };
}
