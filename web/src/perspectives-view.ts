/**
 * The perspectives of a run as a reader needs them: each one's source and, parameter by parameter,
 * what it changes — the parameter's symbol, meaning and unit, the scenario's own prior against the
 * perspective's, and the claim or study each override encodes. The overrides come from the run's
 * scenario, read by the server (POST /api/validate).
 */
import type { EvaluationResult } from "../../src/contract/result.js";
import type { PerspectiveSummary, ScenarioSummary } from "../../src/contract/api.js";
import { describeComparison, describeSkipped, judgeConclusions } from "../../src/contract/conclusions.js";
import { h, parameterElement, scrollBox } from "./dom.js";
import { helpText } from "./help.js";
import { parameterShort, parameterUnit } from "./parameter-label.js";

function overridesTable(p: PerspectiveSummary): HTMLElement {
  const overrides = p.overrides ?? [];
  if (overrides.length === 0) return h("p", { class: "note" }, "It replaces none of the scenario's priors.");
  const names = overrides.map((o) => parameterShort(o.parameter)).join(", ");
  // a table per perspective makes a long page: each opens on demand, the parameters it changes named in its summary
  return h(
    "details",
    { class: "overrides-details" },
    h("summary", {}, `What it changes: ${overrides.length} prior${overrides.length === 1 ? "" : "s"} replaced (${names})`),
    overridesTableOf(p, overrides),
  );
}

function overridesTableOf(p: PerspectiveSummary, overrides: NonNullable<PerspectiveSummary["overrides"]>): HTMLElement {
  return scrollBox(
    h(
      "table",
      { class: "outcomes wrap overrides", id: `overrides-${p.id}` },
      h("caption", {}, `What ${p.label} changes: ${overrides.length} prior${overrides.length === 1 ? "" : "s"} replaced.`),
      h("thead", {}, h("tr", {}, ["parameter", "unit", "scenario's prior (baseline)", `${p.label}'s prior`, "source or claim"].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        overrides.map((o) =>
          h(
            "tr",
            { "data-parameter": o.parameter },
            h("th", { scope: "row", class: "parameter" }, parameterElement(o.parameter)),
            h("td", { class: "unit" }, parameterUnit(o.parameter) || "—"),
            h("td", { class: "baseline-prior" }, o.baseline),
            h("td", { class: "perspective-prior" }, o.prior),
            h("td", { class: "override-source" }, o.source),
          ),
        ),
      ),
    ),
    `What ${p.label} changes`,
  );
}

/**
 * The school's written conclusions judged on this run's estimates (src/contract/conclusions.ts):
 * the SE of a difference from the two estimates alone, larger than the paired one of
 * `guarantor conclusions`, which the note says.
 */
function conclusionsTable(result: EvaluationResult, p: PerspectiveSummary): HTMLElement | null {
  if (!p.conclusions || p.conclusions.length === 0) return null;
  const report = judgeConclusions({ [p.id]: p.conclusions }, result);
  const judged = report.conclusions;
  const table = judged.length === 0 ? null : scrollBox(
    h(
      "table",
      { class: "outcomes wrap conclusions", id: `conclusions-${p.id}` },
      h("caption", {}, `The conclusions ${p.label} states, judged on this run at ${report.z} standard errors.`),
      h("thead", {}, h("tr", {}, ["", "conclusion", "comparisons (difference ± SE)", "on this run"].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        judged.map((v) =>
          h(
            "tr",
            { "data-conclusion": v.id, "data-status": v.status },
            h("th", { scope: "row" }, v.id),
            h("td", {}, v.says, v.source ? h("span", { class: "note" }, ` (${v.source})`) : null),
            h("td", { class: "comparisons" }, v.comparisons.flatMap((c, i) => (i === 0 ? [describeComparison(c)] : [h("br", {}), describeComparison(c)]))),
            h("td", { class: "status" }, v.status, v.not_reproduced ? h("span", { class: "note" }, h("br", {}), v.not_reproduced) : null),
          ),
        ),
      ),
    ),
    `The conclusions ${p.label} states`,
  );
  const skipped = report.skipped.length > 0 ? h("p", { class: "note" }, `Not judged: ${report.skipped.map(describeSkipped).join("; ")}.`) : null;
  return h(
    "details",
    { class: "conclusions-details" },
    h("summary", {}, `Its stated conclusions: ${judged.length} judged, ${report.as_stated} as the scenario states`),
    h("p", { class: "note" }, "Standard errors from the estimates alone, larger than the paired ones of `guarantor conclusions`: a conclusion may fail here that holds there."),
    table,
    skipped,
  );
}

function perspectiveBlock(result: EvaluationResult, id: string, label: string, source: string, detail: PerspectiveSummary | undefined): HTMLElement {
  const isBaseline = id === "baseline";
  return h(
    "section",
    { class: "perspective", "data-perspective": id },
    h("h4", {}, h("code", {}, id), ` ${label}`),
    h("p", { class: "perspective-source" }, "Source: ", source || "no source given"),
    detail?.description ? h("p", { class: "perspective-description" }, detail.description) : null,
    isBaseline ? h("p", { class: "note" }, "The scenario's own priors: it changes nothing.")
    : detail ? overridesTable(detail)
    : h("p", { class: "note overrides-pending" }, "Reading what it changes…"),
    detail ? conclusionsTable(result, detail) : null,
  );
}

/**
 * The perspectives section; `scenario` (the run's scenario as the server reads it) fills in what
 * each perspective changes when it arrives, or says why it cannot.
 */
export function perspectivesSection(result: EvaluationResult, scenario: Promise<ScenarioSummary | null>): HTMLElement {
  const list = h("div", { id: "perspective-sources" });
  const draw = (summary: ScenarioSummary | null) =>
    list.replaceChildren(...result.perspectives.map((p) => perspectiveBlock(result, p.id, p.label, p.source, summary?.perspectives.find((d) => d.id === p.id))));
  draw(null);
  scenario.then(
    (summary) => {
      if (summary) draw(summary);
      else list.querySelectorAll(".overrides-pending").forEach((e) => (e.textContent = "What it changes is unknown: the run's scenario cannot be read by this version."));
    },
    () => list.querySelectorAll(".overrides-pending").forEach((e) => (e.textContent = "What it changes could not be read (the server did not answer).")),
  );
  return h(
    "details",
    { class: "perspectives", open: true },
    h("summary", {}, `Perspectives (${result.perspectives.length}): their sources and what they change`),
    helpText("perspectives", "What is a perspective?"),
    list,
  );
}
