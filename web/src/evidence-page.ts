/**
 * The evidence page: Kaplan–Meier survival of peace by group for the bundled historical cases,
 * and the backtest's scores and reliability diagram, the simulator's forecasts made with the model
 * of the scenario in the editor (or a stored run's, or the bundled one). A thin shell over
 * /api/evidence/*.
 */
import "./style.css";
import type { BacktestAnswer, DurationDependence, SurvivalByGroup } from "../../src/contract/evidence.js";
import { getJson, postJson } from "./api.js";
import { mountCalibrationFit } from "./calibration-fit.js";
import { mountCaseLibrary } from "./case-library.js";
import { kaplanMeierChart, reliabilityChart } from "./charts/evidence-charts.js";
import { byId, h, scrollBox } from "./dom.js";
import { renderFigure } from "./figure.js";
import { helpText } from "./help.js";
import { loadChosenScenario, setUpScenarioChoice } from "./scenario-choice.js";

const kmData = byId<HTMLSelectElement>("km-data");
const kmBy = byId<HTMLSelectElement>("km-by");
const kmWhere = byId<HTMLSelectElement>("km-where");
const kmStatus = byId("km-status");
const kmDuration = byId("km-duration");

/** The duration dependence of the cases shown, in a sentence (docs/EVIDENCE.md §7.2). */
function describeDuration(d: DurationDependence | undefined): string {
  if (!d) return "No war among these cases: the duration dependence of their hazard cannot be fitted.";
  const range = (r: [number, number] | undefined, digits: number) => (r ? ` (95 %: ${r[0].toFixed(digits)}–${r[1].toFixed(digits)})` : "");
  const fitted =
    `Duration dependence over these ${d.n} cases (${d.events} wars), h(t) = h0·(ψ + (1 − ψ)e^(−t/T_D)) by maximum likelihood: ` +
    `the hazard starts at h0 = ${d.baseHazardPerYear.toFixed(3)} wars a year and falls to ψ = ${d.floor.toFixed(4)}${range(d.intervals?.floor, 4)} of it, ` +
    `with time constant T_D = ${d.decayMonths.toFixed(1)} months${range(d.intervals?.decayMonths, 1)}.`;
  return d.intervals ? fitted : `${fitted} The likelihood is largest at an edge of the search box, so no interval is given.`;
}

function fillCovariates(answer: SurvivalByGroup): void {
  const names = answer.covariates;
  if ([...kmBy.options].map((o) => o.value).join() === names.join()) return;
  kmBy.replaceChildren(...names.map((n) => h("option", { value: n }, n)));
  kmBy.value = answer.by;
  kmWhere.replaceChildren(h("option", { value: "" }, "all cases"), ...names.flatMap((n) => [0, 1].map((v) => h("option", { value: `${n}=${v}` }, `${n} = ${v}`))));
}

async function drawSurvival(): Promise<void> {
  const params = new URLSearchParams({ data: kmData.value });
  if (kmBy.value) params.set("by", kmBy.value);
  if (kmWhere.value) params.set("where", kmWhere.value);
  kmStatus.textContent = "Loading…";
  try {
    const answer = await getJson<SurvivalByGroup>(`/api/evidence/survival?${params}`);
    fillCovariates(answer);
    const figure = renderFigure(kaplanMeierChart(answer));
    figure.querySelector("figcaption")?.after(helpText("kaplanMeier", "What is a Kaplan–Meier curve?"));
    byId("km-figure").replaceChildren(figure);
    kmStatus.textContent = `${answer.title}: ${answer.curves.reduce((s, c) => s + c.n, 0)} cases.`;
    kmDuration.textContent = describeDuration(answer.duration);
  } catch (e) {
    kmStatus.textContent = (e as Error).message;
  }
}

kmData.addEventListener("change", () => {
  kmBy.replaceChildren();
  kmWhere.replaceChildren();
  void drawSurvival();
});
kmBy.addEventListener("change", () => void drawSurvival());
kmWhere.addEventListener("change", () => void drawSurvival());

const btStatus = byId("bt-status");

function scoreTable(answer: BacktestAnswer): HTMLElement {
  return scrollBox(scoreTableOf(answer), "Backtest scores");
}

