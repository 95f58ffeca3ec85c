/**
 * The sensitivity and cruxes page: starts analyses of the scenario in the editor (or a stored run's,
 * or the bundled one) as jobs, follows their progress over server-sent events, and draws the tornado, Sobol and
 * crux-map charts with the threshold table. A thin shell over /api/analyses.
 */
import "./style.css";
import type { AnalysisResult, CruxReport } from "../../src/contract/analysis.js";
import type { AnalysisJobView } from "../../src/contract/api.js";
import { sobolResultNote, sobolSizeWarning } from "./analysis-advice.js";
import { alreadyEnded, api, getJson, postJson, watchEvents } from "./api.js";
import { cruxMapChart, sobolChart, tornadoChart } from "./charts/analysis-charts.js";
import { byId, h, parameterElement, scrollBox } from "./dom.js";
import { renderFigure } from "./figure.js";
import { helpText } from "./help.js";
import { OUTCOMES, outcomeLabel, outcomeNames } from "./outcomes.js";
import { loadChosenScenario, setUpScenarioChoice } from "./scenario-choice.js";
import { whatIfPanel } from "./what-if.js";

const OUTCOME_CHOICES = outcomeNames(Object.keys(OUTCOMES));
const SEED = 1;
let scenario = "";
let scenarioName = "";
const value = (id: string) => byId<HTMLSelectElement | HTMLInputElement>(id).value;
const int = (id: string) => Number(value(id));
const source = () => `guarantor analysis (seed ${SEED})`;

function fill(select: HTMLSelectElement, choices: { id: string; label: string }[], selected?: string): void {
  select.replaceChildren(...choices.map((c) => h("option", { value: c.id, selected: c.id === selected }, c.label)));
}

/** An analysis stopped by its Cancel button. */
class Cancelled extends Error {
  constructor() {
    super("the analysis was cancelled");
  }
}

/** What a failed or cancelled analysis leaves in its status line. */
const endMessage = (e: unknown) => (e instanceof Cancelled ? "Cancelled: the analysis was stopped, no result." : `The analysis failed: ${(e as Error).message}`);

/**
 * Starts a job, follows it on a progress bar with a Cancel button beside it, and returns its
 * result (or throws with the server's message, or Cancelled).
 */
async function runJob<T extends AnalysisResult>(path: string, body: object, bar: string, status: string, cancelButton: string): Promise<T> {
  const progress = byId<HTMLProgressElement>(bar);
  const cancel = byId<HTMLButtonElement>(cancelButton);
  const say = (text: string) => (byId(status).textContent = text);
  progress.value = 0;
  say("Starting…");
  const job = await postJson<{ id: string }>(path, body);
  const base = `/api/analyses/${encodeURIComponent(job.id)}`;
  let cancelling = false;
  const onCancel = () => {
    cancelling = true;
    cancel.disabled = true;
    say("Cancelling…");
    api.cancelAnalysis(job.id).catch((e: Error) => {
      cancelling = false;
      if (alreadyEnded(e)) return;
      cancel.disabled = false;
      say(`The analysis could not be cancelled: ${e.message}`);
    });
  };
  cancel.addEventListener("click", onCancel);
  cancel.hidden = false;
  cancel.disabled = false;
  const end = await watchEvents(base, (p) => {
    if (cancelling) return;
    // before the first step the job may not know its size yet: no "0 of 0"
    if (p.total <= 0) return say("Preparing…");
    const share = Math.round((100 * p.done) / p.total);
    progress.value = share;
    say(`${share} % (${p.done} of ${p.total} steps)`);
  });
  cancel.removeEventListener("click", onCancel);
  cancel.hidden = true;
  if (end.status === "cancelled") {
    progress.value = 0;
    throw new Cancelled();
  }
  if (end.status !== "finished") throw new Error(end.error ?? `the analysis ${end.status}`);
  const done = await getJson<AnalysisJobView>(base);
  progress.value = 100;
  say("100 % — done");
  return done.result as T;
}

/**
 * A result on screen belongs to the inputs it was computed with: when one changes, the results it
 * fed go (`only` names, per input id, the figures that input feeds; any other input clears all).
 */
