/**
 * The evidence page's case library section: a timeline of the historical guarantee cases, each
 * case's design and coded outcome, the forecasts of each perspective against what happened, and
 * each perspective's scores. A thin shell over GET /api/evidence/cases; charts in charts/case-charts.ts.
 */
import type { CaseQuestionId, CasesAnswer } from "../../src/contract/cases.js";
import { getJson } from "./api.js";
import { caseForecastChart, caseTimelineChart } from "./charts/case-charts.js";
import { h, scrollBox } from "./dom.js";
import { renderFigure } from "./figure.js";

const f3 = (x: number) => x.toFixed(3);

function scoreTable(answer: CasesAnswer): HTMLElement {
  const questions = answer.questions.filter((q) => answer.scores.some((s) => s.byQuestion.some((b) => b.question === q.id)));
  return scrollBox(
    h(
      "table",
      { id: "cases-scores", class: "outcomes" },
      h("caption", {}, "Scores of each perspective's retrodictions (lower is better): Brier and log score averaged over cases, each case's mean over its questions, ± SE over cases; then Brier by question. The last row, base-rate, forecasts each question's frequency among the other cases: a reference without the model."),
      h("thead", {}, h("tr", {}, ["perspective", "cases", "Brier ± SE", "log score ± SE", "Δ Brier vs base-rate ± SE", ...questions.map((q) => q.label)].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        [...answer.scores, answer.reference].map((s) =>
          h(
            "tr",
            { "data-perspective": s.perspective },
            h("th", { scope: "row", title: s.label }, s.perspective),
            h("td", {}, String(s.cases)),
            h("td", {}, `${f3(s.brier.mean)} ± ${f3(s.brier.stdErr)}`),
            h("td", {}, `${f3(s.logScore.mean)} ± ${f3(s.logScore.stdErr)}`),
            h("td", {}, s.brierVersusReference ? `${f3(s.brierVersusReference.mean)} ± ${f3(s.brierVersusReference.stdErr)}` : "—"),
            questions.map((q) => {
              const b = s.byQuestion.find((x) => x.question === q.id);
              return h("td", {}, b ? `${f3(b.brier.mean)} ± ${f3(b.brier.stdErr)} (n ${b.n})` : "—");
            }),
          ),
        ),
      ),
    ),
    "Case library scores",
  );
}

function designTable(answer: CasesAnswer): HTMLElement {
  const forecast = (caseId: string, perspective: string) =>
    answer.runs.find((r) => r.case === caseId && r.perspective === perspective)?.forecasts.find((x) => x.question === "war_in_window")?.forecast;
  return scrollBox(
    h(
      "table",
      { id: "cases-designs", class: "outcomes" },
      h("caption", {}, "Each case: the settlement, the design agreed, what happened, and each perspective's forecast of renewed war within the observed window."),
      h("thead", {}, h("tr", {}, ["case", "settlement → observed", "design", "renewed war", "guarantor", ...answer.perspectives.map((p) => `P(war) ${p.id}`)].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        answer.cases.map((c) =>
          h(
            "tr",
            { "data-case": c.id },
            h("th", { scope: "row", title: c.title }, c.id),
            h("td", {}, `${c.settlementDate} → ${c.observedTo}`),
            h("td", {}, h("ul", { class: "design" }, (c.design.length ? c.design : ["no commitments"]).map((d) => h("li", {}, d)))),
            h("td", {}, c.renewedWar ? `${c.renewedWar} (${c.monthsToWar} months)` : "none"),
            h("td", {}, c.intervention.replace(/_/g, " ")),
            answer.perspectives.map((p) => {
              const value = forecast(c.id, p.id);
              return h("td", {}, value === undefined ? "—" : `${Math.round(value * 100)} %`);
            }),
          ),
        ),
      ),
    ),
    "Case library designs and forecasts",
  );
}

/** Adds the case library section to the page's main element and fills it. */
export function mountCaseLibrary(main: HTMLElement): void {
  const status = h("p", { id: "cases-status", role: "status", "aria-live": "polite" }, "The case library is run through the model under each perspective when this section comes into view (about a minute the first time)…");
  const picker = h("select", { id: "cases-question" });
  const forecastFigure = h("div", { id: "cases-forecast-figure", class: "figures" });
  const section = h(
    "section",
    { "aria-labelledby": "cases-heading", id: "cases" },
    h("h2", { id: "cases-heading" }, "The case library: retrodictions by perspective"),
    h("p", { id: "cases-note", class: "note" }),
    status,
    h("div", { id: "cases-timeline", class: "figures" }),
    h("div", { id: "cases-table", class: "table-wrap" }),
    h("form", { class: "pickers" }, h("label", { class: "picker" }, "Outcome ", picker)),
    forecastFigure,
    h("div", { id: "cases-designs-wrap", class: "table-wrap" }),
  );
  main.append(section);
  // the answer takes the server a minute to compute the first time: asked for once the section is in view
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    void fill(section, picker, forecastFigure, status);
  });
  observer.observe(section);
}

async function fill(section: HTMLElement, picker: HTMLSelectElement, forecastFigure: HTMLElement, status: HTMLElement): Promise<void> {
  const wanted = new URLSearchParams(location.search).get("cases-trajectories");
  const query = wanted && /^\d+$/.test(wanted) ? `?trajectories=${wanted}` : "";
  try {
    const answer = await getJson<CasesAnswer>(`/api/evidence/cases${query}`);
    const questions = answer.questions.filter((q) => answer.runs.some((r) => r.forecasts.some((x) => x.question === q.id)));
    picker.replaceChildren(...questions.map((q) => h("option", { value: q.id }, q.label)));
    const drawForecasts = () => forecastFigure.replaceChildren(renderFigure(caseForecastChart(answer, picker.value as CaseQuestionId)));
    picker.addEventListener("change", drawForecasts);
    section.querySelector("#cases-note")!.textContent = answer.note;
    section.querySelector("#cases-timeline")!.replaceChildren(renderFigure(caseTimelineChart(answer)));
    section.querySelector("#cases-table")!.replaceChildren(scoreTable(answer));
    section.querySelector("#cases-designs-wrap")!.replaceChildren(designTable(answer));
    drawForecasts();
    status.textContent = `${answer.cases.length} cases × ${answer.perspectives.length} perspectives, ${answer.trajectories.toLocaleString("en-US")} trajectories each (seed ${answer.seed}).`;
  } catch (e) {
    status.textContent = (e as Error).message;
  }
}