function scoreTableOf(answer: BacktestAnswer): HTMLElement {
  const head = ["predictor", "Brier ± SE", "reliability", "resolution", "uncertainty", "skill vs base rate", "Δ vs base rate ± SE"];
  const f = (x: number, d = 4) => x.toFixed(d);
  const labels = new Map(answer.predictors.map((p) => [p.id, p.label]));
  return h(
    "table",
    { id: "bt-scores", class: "outcomes" },
    h("caption", {}, `P(war resumes within ${answer.horizon.years} years): ${answer.horizon.n} test cases with a known outcome (${answer.horizon.events} wars), ${answer.horizon.censoredBefore} censored earlier and left out. Lower Brier is better; Δ < 0 is better than the base rate case by case.`),
    h("thead", {}, h("tr", {}, head.map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      {},
      answer.horizon.scores.map((s) =>
        h(
          "tr",
          {},
          h("th", { scope: "row", title: labels.get(s.predictor) ?? "" }, s.predictor),
          h("td", {}, `${f(s.score.brier)} ± ${f(s.score.brierStdErr)}`),
          h("td", {}, f(s.score.reliability)),
          h("td", {}, f(s.score.resolution)),
          h("td", {}, f(s.score.uncertainty)),
          h("td", {}, f(s.score.skillVersusBaseRate, 3)),
          h("td", {}, `${f(s.differenceVsReference.mean)} ± ${f(s.differenceVsReference.stdErr)}`),
        ),
      ),
    ),
  );
}

/** the scenario whose model the simulator's forecasts use; null until chosen */
let scenario: { text: string; name: string } | null = null;
/** answers arrive out of order when inputs change quickly: only the latest request may draw */
let latest = 0;

/** The model's priors as the API takes them (docs/EVIDENCE.md §4): the cease-fire choices only for cease-fires. */
const PRIOR_CHOICES: Record<string, { evidencePriors?: string; ceasefireSpoilers?: string }> = {
  registry: {},
  refit: { ceasefireSpoilers: "refit" },
  interstate: { ceasefireSpoilers: "interstate" },
  uncalibrated: { evidencePriors: "uncalibrated" },
};

/** The inter-state dyads have no cease-fire spoiler rate to choose: those choices are disabled (and left) for them. */
function syncPriorChoices(): void {
  const ceasefires = byId<HTMLSelectElement>("bt-data").value === "ceasefires";
  const priors = byId<HTMLSelectElement>("bt-priors");
  for (const option of Array.from(priors.options)) if (option.hasAttribute("data-ceasefires")) option.disabled = !ceasefires;
  if (priors.selectedOptions[0]?.disabled) priors.value = "registry";
}

async function drawBacktest(): Promise<void> {
  if (!scenario) return;
  const request = ++latest;
  syncPriorChoices();
  const body = {
    scenario: scenario.text,
    data: byId<HTMLSelectElement>("bt-data").value,
    scheme: byId<HTMLSelectElement>("bt-scheme").value,
    horizon: Number(byId<HTMLSelectElement>("bt-horizon").value),
    ...PRIOR_CHOICES[byId<HTMLSelectElement>("bt-priors").value],
  };
  // the previous answer belongs to other inputs: it goes now, not when the new one arrives
  ["bt-note", "bt-table", "bt-figure"].forEach((id) => byId(id).replaceChildren());
  btStatus.textContent = `Scoring (the simulator on ${scenario.name}; a few seconds the first time)…`;
  try {
    const answer = await postJson<BacktestAnswer>("/api/evidence/backtest", body);
    if (request !== latest) return;
    byId("bt-note").textContent = answer.note;
    byId("bt-table").replaceChildren(scoreTable(answer), helpText("brier", "What are the Brier score, reliability and resolution?"));
    const figure = renderFigure(reliabilityChart(answer));
    figure.querySelector("figcaption")?.after(helpText("reliability", "How to read the reliability diagram"));
    byId("bt-figure").replaceChildren(figure);
    btStatus.textContent = `${answer.title}: ${answer.testCases} test cases.`;
  } catch (e) {
    if (request === latest) btStatus.textContent = `The backtest failed: ${(e as Error).message}`;
  }
}

async function chooseScenario(which: string): Promise<void> {
  scenario = null;
  try {
    const chosen = await loadChosenScenario(which);
    scenario = { text: chosen.text, name: chosen.summary.name };
    byId("scenario-status").textContent = `The simulator's forecasts use the model of ${chosen.origin}: ${chosen.summary.name}. The historical cases and the baselines do not depend on it.`;
    await drawBacktest();
  } catch (e) {
    byId("scenario-status").textContent = `Could not load the scenario: ${(e as Error).message}`;
  }
}

for (const id of ["bt-data", "bt-scheme", "bt-horizon", "bt-priors"]) byId(id).addEventListener("change", () => void drawBacktest());

const scenarioChoice = byId<HTMLSelectElement>("scenario-choice");
scenarioChoice.addEventListener("change", () => void chooseScenario(scenarioChoice.value));
void drawSurvival();
void chooseScenario(setUpScenarioChoice(scenarioChoice));
mountCalibrationFit(document.querySelector("main")!);
mountCaseLibrary(document.querySelector("main")!);
