/**
 * The evidence charts as pure functions of the API's answers: Kaplan–Meier survival of peace by
 * group with pointwise Greenwood bands, and the backtest's reliability diagram. No DOM here.
 */
import type { BacktestAnswer, SurvivalByGroup } from "../../../src/contract/evidence.js";
import { categorical } from "./palette.js";
import type { Chart, Mark } from "./spec.js";

/** the bundled case sets and their sources are described in docs/EVIDENCE.md */
const sourceOf = (data: string): string => `guarantor's bundled "${data}" cases (docs/EVIDENCE.md)`;

const WIDTH = 640;
const HEIGHT = 380;
const pct = (p: number): string => `${(p * 100).toFixed(1)} %`;

/** Ŝ is a step function: flat until the next event time, then a drop. */
function steps(time: number[], values: number[], start: number): [number, number][] {
  const points: [number, number][] = [[0, start]];
  let previous = start;
  time.forEach((t, i) => {
    points.push([t, previous], [t, values[i]]);
    previous = values[i];
  });
  return points;
}

export function kaplanMeierChart(answer: SurvivalByGroup): Chart {
  const marks: Mark[] = [];
  const rows: (string | number)[][] = [];
  const lastTime = Math.max(1, ...answer.curves.map((c) => c.time[c.time.length - 1] ?? 0));
  const survivalAtYears = (c: SurvivalByGroup["curves"][number], years: number) => {
    let s = 1;
    c.time.forEach((t, i) => (t <= years ? (s = c.survival[i]) : undefined));
    return s;
  };
  answer.curves.forEach((curve, i) => {
    const color = categorical(i);
    const lower = steps(curve.time, curve.lower, 1);
    const upper = steps(curve.time, curve.upper, 1);
    marks.push({ type: "area", name: `${curve.group}: 95 % band`, points: lower.map(([x, y0], k) => ({ x, y0, y1: upper[k][1] })), fill: color, opacity: 0.15 });
    marks.push({ type: "line", name: `${curve.group} (n = ${curve.n}, ${curve.events} wars)`, points: steps(curve.time, curve.survival, 1), stroke: color });
    curve.time.forEach((t, k) => rows.push([curve.group, t, curve.nRisk[k], curve.survival[k], curve.lower[k], curve.upper[k]]));
  });
  const described = answer.curves.map((c) => `${c.group}: n = ${c.n}, ${c.events} wars, ${pct(survivalAtYears(c, 5))} at peace after 5 years, median ${c.median === null ? "not reached" : `${c.median.toFixed(1)} years`}`);
  const test = answer.logRank ? ` Log-rank test: χ² = ${answer.logRank.chiSquare.toFixed(2)} on ${answer.logRank.degreesOfFreedom} df, p = ${answer.logRank.pValue.toPrecision(2)}.` : "";
  return {
    spec: {
      id: `km-${answer.data}-${answer.by}`,
      title: `Peace holding by ${answer.by}: ${answer.data === "ceasefires" ? "civil-war cease-fires" : "inter-state war dyads"}${answer.where ? ` (${answer.where})` : ""}`,
      summary: `Kaplan–Meier share of cases with no renewed war, by years since the peace began, with ${answer.confidence} bands. ${described.join("; ")}.${test}`,
      width: WIDTH,
      height: HEIGHT,
      x: { type: "linear", domain: [0, lastTime], label: "years since the peace began", format: "number" },
      y: { type: "linear", domain: [0, 1], label: "P(no renewed war yet)", format: "percent" },
      marks,
      legend: answer.curves.map((c, i) => ({ name: c.group, color: categorical(i) })),
      context: { kind: `survival-by-${answer.by}${answer.where ? `-where-${answer.where}` : ""}`, subject: answer.title, source: sourceOf(answer.data) },
    },
    data: { columns: ["data", "group", "years", "at_risk", "survival", "lower_95", "upper_95"], rows: rows.map((r) => [answer.data, ...r]) },
  };
}

/** Radius from 3 to 11 px with the dot's area proportional to the bin's count. */
export function dotRadius(count: number, largest: number): number {
  return 3 + 8 * Math.sqrt(count / Math.max(1, largest));
}

export function reliabilityChart(answer: BacktestAnswer): Chart {
  const marks: Mark[] = [
    { type: "rule", name: "perfect calibration", segments: [{ x1: 0, y1: 0, x2: 1, y2: 1, title: "perfect calibration: observed = forecast" }], stroke: "#888", dashed: true },
  ];
  const rows: (string | number)[][] = [];
  const described: string[] = [];
  const largest = Math.max(1, ...answer.horizon.scores.flatMap((s) => s.score.bins.map((b) => b.count)));
  answer.horizon.scores.forEach((score, i) => {
    const color = categorical(i);
    const bins = score.score.bins.filter((b) => b.count > 0);
    const label = (b: (typeof bins)[number]) =>
      `${score.predictor}, forecasts ${b.lower.toFixed(1)}–${b.upper.toFixed(1)}: mean forecast ${pct(b.meanForecast)}, observed ${pct(b.observedFrequency)} ± ${pct(b.observedStdErr)} (n = ${b.count})`;
    marks.push({
      type: "rule",
      name: `${score.predictor}: ±1 SE`,
      segments: bins.map((b) => ({
        x1: b.meanForecast, x2: b.meanForecast,
        y1: Math.max(0, b.observedFrequency - b.observedStdErr), y2: Math.min(1, b.observedFrequency + b.observedStdErr), title: label(b),
      })),
      stroke: color,
    });
    // a bin's area grows with its count (no lines: bins are separate estimates, not a curve)
    marks.push({
      type: "dot", name: score.predictor, fill: color, radius: 4,
      points: bins.map((b) => ({ x: b.meanForecast, y: b.observedFrequency, title: label(b), radius: dotRadius(b.count, largest), label: `n=${b.count}` })),
    });
    for (const b of bins) rows.push([score.predictor, b.lower, b.upper, b.count, b.meanForecast, b.observedFrequency, b.observedStdErr]);
    described.push(`${score.predictor}: Brier ${score.score.brier.toFixed(3)} ± ${score.score.brierStdErr.toFixed(3)}, reliability ${score.score.reliability.toFixed(4)}, resolution ${score.score.resolution.toFixed(4)}`);
  });
  const scheme = answer.scheme.kind === "leave-one-out" ? "leave-one-out" : `trained before ${answer.scheme.splitYear}, tested from it`;
  return {
    spec: {
      id: `reliability-${answer.data}-${answer.horizon.years}y`,
      title: `Reliability of forecasts of renewed war within ${answer.horizon.years} years (${scheme})`,
      summary: `Mean forecast against observed frequency per forecast bin, ±1 binomial SE; each dot's area and its label give the bin's number of cases. For ${answer.horizon.n} cases with a known outcome (${answer.horizon.events} wars). Points on the diagonal are well calibrated. ${described.join("; ")}.`,
      width: WIDTH,
      height: HEIGHT,
      x: { type: "linear", domain: [0, 1], label: "forecast P(war resumes)", format: "percent" },
      y: { type: "linear", domain: [0, 1], label: "observed frequency", format: "percent" },
      marks,
      legend: answer.horizon.scores.map((s, i) => ({ name: s.predictor, color: categorical(i) })),
      context: { kind: `reliability-${answer.horizon.years}y-${answer.scheme.kind}`, subject: answer.title, source: sourceOf(answer.data) },
    },
    data: { columns: ["predictor", "bin_from", "bin_to", "count", "mean_forecast", "observed_frequency", "observed_se"], rows },
  };
}
