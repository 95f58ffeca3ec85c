/**
 * A report as one self-contained HTML file: inline CSS, inline SVG charts, no script and no
 * reference to anything outside the file, so it opens offline and travels as an attachment.
 * The charts are the web app's own specs, drawn by its string renderer (web/src/charts/, pure
 * functions without DOM): one spec per chart, wherever it is shown.
 */
import type { Crux } from "../analysis/index.js";
import type { EvaluationResult, OutcomeName } from "../contract/result.js";
import { describeComparison, describeSkipped } from "../contract/conclusions.js";
import { lossTerms, lossWeightsOf, sameLossWeights } from "../contract/loss.js";
import { heatmapChart, statesChart, survivalChart } from "../../web/src/charts/results-charts.js";
import type { Chart } from "../../web/src/charts/spec.js";
import { renderSvg } from "../../web/src/charts/svg.js";
import { formatEstimate, OUTCOMES, outcomeLabel, outcomeNames } from "../../web/src/outcomes.js";
import { summarise } from "../../web/src/summary.js";
import type { ReportData } from "./gather.js";
import { REPORT_CSS } from "./style.js";

export function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const e = escapeHtml;
const fixed = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : "—");
const percent = (x: number): string => `${Math.round(100 * x)} %`;

function table(head: string[], rows: string[][], caption = "", numeric = false): string {
  return [
    `<div class="scroll"><table${numeric ? ' class="numeric"' : ""}>`,
    caption ? `<caption>${caption}</caption>` : "",
    `<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`).join("")}</tbody>`,
    `</table></div>`,
  ].join("");
}

function header(data: ReportData): string {
  const r = data.result;
  return `<header><h1>${e(r.scenario)}</h1><p class="meta">guarantor ${e(data.version)} · seed ${r.seed} · ${r.trajectories.toLocaleString("en-US")} trajectories per option and perspective · horizon ${r.horizon_years} years${r.mode ? ` · ${e(r.mode)} simulation` : ""}</p>
<p>Each number is a Monte Carlo mean ± its standard error. The same scenario, seed and version give the same numbers.</p></header>`;
}

function summarySection(result: EvaluationResult): string {
  const items = summarise(result).map((v) => {
    const [best, next] = v.order;
    if (!next) return `<li><b>${e(v.perspective)}</b>: ${e(best.option)} (the only option)</li>`;
    const clear = v.clear ? "larger than its standard error" : "within its standard error: not a clear lead";
    return `<li><b>${e(v.perspective)}</b>: <b>${e(best.option)}</b> has the lowest expected loss, ${fixed(best.loss)} ± ${fixed(best.se ?? NaN)}, ahead of ${e(next.option)} by ${fixed(v.lead ?? NaN)} (${clear}; the bound is SE₁ + SE₂ = ${fixed(v.bound ?? NaN)})</li>`;
  });
  const own = result.perspectives
    .map((p) => ({ id: p.id, weights: lossWeightsOf(result, p.id) }))
    .filter((p) => !sameLossWeights(p.weights, result.loss_weights))
    .map((p) => `<li><b>${e(p.id)}</b> weighs with its own: loss = ${e(lossTerms(p.weights))}</li>`);
  const ownNote = own.length ? `<p>Perspectives with their own loss weights (their expected losses and rankings use them):</p><ul>${own.join("")}</ul>` : "";
  return `<section><h2>Summary</h2><ul>${items.join("")}</ul><p>Loss per trajectory = ${e(lossTerms(result.loss_weights))} (lower is better); the expected loss is its mean.</p>${ownNote}</section>`;
}

function comparisonSection(result: EvaluationResult): string {
  const outcomes = outcomeNames(Object.keys(result.results[0]?.outcomes ?? {})) as OutcomeName[];
  const label = (o: OutcomeName) => `${e(outcomeLabel(o))}${OUTCOMES[o]?.conditionalOnAcceptance ? " †" : ""}`;
  const tables = result.ranking.map(({ perspective, order }) => {
    const rows = order.map((entry) => {
      const cell = result.results.find((x) => x.option === entry.option && x.perspective === perspective)!;
      return [`${entry.rank}. ${e(entry.option)}`, ...outcomes.map((o) => e(formatEstimate(o, cell.outcomes[o])))];
    });
    return table(["option (rank)", ...outcomes.map(label)], rows, `Perspective: ${e(perspective)}`, true);
  });
  const options = result.options.map((o) => `<li><b>${e(o.id)}</b>: ${e(o.label)}</li>`).join("");
  return `<section><h2>Comparison</h2><p>Options ranked by expected loss under each perspective. † over accepted settlements only, clock from the settlement; all other outcomes over all trajectories, so a refused settlement counts with the war that goes on.</p>${tables.join("")}<h3>Options</h3><ul>${options}</ul></section>`;
}

function figure(chart: Chart): string {
  const svg = renderSvg(chart.spec, { standalone: true }).replace(/ xmlns="[^"]*"/, "");
  return `<figure>${svg}<figcaption>${e(chart.spec.summary)}</figcaption></figure>`;
}

function chartsSection(data: ReportData): string {
  const r = data.result;
  const source = `guarantor ${data.version}`;
  const charts: Chart[] = [heatmapChart(r, "loss", source)];
  for (const { perspective, order } of r.ranking) {
    charts.push(survivalChart(r, perspective, order[0]?.option ?? null, source));
    if (order[0]) charts.push(statesChart(r, order[0].option, perspective, source));
  }
  return `<section><h2>Charts</h2>${charts.map(figure).join("")}</section>`;
}

function perspectivesSection(data: ReportData): string {
  const items = data.perspectives.map((p) => {
    const changed = data.assumptions.filter((a) => a.overrides.some((o) => o.perspective === p.id)).map((a) => a.parameter);
    return `<li><b>${e(p.label)}</b> (<code>${e(p.id)}</code>) — source: ${e(p.source)}.${p.description ? ` ${e(p.description)}` : ""} Changes the priors of ${changed.length ? changed.map((c) => `<code>${e(c)}</code>`).join(", ") : "no parameter"}.</li>`;
  });
  return `<section><h2>Perspectives and their sources</h2><p>Each perspective is a school of thought written as priors: the baseline priors below, with its own in place of some.</p><ul>${items.join("")}</ul></section>`;
}

function cruxRow(crux: Crux): string[] {
  const [a, b] = crux.options;
  const thresholds = crux.thresholds.map((t) => `${fixed(t.value)} (band ${fixed(t.band[0])} – ${fixed(t.band[1])})`).join("; ");
  const regions = crux.regions
    .map((region) => {
      const shares = Object.entries(region.shares).map(([p, s]) => `${e(p)} ${percent(s)}`).join(", ");
      return `${e(region.lower)} lower than ${e(region.lower === a ? b : a)} — prior mass: ${shares}`;
    })
    .join("<br>");
  return [`<code>${e(crux.parameter)}</code>`, thresholds, regions, crux.clear ? "yes" : "within the noise on one side"];
}

function cruxSection(data: ReportData): string {
  const report = data.cruxes;
  const intro = `<p>The parameters whose value flips which of the two leading options has the lower expected loss, scanned one at a time under the baseline priors, with the threshold, its uncertainty band, and each perspective's prior mass on each side (docs/ANALYSIS.md).</p>`;
  if (!report || report.cruxes.length === 0) return `<section><h2>Cruxes</h2>${intro}<p>${e(data.cruxNote.charAt(0).toUpperCase() + data.cruxNote.slice(1))}.</p></section>`;
  const size = `${report.settingsEvaluated} settings × ${report.trajectoriesPerSetting} trajectories in ${report.batches} seeded batches, ${report.parametersScanned.length} parameters scanned`;
  return `<section><h2>Cruxes: ${e(report.options.join(" vs "))}</h2>${intro}<p class="meta">A small scan: ${size}.</p>${table(["parameter", "threshold", "regions", "clear"], report.cruxes.map(cruxRow))}</section>`;
}

