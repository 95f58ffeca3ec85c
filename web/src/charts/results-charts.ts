/**
 * The four result charts as pure functions of an evaluation result: each returns its spec (what
 * to draw) and its data table (what CSV export writes). No drawing and no DOM here.
 */
import type { EvaluationResult, OptionPerspectiveResult, StateShares } from "../../../src/contract/result.js";
import { formatEstimate, outcomeLabel, OUTCOMES } from "../outcomes.js";
import { categorical, sequential, STATE_COLORS } from "./palette.js";
import type { Chart, Mark } from "./spec.js";

const WIDTH = 640;
const HEIGHT = 360;
const pct = (p: number): string => `${(p * 100).toFixed(1)} %`;

function cell(result: EvaluationResult, option: string, perspective: string): OptionPerspectiveResult {
  const found = result.results.find((r) => r.option === option && r.perspective === perspective);
  if (!found) throw new Error(`no results for option ${option} under perspective ${perspective}`);
  return found;
}

const optionLabel = (result: EvaluationResult, id: string): string => result.options.find((o) => o.id === id)?.label ?? id;

/** Kaplan–Meier survival of peace per option, with a ±1.96 SE band, under one perspective. */
export function survivalChart(result: EvaluationResult, perspective: string): Chart {
  const marks: Mark[] = [];
  const rows: (string | number)[][] = [];
  const endings: string[] = [];
  let lastMonth = 1;
  result.options.forEach((option, i) => {
    const curve = cell(result, option.id, perspective).survival;
    const color = categorical(i);
    const band = curve.months.map((m, t) => ({
      x: m,
      y0: Math.max(0, curve.survival[t] - 1.96 * curve.se[t]),
      y1: Math.min(1, curve.survival[t] + 1.96 * curve.se[t]),
    }));
    marks.push({ type: "area", name: `${option.id}: 95 % band`, points: band, fill: color, opacity: 0.15 });
    marks.push({ type: "line", name: `${option.id}: ${option.label}`, points: curve.months.map((m, t) => [m, curve.survival[t]]), stroke: color });
    curve.months.forEach((m, t) => rows.push([option.id, m, curve.survival[t], curve.se[t], curve.n]));
    const end = curve.survival.length - 1;
    lastMonth = Math.max(lastMonth, curve.months[end] ?? 1);
    endings.push(`${option.label}: ${pct(curve.survival[end])} ± ${pct(curve.se[end])} (of ${curve.n} accepted)`);
  });
  return {
    spec: {
      id: "survival",
      title: `Peace holding, by option (perspective: ${perspective})`,
      summary: `Share of accepted settlements with no major war yet, by months since the settlement. At month ${lastMonth}: ${endings.join("; ")}.`,
      width: WIDTH,
      height: HEIGHT,
      x: { type: "linear", domain: [0, lastMonth], label: "months since the settlement", format: "number" },
      y: { type: "linear", domain: [0, 1], label: "P(no major war yet | accepted)", format: "percent" },
      marks,
      legend: result.options.map((o, i) => ({ name: o.id, color: categorical(i) })),
    },
    data: { columns: ["option", "month", "survival", "se", "accepted_trajectories"], rows },
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

/** Stacked shares of trajectories in each state, month by month, for one option and perspective. */
export function statesChart(result: EvaluationResult, option: string, perspective: string): Chart {
  const states = cell(result, option, perspective).states;
  const names = (Object.keys(STATE_LABELS) as (keyof StateShares)[]).filter((s) => Array.isArray(states[s]));
  const months = states.armed_peace.length;
  const base = new Array<number>(months).fill(0);
  const marks: Mark[] = names.map((state) => {
    const points = states[state].map((share, t) => ({ x: t, y0: base[t], y1: (base[t] += share) }));
    return { type: "area", name: STATE_LABELS[state], points, fill: STATE_COLORS[state], opacity: 0.9 };
  });
  const last = months - 1;
  const rows = Array.from({ length: months }, (_, t) => [t, ...names.map((s) => states[s][t])]);
  return {
    spec: {
      id: "states",
      title: `States over time: ${optionLabel(result, option)} (perspective: ${perspective})`,
      summary: `Share of trajectories in each state by month. In the last month: ${names.map((s) => `${STATE_LABELS[s]} ${pct(states[s][last] ?? 0)}`).join(", ")}.`,
      width: WIDTH,
      height: HEIGHT,
      x: { type: "linear", domain: [0, Math.max(1, last)], label: "month", format: "number" },
      y: { type: "linear", domain: [0, 1], label: "share of trajectories", format: "percent" },
      marks,
      legend: names.map((s) => ({ name: STATE_LABELS[s], color: STATE_COLORS[s] })),
    },
    data: { columns: ["month", ...names], rows },
  };
}

/** Distribution of alignment at the horizon: each option's share of trajectories per bin, as a line through the bin centres. */
export function alignmentChart(result: EvaluationResult, perspective: string): Chart {
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
      rows.push([option.id, edges[b], edges[b + 1], count, share]);
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
    },
    data: { columns: ["option", "bin_from", "bin_to", "count", "share"], rows },
  };
}

/** Options × perspectives grid of one outcome's mean, shaded from lowest to highest, each cell with its SE. */
export function heatmapChart(result: EvaluationResult, outcome: string): Chart {
  const cells = result.results.map((r) => ({ r, estimate: r.outcomes[outcome as keyof typeof r.outcomes] }));
  const means = cells.map((c) => c.estimate?.mean ?? NaN).filter(Number.isFinite);
  const [lo, hi] = [Math.min(...means), Math.max(...means)];
  const marks: Mark[] = cells.map(({ r, estimate }) => {
    const shade = sequential(hi > lo ? (estimate.mean - lo) / (hi - lo) : 0.5);
    const text = formatEstimate(outcome, estimate);
    return { type: "rect", x: r.perspective, y: r.option, fill: shade.fill, textFill: shade.text, text, title: `${r.option} × ${r.perspective}: ${text}` };
  });
  const conditional = OUTCOMES[outcome]?.conditionalOnAcceptance ? " (over accepted settlements only)" : "";
  const best = cells.reduce((a, b) => (b.estimate.mean < a.estimate.mean ? b : a));
  const worst = cells.reduce((a, b) => (b.estimate.mean > a.estimate.mean ? b : a));
  return {
    spec: {
      id: "heatmap",
      title: `${outcomeLabel(outcome)} by option and perspective${conditional}`,
      summary: `${outcomeLabel(outcome)}${conditional}: lowest ${formatEstimate(outcome, best.estimate)} for ${best.r.option} under ${best.r.perspective}; highest ${formatEstimate(outcome, worst.estimate)} for ${worst.r.option} under ${worst.r.perspective}. Darker is higher.`,
      width: WIDTH,
      height: Math.max(200, 80 + 34 * result.options.length),
      x: { type: "band", domain: result.perspectives.map((p) => p.id), label: "perspective" },
      y: { type: "band", domain: result.options.map((o) => o.id), label: "option" },
      marks,
      legend: [],
    },
    data: {
      columns: ["option", "perspective", "outcome", "mean", "se"],
      rows: cells.map(({ r, estimate }) => [r.option, r.perspective, outcome, estimate.mean, estimate.se]),
    },
  };
}
