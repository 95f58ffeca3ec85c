/**
 * What-if sliders: one per parameter the crux finder named, over the range it scanned. Moving one
 * holds that parameter at the slider's value and re-ranks the compared options with a small,
 * seeded evaluation (POST /api/whatif, not stored), shown with standard errors. Only the latest
 * position is evaluated: while one evaluation runs, later moves wait and the last one is sent.
 */
import type { CruxReport } from "../../src/contract/analysis.js";
import { postJson } from "./api.js";
import { h, parameterElement, scrollBox } from "./dom.js";

/** small enough to answer within about a second, large enough for SEs of a few percent of the loss */
export const WHATIF_TRAJECTORIES = 1000;
const MAX_SLIDERS = 4;
const STEPS = 100;

interface WhatIfAnswer {
  order: { option: string; loss: { mean: number; se: number } }[];
  values: Record<string, number>;
}

export interface WhatIfInput {
  scenario: string;
  report: CruxReport;
  seed: number;
}

const short = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

/** The crux parameters to offer, clear ones first (the report's order), each once, with its scanned range and thresholds. */
function sliderSpecs(report: CruxReport): { parameter: string; min: number; max: number; thresholds: number[] }[] {
  const seen = new Map<string, { parameter: string; min: number; max: number; thresholds: number[] }>();
  for (const crux of report.cruxes) {
    const values = crux.scan.map((s) => s.value).filter(Number.isFinite);
    if (values.length < 2) continue;
    const spec = seen.get(crux.parameter) ?? { parameter: crux.parameter, min: Infinity, max: -Infinity, thresholds: [] };
    spec.min = Math.min(spec.min, ...values);
    spec.max = Math.max(spec.max, ...values);
    spec.thresholds.push(...crux.thresholds.map((t) => t.value));
    seen.set(crux.parameter, spec);
  }
  return [...seen.values()].filter((s) => s.max > s.min).slice(0, MAX_SLIDERS);
}

export function whatIfPanel(input: WhatIfInput): HTMLElement {
  const specs = sliderSpecs(input.report);
  const heading = h("h3", { id: "whatif-heading" }, "What if?");
  if (specs.length === 0) return h("div", { id: "whatif" }, heading, h("p", { class: "note" }, "No crux parameter to vary: no single parameter changes the order of these options."));

  const values: Record<string, number> = {};
  const status = h("p", { id: "whatif-status", role: "status", class: "note" });
  const tbody = h("tbody");
  const table = h(
    "table",
    { id: "whatif-ranking", class: "outcomes" },
    h("caption", {}, `Options ranked by expected loss under the ${input.report.perspective} priors, with the moved parameters held at their values (seed ${input.seed}, ${WHATIF_TRAJECTORIES.toLocaleString("en-US")} trajectories per option; mean ± standard error).`),
    h("thead", {}, h("tr", {}, ["rank", "option", "expected loss"].map((c) => h("th", { scope: "col" }, c)))),
    tbody,
  );
  let inFlight = false;
  let pending = false;

  async function evaluate(): Promise<void> {
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    pending = false;
    status.textContent = "Evaluating…";
    try {
      const answer = await postJson<WhatIfAnswer>("/api/whatif", {
        scenario: input.scenario, seed: input.seed, trajectories: WHATIF_TRAJECTORIES, options: input.report.options, perspective: input.report.perspective, values: { ...values },
      });
      tbody.replaceChildren(...answer.order.map((o, i) => h("tr", { "data-option": o.option }, h("td", {}, String(i + 1)), h("th", { scope: "row" }, o.option), h("td", {}, `${o.loss.mean.toFixed(3)} ± ${o.loss.se.toFixed(3)}`))));
      const held = Object.entries(answer.values).map(([p, v]) => `${p} = ${short(v)}`);
      status.textContent = held.length > 0 ? `Ranking with ${held.join(", ")}; the other parameters follow their priors.` : "Ranking with every parameter following its prior.";
    } catch (e) {
      status.textContent = `The what-if evaluation failed: ${(e as Error).message}`;
    } finally {
      inFlight = false;
      if (pending) void evaluate();
    }
  }

  const sliders = specs.map((spec) => {
    const id = `whatif-${spec.parameter}`;
    const shown = h("output", { for: id, id: `${id}-value` }, "prior");
    const slider = h("input", {
      type: "range", id, "data-parameter": spec.parameter, min: spec.min, max: spec.max, step: (spec.max - spec.min) / STEPS, value: spec.thresholds[0] ?? (spec.min + spec.max) / 2,
    });
    slider.addEventListener("input", () => {
      values[spec.parameter] = Number(slider.value);
      shown.textContent = short(Number(slider.value));
      void evaluate();
    });
    const marks = spec.thresholds.length > 0 ? ` (threshold${spec.thresholds.length > 1 ? "s" : ""} ${spec.thresholds.map(short).join(", ")})` : "";
    return h("label", { class: "picker whatif-slider" }, parameterElement(spec.parameter), ` ${short(spec.min)} `, slider, ` ${short(spec.max)} · `, shown, marks);
  });
  const reset = h("button", { type: "button", id: "whatif-reset" }, "Back to the priors");
  reset.addEventListener("click", () => {
    for (const key of Object.keys(values)) delete values[key];
    for (const label of sliders) label.querySelector("output")!.textContent = "prior";
    void evaluate();
  });
  void evaluate();
  return h(
    "div",
    { id: "whatif" },
    heading,
    h("p", {}, "Move a slider to hold that crux parameter at a value (the other parameters keep their priors) and see the ranking again, usually within a second."),
    h("div", { class: "pickers" }, ...sliders, reset),
    status,
    scrollBox(table, "What-if ranking"),
  );
}
