/**
 * The results of one run: the outcome table (every mean with its standard error) for a chosen
 * perspective, and the four charts, each redrawn when its selection changes.
 */
import type { EvaluationResult } from "../../src/contract/result.js";
import { api, type RunRecord } from "./api.js";
import { alignmentChart, heatmapChart, statesChart, survivalChart } from "./charts/results-charts.js";
import type { Chart } from "./charts/spec.js";
import { h } from "./dom.js";
import { renderFigure } from "./figure.js";
import { formatEstimate, OUTCOMES, outcomeLabel, outcomeNames } from "./outcomes.js";

function select(id: string, label: string, choices: { id: string; label: string }[], onChange: (value: string) => void) {
  const control = h("select", { id }, choices.map((c) => h("option", { value: c.id }, c.label)));
  control.addEventListener("change", () => onChange(control.value));
  return { element: h("label", { class: "picker" }, `${label} `, control), control };
}

function outcomeTable(result: EvaluationResult, perspective: string): HTMLElement {
  const cells = result.results.filter((r) => r.perspective === perspective);
  const names = outcomeNames(Object.keys(cells[0]?.outcomes ?? {}));
  const ranking = result.ranking.find((r) => r.perspective === perspective);
  const rankOf = (option: string) => ranking?.order.find((e) => e.option === option)?.rank;
  const head = h("tr", {}, h("th", { scope: "col" }, "outcome"), cells.map((c) => h("th", { scope: "col" }, `${c.option}${rankOf(c.option) ? ` (rank ${rankOf(c.option)})` : ""}`)));
  const rows = names.map((name) => {
    const conditional = OUTCOMES[name]?.conditionalOnAcceptance;
    return h(
      "tr",
      { "data-outcome": name },
      h("th", { scope: "row" }, outcomeLabel(name), conditional ? h("sup", { title: "over accepted settlements only" }, " †") : null),
      cells.map((c) => h("td", {}, formatEstimate(name, c.outcomes[name as keyof typeof c.outcomes]))),
    );
  });
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { id: "outcome-table", class: "outcomes" },
      h("caption", {}, `Outcomes under the ${perspective} perspective: mean ± standard error over ${cells[0]?.trajectories ?? 0} trajectories per option. † over accepted settlements only, clock from the settlement; all others over all trajectories.`),
      h("thead", {}, head),
      h("tbody", {}, rows),
    ),
  );
}

/** A figure slot that redraws its chart from the current selection. */
function slot(build: () => Chart): { element: HTMLElement; redraw: () => void } {
  const element = h("div", { class: "slot" });
  const redraw = () => element.replaceChildren(renderFigure(build()));
  redraw();
  return { element, redraw };
}

export function renderResults(container: HTMLElement, run: RunRecord): void {
  const result = run.result;
  if (!result) {
    container.replaceChildren(h("p", {}, `This run is ${run.status}${run.error ? `: ${run.error}` : ""}; it has no results.`));
    return;
  }
  let perspective = result.perspectives[0]?.id ?? "";
  let option = result.options[0]?.id ?? "";
  let outcome = "p_war_resumes_horizon" in (result.results[0]?.outcomes ?? {}) ? "p_war_resumes_horizon" : Object.keys(result.results[0]?.outcomes ?? {})[0];

  const tableSlot = h("div", {});
  const drawTable = () => tableSlot.replaceChildren(outcomeTable(result, perspective));
  const survival = slot(() => survivalChart(result, perspective));
  const states = slot(() => statesChart(result, option, perspective));
  const alignment = slot(() => alignmentChart(result, perspective));
  const heatmap = slot(() => heatmapChart(result, outcome));

  const perspectivePicker = select("result-perspective", "Perspective", result.perspectives, (v) => {
    perspective = v;
    drawTable();
    survival.redraw();
    states.redraw();
    alignment.redraw();
  });
  const optionPicker = select("result-option", "Option for the states chart", result.options, (v) => {
    option = v;
    states.redraw();
  });
  const outcomePicker = select(
    "result-outcome",
    "Outcome for the heat map",
    outcomeNames(Object.keys(result.results[0]?.outcomes ?? {})).map((n) => ({ id: n, label: outcomeLabel(n) })),
    (v) => {
      outcome = v;
      heatmap.redraw();
    },
  );
  outcomePicker.control.value = outcome;
  drawTable();

  container.replaceChildren(
    h(
      "p",
      { class: "run-meta" },
      `${result.scenario} · seed ${result.seed} · ${result.trajectories} trajectories · run ${run.id.slice(0, 8)} · guarantor ${run.programVersion} · `,
      h("a", { href: api.exportUrl(run.id, "csv"), download: "", id: "export-csv" }, "outcomes CSV"),
      " · ",
      h("a", { href: api.exportUrl(run.id, "json"), download: "", id: "export-json" }, "full JSON"),
    ),
    h("div", { class: "pickers" }, perspectivePicker.element, optionPicker.element, outcomePicker.element),
    tableSlot,
    h("div", { class: "figures" }, survival.element, states.element, alignment.element, heatmap.element),
  );
}
