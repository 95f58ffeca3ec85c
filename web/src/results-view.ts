/**
 * The results of one run: first the summary (which option has the lowest loss under each
 * perspective, by how much, and whether that is beyond its standard error), the loss formula
 * with weights that re-rank at once, the perspectives and their sources; then the outcome table
 * and the four charts, each redrawn when its selection changes.
 */
import type { EvaluationResult, OutcomeName } from "../../src/contract/result.js";
import { api, type RunRecord } from "./api.js";
import { alignmentChart, heatmapChart, statesChart, survivalChart } from "./charts/results-charts.js";
import type { Chart } from "./charts/spec.js";
import { h, scrollBox } from "./dom.js";
import { renderFigure } from "./figure.js";
import { perspectivesSection } from "./perspectives-view.js";
import { reportButton } from "./report-button.js";
import { helpText } from "./help.js";
import { formatEstimate, OUTCOMES, outcomeLabel, outcomeNames } from "./outcomes.js";
import { lossFormula, sameWeights, summarise, weightableOutcomes, type Verdict, type Weights } from "./summary.js";

function select(id: string, label: string, choices: { id: string; label: string }[], onChange: (value: string) => void) {
  const control = h("select", { id }, choices.map((c) => h("option", { value: c.id }, c.label)));
  control.addEventListener("change", () => onChange(control.value));
  return { element: h("label", { class: "picker" }, `${label} `, control), control };
}

const loss3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "—");

function verdictRow(v: Verdict, labelOf: (id: string) => string): HTMLElement {
  const [best, next] = v.order;
  const leadText = v.lead === null ? "only one option" : `${loss3(v.lead)} lower than ${next!.option}`;
  const verdict =
    v.clear === null ? (v.lead === null ? "—" : "SE unavailable (weights edited)")
    : v.clear ? `yes: ${loss3(v.lead!)} > ${loss3(v.bound!)}`
    : `no: ${loss3(v.lead!)} ≤ ${loss3(v.bound!)} — too close to call`;
  return h(
    "tr",
    { "data-perspective": v.perspective, "data-best": best?.option ?? "", "data-clear": v.clear === null ? "unknown" : String(v.clear) },
    h("th", { scope: "row" }, v.perspective),
    h("td", {}, h("strong", { title: best ? labelOf(best.option) : "" }, best?.option ?? "—")),
    h("td", {}, best ? `${loss3(best.loss)}${best.se !== null ? ` ± ${loss3(best.se)}` : ""}` : "—"),
    h("td", {}, leadText),
    h("td", { class: v.clear === false ? "unclear" : "" }, verdict),
  );
}