function clearOnChange(form: string, targets: string[], status: string, only: Record<string, string> = {}): void {
  byId(form).addEventListener("change", (event) => {
    const input = (event.target as HTMLElement).id;
    const stale = input in only ? [byId(form).parentElement?.querySelector(`#${only[input]}`)?.closest(".slot")].filter((e): e is Element => !!e) : targets.flatMap((t) => [...byId(t).children]);
    if (stale.length === 0) return;
    stale.forEach((e) => e.remove());
    byId(status).textContent = "Inputs changed: the result computed with the previous ones was cleared; run again.";
  });
}

function sobolAdvice(): void {
  byId("s-sobol-warning").textContent = sobolSizeWarning(int("s-sobol"));
}

async function sensitivity(method: "morris" | "sobol"): Promise<void> {
  const versus = value("s-versus");
  const buttons = [byId<HTMLButtonElement>("run-morris"), byId<HTMLButtonElement>("run-sobol")];
  buttons.forEach((b) => (b.disabled = true));
  const figures = byId("sensitivity-figures");
  figures.querySelector(`#figure-${method === "morris" ? "tornado" : "sobol"}`)?.parentElement?.remove();
  try {
    const result = await runJob<Extract<AnalysisResult, { kind: "sensitivity" }>>(
      "/api/analyses/sensitivity",
      {
        scenario, method, seed: SEED, outcome: value("s-outcome"), option: value("s-option"), ...(versus ? { versus } : {}),
        perspective: value("s-perspective"), trajectories: int("s-trajectories"), morrisTrajectories: int("s-morris"), baseSamples: int("s-sobol"),
      },
      "s-progress", "s-status", "s-cancel",
    );
    const chart = method === "morris" ? tornadoChart(result.report, scenarioName, source()) : sobolChart(result.report, scenarioName, source());
    const figure = renderFigure(chart);
    figure.querySelector("figcaption")?.after(helpText(method, method === "morris" ? "What are μ*, μ and σ?" : "What are Sobol indices?"));
    if (method === "sobol") {
      const note = sobolResultNote(result.report, int("s-sobol"));
      if (note) figure.querySelector("figcaption")?.before(h("p", { class: "note", id: "sobol-too-small" }, note));
    }
    figures.append(h("div", { class: "slot" }, figure));
  } catch (e) {
    byId("s-status").textContent = endMessage(e);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

function thresholdTable(report: CruxReport): HTMLElement {
  const f = (x: number | null) => (typeof x === "number" && Number.isFinite(x) ? String(Number(x.toPrecision(3))) : "—");
  // an open end of a region is ±∞, which JSON carries as null
  const span = (from: number | null, to: number | null) =>
    from === null || from === -Infinity ? `below ${f(to)}` : to === null || to === Infinity ? `above ${f(from)}` : `${f(from)}–${f(to)}`;
  const rows = report.cruxes.map((c) =>
    h(
      "tr",
      {},
      h("th", { scope: "row", class: "parameter" }, parameterElement(c.parameter)),
      h("td", {}, `${c.options[0]} vs ${c.options[1]}`),
      h("td", {}, c.thresholds.map((t) => `${f(t.value)} (${f(t.band[0])}–${f(t.band[1])})`).join("; ") || "—"),
      h("td", { class: "regions" }, c.regions.map((r) => `${span(r.from, r.to)}: ${r.lower}`).join("; ")),
      h("td", {}, f(c.swing)),
      h("td", {}, c.clear ? "yes" : "no"),
    ),
  );
  return scrollBox(
    h(
      "table",
      { id: "crux-thresholds", class: "outcomes wrap" },
      h("caption", {}, `Thresholds where the option with the lower ${report.outcomes.join(", ")} changes, under the ${report.perspective} priors: ${report.cruxes.length} found among ${report.parametersScanned.length} parameters (${report.settingsEvaluated} settings of ${report.trajectoriesPerSetting} trajectories). Clear: beyond 1.96 standard errors on both sides.`),
      h("thead", {}, h("tr", {}, ["parameter", "options", "threshold (band)", "lower option by region", "swing", "clear"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.length > 0 ? rows : h("tr", {}, h("td", { colspan: 6 }, "No parameter changes the order of these options over its prior range."))),
    ),
    "Crux thresholds",
  );
}

async function cruxes(): Promise<void> {
  const button = byId<HTMLButtonElement>("run-cruxes");
  button.disabled = true;
  const options = [...byId<HTMLSelectElement>("c-options").selectedOptions].map((o) => o.value);
  byId("crux-table").replaceChildren();
  byId("crux-figures").replaceChildren();
  try {
    const result = await runJob<Extract<AnalysisResult, { kind: "cruxes" }>>(
      "/api/analyses/cruxes",
      {
        scenario, seed: SEED, outcome: value("c-outcome"), perspective: value("c-perspective"), ...(options.length >= 2 ? { options } : {}),
        trajectories: int("s-trajectories"), gridPoints: int("c-grid"), mapResolution: int("c-resolution"),
      },
      "c-progress", "c-status", "c-cancel",
    );
    byId("crux-table").replaceChildren(thresholdTable(result.report), helpText("cruxes", "What is a crux?"), whatIfPanel({ scenario, report: result.report, seed: SEED }));
    byId("crux-figures").replaceChildren(result.map ? renderFigure(cruxMapChart(result.map, scenarioName, source())) : h("p", { class: "note" }, `No map: ${result.mapNote}.`));
  } catch (e) {
    byId("c-status").textContent = endMessage(e);
  } finally {
    button.disabled = false;
  }
}

/** Loads the chosen scenario (editor, stored run or bundled) and fills the pickers with its options and perspectives. */
async function chooseScenario(which: string): Promise<void> {
  const chosen = await loadChosenScenario(which);
  scenario = chosen.text;
  scenarioName = chosen.summary.name;
  const { options, perspectives, name } = chosen.summary;
  fill(byId("s-option"), options, options[1]?.id);
  fill(byId("s-versus"), [{ id: "", label: "(none: the outcome itself)" }, ...options], options[0]?.id);
  const perspectiveChoices = [{ id: "baseline", label: "baseline (the scenario's own priors)" }, ...perspectives.filter((p) => p.id !== "baseline")];
  fill(byId("s-perspective"), perspectiveChoices);
  fill(byId("c-perspective"), perspectiveChoices);
  const picker = byId<HTMLSelectElement>("c-options");
  fill(picker, options);
  [...picker.options].slice(0, 3).forEach((o) => (o.selected = true));
  byId("scenario-status").textContent = `Working on ${chosen.origin}: ${name} (${options.length} options, ${perspectives.length} perspectives). Crux analysis compares the options selected (default: the first three).`;
}

async function start(which: string): Promise<void> {
  const buttons = ["run-morris", "run-sobol", "run-cruxes"].map((id) => byId<HTMLButtonElement>(id));
  buttons.forEach((b) => (b.disabled = true));
  ["sensitivity-figures", "crux-table", "crux-figures"].forEach((id) => byId(id).replaceChildren());
  try {
    await chooseScenario(which);
    buttons.forEach((b) => (b.disabled = false));
  } catch (e) {
    byId("scenario-status").textContent = `Could not load the scenario: ${(e as Error).message}`;
  }
}

const outcomes = OUTCOME_CHOICES.map((n) => ({ id: n, label: outcomeLabel(n) }));
fill(byId("s-outcome"), outcomes, "loss");
fill(byId("c-outcome"), outcomes, "loss");
const scenarioChoice = byId<HTMLSelectElement>("scenario-choice");
setUpScenarioChoice(scenarioChoice);
scenarioChoice.addEventListener("change", () => void start(scenarioChoice.value));
byId("s-sobol").addEventListener("input", sobolAdvice);
sobolAdvice();
clearOnChange("sensitivity-form", ["sensitivity-figures"], "s-status", { "s-morris": "figure-tornado", "s-sobol": "figure-sobol" });
clearOnChange("cruxes-form", ["crux-table", "crux-figures"], "c-status");
byId("run-morris").addEventListener("click", () => void sensitivity("morris"));
byId("run-sobol").addEventListener("click", () => void sensitivity("sobol"));
byId("run-cruxes").addEventListener("click", () => void cruxes());
void start(scenarioChoice.value);
