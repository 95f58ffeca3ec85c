/**
 * The sensitivity and cruxes page: starts analyses of the bundled scenario as jobs, follows
 * their progress over server-sent events, and draws the tornado, Sobol and crux-map charts with
 * the threshold table. A thin shell over /api/analyses.
 */
import "./style.css";
import type { CruxReport } from "../../src/analysis/index.js";
import type { AnalysisJob } from "../../src/server/analysis-jobs.js";
import { api, getJson, postJson, watchEvents } from "./api.js";
import { cruxMapChart, sobolChart, tornadoChart } from "./charts/analysis-charts.js";
import { byId, h } from "./dom.js";
import { renderFigure } from "./figure.js";
import { OUTCOMES, outcomeLabel, outcomeNames } from "./outcomes.js";

const OUTCOME_CHOICES = outcomeNames(Object.keys(OUTCOMES));
let scenario = "";
const value = (id: string) => byId<HTMLSelectElement | HTMLInputElement>(id).value;
const int = (id: string) => Number(value(id));

function fill(select: HTMLSelectElement, choices: { id: string; label: string }[], selected?: string): void {
  select.replaceChildren(...choices.map((c) => h("option", { value: c.id, selected: c.id === selected }, c.label)));
}

/** Starts a job, follows it on a progress bar, and returns its result (or throws with the server's message). */
async function runJob<T>(path: string, body: object, bar: string, status: string): Promise<T> {
  const progress = byId<HTMLProgressElement>(bar);
  const say = (text: string) => (byId(status).textContent = text);
  progress.value = 0;
  say("Starting…");
  const job = await postJson<{ id: string }>(path, body);
  const base = `/api/analyses/${encodeURIComponent(job.id)}`;
  const end = await watchEvents(base, (p) => {
    const share = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
    progress.value = share;
    say(`${share} % (${p.done} of ${p.total} steps)`);
  });
  if (end.status !== "finished") throw new Error(end.error ?? `the analysis ${end.status}`);
  const done = await getJson<AnalysisJob>(base);
  progress.value = 100;
  say("100 % — done");
  return done.result as T;
}

async function sensitivity(method: "morris" | "sobol"): Promise<void> {
  const versus = value("s-versus");
  const buttons = [byId<HTMLButtonElement>("run-morris"), byId<HTMLButtonElement>("run-sobol")];
  buttons.forEach((b) => (b.disabled = true));
  try {
    const result = await runJob<{ report: Parameters<typeof tornadoChart>[0] }>(
      "/api/analyses/sensitivity",
      {
        scenario, method, outcome: value("s-outcome"), option: value("s-option"), ...(versus ? { versus } : {}),
        perspective: value("s-perspective"), trajectories: int("s-trajectories"), morrisTrajectories: int("s-morris"), baseSamples: int("s-sobol"),
      },
      "s-progress", "s-status",
    );
    const chart = method === "morris" ? tornadoChart(result.report) : sobolChart(result.report);
    byId(`sensitivity-figures`).querySelector(`#figure-${chart.spec.id}`)?.parentElement?.remove();
    byId("sensitivity-figures").append(h("div", { class: "slot" }, renderFigure(chart)));
  } catch (e) {
    byId("s-status").textContent = (e as Error).message;
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
      h("th", { scope: "row" }, c.parameter),
      h("td", {}, `${c.options[0]} vs ${c.options[1]}`),
      h("td", {}, c.thresholds.map((t) => `${f(t.value)} (${f(t.band[0])}–${f(t.band[1])})`).join("; ") || "—"),
      h("td", {}, c.regions.map((r) => `${span(r.from, r.to)}: ${r.lower}`).join("; ")),
      h("td", {}, f(c.swing)),
      h("td", {}, c.clear ? "yes" : "no"),
    ),
  );
  return h(
    "table",
    { id: "crux-thresholds", class: "outcomes" },
    h("caption", {}, `Thresholds where the option with the lower ${report.outcomes.join(", ")} changes, under the ${report.perspective} priors: ${report.cruxes.length} found among ${report.parametersScanned.length} parameters (${report.settingsEvaluated} settings of ${report.trajectoriesPerSetting} trajectories). Clear: beyond 1.96 standard errors on both sides.`),
    h("thead", {}, h("tr", {}, ["parameter", "options", "threshold (band)", "lower option by region", "swing", "clear"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows.length > 0 ? rows : h("tr", {}, h("td", { colspan: 6 }, "No parameter changes the order of these options over its prior range."))),
  );
}

async function cruxes(): Promise<void> {
  const button = byId<HTMLButtonElement>("run-cruxes");
  button.disabled = true;
  const options = [...byId<HTMLSelectElement>("c-options").selectedOptions].map((o) => o.value);
  try {
    const result = await runJob<{ report: CruxReport; map: Parameters<typeof cruxMapChart>[0] | null; mapNote: string | null }>(
      "/api/analyses/cruxes",
      { scenario, outcome: value("c-outcome"), ...(options.length >= 2 ? { options } : {}), trajectories: int("s-trajectories"), gridPoints: int("c-grid"), mapResolution: int("c-resolution") },
      "c-progress", "c-status",
    );
    byId("crux-table").replaceChildren(thresholdTable(result.report));
    byId("crux-figures").replaceChildren(result.map ? renderFigure(cruxMapChart(result.map)) : h("p", { class: "note" }, `No map: ${result.mapNote}.`));
  } catch (e) {
    byId("c-status").textContent = (e as Error).message;
  } finally {
    button.disabled = false;
  }
}

async function start(): Promise<void> {
  try {
    scenario = (await api.defaultScenario()).text;
    const checked = await api.validate(scenario);
    if (!checked.valid) throw new Error(`the bundled scenario has ${checked.problems.length} problem(s)`);
    const { options, perspectives, name } = checked.scenario;
    const outcomes = OUTCOME_CHOICES.map((n) => ({ id: n, label: outcomeLabel(n) }));
    fill(byId("s-outcome"), outcomes, "loss");
    fill(byId("c-outcome"), outcomes, "loss");
    fill(byId("s-option"), options, options[1]?.id);
    fill(byId("s-versus"), [{ id: "", label: "(none: the outcome itself)" }, ...options], options[0]?.id);
    fill(byId("s-perspective"), [{ id: "baseline", label: "baseline (the scenario's own priors)" }, ...perspectives.filter((p) => p.id !== "baseline")]);
    const picker = byId<HTMLSelectElement>("c-options");
    fill(picker, options);
    [...picker.options].slice(0, 3).forEach((o) => (o.selected = true));
    byId("scenario-status").textContent = `Scenario: ${name} (${options.length} options). Crux analysis compares the options selected (default: the first three).`;
    for (const id of ["run-morris", "run-sobol", "run-cruxes"]) byId<HTMLButtonElement>(id).disabled = false;
  } catch (e) {
    byId("scenario-status").textContent = `Could not load the bundled scenario: ${(e as Error).message}`;
  }
}

byId("run-morris").addEventListener("click", () => void sensitivity("morris"));
byId("run-sobol").addEventListener("click", () => void sensitivity("sobol"));
byId("run-cruxes").addEventListener("click", () => void cruxes());
void start();