function summaryTable(result: EvaluationResult, weights: Weights): HTMLElement {
  const verdicts = summarise(result, weights);
  const labelOf = (id: string) => result.options.find((o) => o.id === id)?.label ?? id;
  const edited = !sameWeights(weights, result.loss_weights);
  const sentences = verdicts.map((v) =>
    v.order[0] ? `Under ${v.perspective}, ${v.order[0].option} has the lowest loss${v.clear === true ? ", by more than its standard error" : v.clear === false ? ", but not by more than its standard error" : ""}.` : "",
  );
  return h(
    "div",
    { id: "summary" },
    h("p", { class: "lead-text" }, sentences.join(" ")),
    scrollBox(
      h(
        "table",
        { id: "summary-table", class: "outcomes" },
        h("caption", {}, `Lowest expected loss under each perspective${edited ? " (your weights; re-ranked from the outcome means, standard errors unavailable)" : ""}. Lower is better.`),
        h("thead", {}, h("tr", {}, ["perspective", "lowest loss", "its loss", "lead over the next", "lead > SE₁ + SE₂?"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, verdicts.map((v) => verdictRow(v, labelOf))),
      ),
      "Summary of the comparison",
    ),
    helpText("summary", "How is “larger than its standard error” decided?"),
  );
}

function weightsEditor(result: EvaluationResult, onChange: (weights: Weights) => void): HTMLElement {
  const names = weightableOutcomes(result);
  const formula = h("p", { id: "loss-formula", class: "formula" }, lossFormula(result.loss_weights));
  const inputs = names.map((name) =>
    h("input", { type: "number", step: "any", id: `weight-${name}`, "data-outcome": name, value: String(result.loss_weights[name] ?? 0), "aria-describedby": "loss-formula" }),
  );
  const read = (): Weights => Object.fromEntries(inputs.map((i) => [i.dataset.outcome as OutcomeName, Number(i.value) || 0]).filter(([, w]) => w !== 0));
  const changed = () => {
    const weights = read();
    formula.textContent = `${lossFormula(weights)}${sameWeights(weights, result.loss_weights) ? "" : " (edited)"}`;
    onChange(weights);
  };
  for (const input of inputs) input.addEventListener("input", changed);
  const reset = h("button", { type: "button", id: "weights-reset" }, "Reset to the scenario's weights");
  reset.addEventListener("click", () => {
    inputs.forEach((i) => (i.value = String(result.loss_weights[i.dataset.outcome as OutcomeName] ?? 0)));
    changed();
  });
  return h(
    "details",
    { class: "weights", open: true },
    h("summary", {}, "Loss formula and weights"),
    formula,
    h(
      "div",
      { class: "weight-grid" },
      names.map((name, i) => h("label", { class: "weight" }, h("span", {}, outcomeLabel(name), " ", h("code", {}, name)), inputs[i])),
    ),
    reset,
    helpText("weights", "Why can the ranking change without simulating again?"),
  );
}

/** The outcome table, options as columns (wide screens) or as rows (narrow ones, where columns would not fit). */
function outcomeTable(result: EvaluationResult, perspective: string, ranks: Map<string, number>, optionsAsRows: boolean): HTMLElement {
  const cells = result.results.filter((r) => r.perspective === perspective);
  const names = outcomeNames(Object.keys(cells[0]?.outcomes ?? {}));
  const optionHead = (option: string) => `${option}${ranks.has(option) ? ` (rank ${ranks.get(option)})` : ""}`;
  const outcomeHead = (name: string) => [outcomeLabel(name), OUTCOMES[name]?.conditionalOnAcceptance ? h("sup", { title: "over accepted settlements only" }, " †") : null];
  const value = (c: (typeof cells)[number], name: string) => formatEstimate(name, c.outcomes[name as keyof typeof c.outcomes]);
  const [head, rows] = optionsAsRows
    ? [
      h("tr", {}, h("th", { scope: "col" }, "option"), names.map((n) => h("th", { scope: "col", "data-outcome": n }, outcomeHead(n)))),
      cells.map((c) => h("tr", { "data-option": c.option }, h("th", { scope: "row" }, optionHead(c.option)), names.map((n) => h("td", {}, value(c, n))))),
    ]
    : [
      h("tr", {}, h("th", { scope: "col" }, "outcome"), cells.map((c) => h("th", { scope: "col" }, optionHead(c.option)))),
      names.map((n) => h("tr", { "data-outcome": n }, h("th", { scope: "row" }, outcomeHead(n)), cells.map((c) => h("td", {}, value(c, n))))),
    ];
  return scrollBox(
    h(
      "table",
      { id: "outcome-table", class: `outcomes ${optionsAsRows ? "options-as-rows" : "options-as-columns"}` },
      h("caption", {}, `Outcomes under the ${perspective} perspective: mean ± standard error over ${cells[0]?.trajectories ?? 0} trajectories per option. † over accepted settlements only, clock from the settlement; all others over all trajectories.`),
      h("thead", {}, head),
      h("tbody", {}, rows),
    ),
    `Outcomes under ${perspective}`,
  );
}

/** A figure slot that redraws its chart from the current selection. */
function slot(build: () => Chart, help?: HTMLElement): { element: HTMLElement; redraw: () => void } {
  const element = h("div", { class: "slot" });
  const redraw = () => {
    const figure = renderFigure(build());
    if (help) figure.querySelector("figcaption")?.after(help);
    element.replaceChildren(figure);
  };
  redraw();
  return { element, redraw };
}

/** Options read as rows on screens too narrow for a column per option. */
const NARROW = "(max-width: 720px)";

export function renderResults(container: HTMLElement, run: RunRecord): void {
  const result = run.result;
  if (!result) {
    container.replaceChildren(h("p", {}, `This run is ${run.status}${run.error ? `: ${run.error}` : ""}; it has no results.`));
    return;
  }
  const source = `guarantor ${run.programVersion}, run ${run.id.slice(0, 8)}`;
  let perspective = result.perspectives[0]?.id ?? "";
  let option = result.options[0]?.id ?? "";
  const present = Object.keys(result.results[0]?.outcomes ?? {});
  // the loss is what options are ranked by: a probability conditional on acceptance would hide refusals
  let outcome = present.includes("loss") ? "loss" : present[0];
  let weights: Weights = { ...result.loss_weights };
  let optionsAsRows = window.matchMedia(NARROW).matches;

  const ranksUnder = (p: string) => new Map(summarise(result, weights).find((v) => v.perspective === p)?.order.map((o, i) => [o.option, i + 1] as const) ?? []);
  const summarySlot = h("div", {});
  const tableSlot = h("div", {});
  const drawSummary = () => summarySlot.replaceChildren(summaryTable(result, weights));
  const drawTable = () => tableSlot.replaceChildren(outcomeTable(result, perspective, ranksUnder(perspective), optionsAsRows));
  const survival = slot(() => survivalChart(result, perspective, option, source), helpText("survival"));
  const states = slot(() => statesChart(result, option, perspective, source));
  const alignment = slot(() => alignmentChart(result, perspective, source));
  const heatmap = slot(() => heatmapChart(result, outcome, source), helpText("heatmap", "How to read the shades"));

  const perspectivePicker = select("result-perspective", "Perspective", result.perspectives, (v) => {
    perspective = v;
    drawTable();
    survival.redraw();
    states.redraw();
    alignment.redraw();
  });
  const optionPicker = select("result-option", "Option (highlighted in survival; states chart)", result.options, (v) => {
    option = v;
    survival.redraw();
    states.redraw();
  });
  const outcomePicker = select("result-outcome", "Outcome for the heat map", outcomeNames(present).map((n) => ({ id: n, label: outcomeLabel(n) })), (v) => {
    outcome = v;
    heatmap.redraw();
  });
  outcomePicker.control.value = outcome;
  const orientation = select("table-orientation", "Options as", [{ id: "columns", label: "columns" }, { id: "rows", label: "rows" }], (v) => {
    optionsAsRows = v === "rows";
    drawTable();
  });
  orientation.control.value = optionsAsRows ? "rows" : "columns";
  drawSummary();
  drawTable();
  const weightsPanel = weightsEditor(result, (w) => {
    weights = w;
    drawSummary();
    drawTable();
  });

  container.replaceChildren(
    h(
      "p",
      { class: "run-meta" },
      `${result.scenario} · seed ${result.seed} · ${result.trajectories} trajectories · run ${run.id.slice(0, 8)} · guarantor ${run.programVersion} · `,
      h("a", { href: api.exportUrl(run.id, "csv"), download: "", id: "export-csv" }, "outcomes CSV"),
      " · ",
      h("a", { href: api.exportUrl(run.id, "json"), download: "", id: "export-json" }, "full JSON"),
      " · ",
      reportButton(run.id),
      " · on this run's scenario: ",
      h("a", { href: `/analysis.html?run=${encodeURIComponent(run.id)}`, id: "run-analysis-link" }, "sensitivity and cruxes"),
      ", ",
      h("a", { href: `/evidence.html?run=${encodeURIComponent(run.id)}`, id: "run-evidence-link" }, "backtest"),
    ),
    h("h3", {}, "Summary"),
    summarySlot,
    weightsPanel,
    perspectivesSection(result, api.validate(run.scenarioText).then((v) => (v.valid ? v.scenario : null))),
    h("h3", {}, "Outcomes"),
    h("div", { class: "pickers" }, perspectivePicker.element, optionPicker.element, outcomePicker.element, orientation.element),
    tableSlot,
    helpText("se", "What does ± mean?"),
    h("div", { class: "figures" }, survival.element, states.element, alignment.element, heatmap.element),
  );
}
