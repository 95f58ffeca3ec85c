/**
 * The evidence page's calibration section: each calibrated prior against the scenario's own, the
 * fit's method and data, and each perspective's distance from the record. A thin shell over
 * GET /api/evidence/calibration; the chart is in charts/calibration-charts.ts.
 */
import type { CalibrationAnswer, CalibratedPriorFit, PriorMoments } from "../../src/contract/evidence.js";
import { getJson } from "./api.js";
import { calibrationFitChart } from "./charts/calibration-charts.js";
import { h, parameterElement, scrollBox } from "./dom.js";
import { renderFigure } from "./figure.js";

const g4 = (x: number) => String(Number(x.toPrecision(4)));
const moments = (p: PriorMoments) => (p.dist === "fixed" ? `fixed ${g4(p.mean)}` : `${p.dist}(mean ${g4(p.mean)}, sd ${g4(p.sd)})`);
const zText = (z: number) => `${z >= 0 ? "+" : "−"}${Math.abs(z).toFixed(2)}`;

function fitTable(answer: CalibrationAnswer): HTMLElement {
  const perspectives = answer.priors[0]?.distances.map((d) => d.perspective) ?? [];
  const row = (p: CalibratedPriorFit) =>
    h(
      "tr",
      { "data-prior": p.id },
      h("th", { scope: "row" }, parameterElement(p.parameter)),
      h("td", {}, p.method),
      h("td", {}, p.data),
      h("td", {}, moments(p.calibrated)),
      h("td", {}, moments(p.scenario)),
      p.distances.map((d) => h("td", { title: `mean ${g4(d.mean)}; evidence CDF there ${d.evidenceQuantile.toFixed(3)}`, class: Math.abs(d.standardized) > 2 ? "far" : "" }, zText(d.standardized))),
    );
  return scrollBox(
    h(
      "table",
      { id: "calibration-table", class: "outcomes" },
      h("caption", {}, "Each calibrated prior: how it was fitted and to what, beside the scenario's own prior, and each perspective's distance z = (its mean − calibrated mean)/calibrated sd (beyond ±2: the perspective assumes what the record makes unlikely)."),
      h("thead", {}, h("tr", {}, ["parameter", "method", "data", "calibrated prior", "scenario prior", ...perspectives.map((id) => `z ${id}`)].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, answer.priors.map(row)),
    ),
    "Calibration fit",
  );
}

/** Adds the calibration section to the page's main element and fills it. */
export function mountCalibrationFit(main: HTMLElement): void {
  const status = h("p", { id: "calibration-status", role: "status", "aria-live": "polite" }, "Loading the calibrated priors…");
  const section = h(
    "section",
    { "aria-labelledby": "calibration-heading", id: "calibration" },
    h("h2", { id: "calibration-heading" }, "Calibration fit"),
    h(
      "p",
      { class: "note" },
      "A calibrated prior is one that ",
      h("code", {}, "guarantor calibrate"),
      " fitted to the historical record: it searches for the parameter values under which the model (or a hazard model of the same form) reproduces what happened in the bundled cases, and stores the fitted mean and its uncertainty as the evidence perspective's prior. The fit is in sample: it shows how the scenario's assumptions compare with the record the priors were fitted to, not how well the model forecasts new cases (the backtest above does that, on the same records, so it flatters the calibration). Each method and its data are in docs/EVIDENCE.md §7.",
    ),
    status,
    h("div", { id: "calibration-figure", class: "figures" }),
    h("div", { id: "calibration-table-wrap", class: "table-wrap" }),
  );
  main.append(section);
  void fill(section, status);
}

async function fill(section: HTMLElement, status: HTMLElement): Promise<void> {
  try {
    const answer = await getJson<CalibrationAnswer>("/api/evidence/calibration");
    section.querySelector("#calibration-figure")!.replaceChildren(renderFigure(calibrationFitChart(answer)));
    section.querySelector("#calibration-table-wrap")!.replaceChildren(fitTable(answer));
    status.textContent = `${answer.priors.length} calibrated priors of the scenario "${answer.scenario}". ${answer.note}`;
  } catch (e) {
    status.textContent = (e as Error).message;
  }
}