function conclusionsSection(data: ReportData): string {
  const r = data.conclusions;
  if (r.conclusions.length === 0 && r.skipped.length === 0) return "";
  const rows = r.conclusions.map((v) => [
    `${e(v.perspective)} <b>${e(v.id)}</b>`,
    `${e(v.says)}${v.source ? ` <span class="meta">(${e(v.source)})</span>` : ""}`,
    v.comparisons.map((c) => e(describeComparison(c))).join("<br>"),
    `${e(v.status)}${v.not_reproduced ? `<br><span class="meta">${e(v.not_reproduced)}</span>` : ""}`,
  ]);
  const skipped = r.skipped.length > 0 ? `<p class="meta">Not judged: ${r.skipped.map((x) => e(`${x.perspective} ${describeSkipped(x)}`)).join("; ")}.</p>` : "";
  return `<section><h2>The perspectives' conclusions</h2><p>The conclusions each perspective states (a school's written conclusions, the evidence perspective's findings of the record), as the scenario states them, judged on this run at ${r.z} standard errors of each difference. The standard errors here come from the estimates alone, √(SE_A² + SE_B²), larger than the paired ones of <code>guarantor conclusions</code>, so a conclusion may fail here that holds there. ${r.as_stated} of ${r.conclusions.length} came out as the scenario states.</p>${table(["perspective", "conclusion", "comparisons (difference ± SE)", "status"], rows)}${skipped}</section>`;
}

function assumptionsSection(data: ReportData): string {
  const rows = data.assumptions.map((a) => [
    `<code>${e(a.parameter)}</code>`,
    `${e(a.symbol)}: ${e(a.meaning)}`,
    e(a.prior),
    e(a.source),
    a.overrides.map((o) => `${e(o.perspective)}: ${e(o.prior)} (${e(o.source)})`).join("<br>"),
  ]);
  return `<section><h2>Assumptions</h2><p>Every parameter's prior under the baseline, its source (or <i>assumption</i>), and the perspectives that replace it. docs/MODEL.md explains each parameter.${data.lossDescription ? ` Loss: ${e(data.lossDescription)}` : ""}</p>${table(["parameter", "meaning (docs/MODEL.md section)", "baseline prior", "source", "perspectives' priors"], rows)}</section>`;
}

export function reportHtml(data: ReportData): string {
  const r = data.result;
  return [
    `<!DOCTYPE html>`,
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="guarantor ${e(data.version)}">`,
    `<title>${e(r.scenario)} — guarantor report (seed ${r.seed})</title>`,
    `<style>${REPORT_CSS}</style></head><body><main>`,
    header(data),
    summarySection(r),
    comparisonSection(r),
    chartsSection(data),
    perspectivesSection(data),
    cruxSection(data),
    conclusionsSection(data),
    assumptionsSection(data),
    `<footer><p>guarantor ${e(data.version)} · seed ${r.seed} · scenario “${e(r.scenario)}”. Reproduce with the same scenario file: <code>guarantor compare FILE --seed ${r.seed} --trajectories ${r.trajectories}</code>.</p></footer>`,
    `</main></body></html>`,
  ].join("\n");
}
