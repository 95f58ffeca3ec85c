/**
 * What a report holds, gathered from a scenario and its evaluation: the cruxes between the two
 * leading options (a small, seeded scan), each parameter's prior with its source, and the
 * perspectives. The CLI (`guarantor report`) and the server (a run's report) both call this, then
 * reportHtml (html.ts) to write it.
 */
import { conclusionsByPerspective } from "../analysis/conclusions.js";
import { judgeConclusions, type ConclusionsReport } from "../contract/conclusions.js";
import { findCruxes, simulatorProbe, type CruxReport } from "../analysis/index.js";
import { PARAMETERS } from "../contract/parameters.js";
import type { EvaluationResult, Progress } from "../contract/result.js";
import type { Scenario } from "../scenario/load.js";
import type { Prior } from "../scenario/prior.js";

/** One parameter's prior under the baseline, and where each perspective replaces it. */
export interface Assumption {
  parameter: string;
  symbol: string;
  meaning: string;
  prior: string;
  source: string;
  overrides: { perspective: string; prior: string; source: string }[];
}

export interface ReportData {
  result: EvaluationResult;
  version: string;
  /** the run's perspectives: label, source, and the scenario's description */
  perspectives: { id: string; label: string; source: string; description: string }[];
  lossDescription: string;
  assumptions: Assumption[];
  cruxes: CruxReport | null;
  /** why there are no cruxes, when there are none to show */
  cruxNote: string;
  /** the conclusions the perspectives state, judged on the result's estimates (docs/MODEL.md §12) */
  conclusions: ConclusionsReport;
}

export interface CruxBudget {
  /** trajectories per simulated setting of the scan (split over 2 seeded batches) */
  trajectories: number;
  /** grid points per parameter */
  gridPoints: number;
}

/** Small enough for seconds, large enough that clear cruxes stand out from the noise (docs/ANALYSIS.md). */
export const REPORT_CRUX_BUDGET: CruxBudget = { trajectories: 200, gridPoints: 4 };

/** "beta(mean 0.3, sd 0.1)", "fixed 2" */
export function describePrior(prior: Prior): string {
  switch (prior.dist) {
    case "fixed":
      return `fixed ${prior.value}`;
    case "uniform":
      return `uniform(${prior.min}, ${prior.max})`;
    case "normal": {
      const bounds = [prior.min !== undefined ? `min ${prior.min}` : "", prior.max !== undefined ? `max ${prior.max}` : ""].filter(Boolean);
      return `normal(mean ${prior.mean}, sd ${prior.sd}${bounds.length ? `, ${bounds.join(", ")}` : ""})`;
    }
    default:
      return `${prior.dist}(mean ${prior.mean}, sd ${prior.sd})`;
  }
}

const sourceOf = (prior: Prior): string => prior.source ?? "assumption";

export function assumptions(scenario: Scenario): Assumption[] {
  return PARAMETERS.filter((p) => scenario.parameters[p.name]).map((p) => {
    const prior = scenario.parameters[p.name];
    const overrides = Object.entries(scenario.perspectives).flatMap(([id, perspective]) => {
      const override = perspective.overrides[p.name];
      return override ? [{ perspective: id, prior: describePrior(override), source: sourceOf(override) }] : [];
    });
    return { parameter: p.name, symbol: p.symbol, meaning: p.description, prior: describePrior(prior), source: sourceOf(prior), overrides };
  });
}

/** The two options with the lowest mean rank over the perspectives: the choice a reader most likely weighs. */
export function leadingOptions(result: EvaluationResult): string[] {
  const rankSum = new Map<string, number>();
  for (const { order } of result.ranking) for (const entry of order) rankSum.set(entry.option, (rankSum.get(entry.option) ?? 0) + entry.rank);
  return [...rankSum.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([id]) => id);
}

export async function gatherReport(
  scenario: Scenario,
  result: EvaluationResult,
  options: { version: string; budget?: CruxBudget; onProgress?: (p: Progress) => void },
): Promise<ReportData> {
  const budget = options.budget ?? REPORT_CRUX_BUDGET;
  const leading = leadingOptions(result);
  let cruxes: CruxReport | null = null;
  let cruxNote = "";
  if (leading.length < 2) cruxNote = "the run has a single option, so there is no pair to compare";
  else {
    const probe = simulatorProbe(scenario, { seed: result.seed, trajectories: budget.trajectories, batches: 2 });
    cruxes = await findCruxes(probe, {
      options: leading,
      gridPoints: budget.gridPoints,
      onProgress: (done, total) => options.onProgress?.({ done, total }),
    });
    if (cruxes.cruxes.length === 0) cruxNote = `no single parameter flips the order of ${leading.join(" and ")} over its scanned range`;
  }
  return {
    result,
    version: options.version,
    perspectives: result.perspectives.map((p) => ({ ...p, description: scenario.perspectives[p.id]?.description ?? "" })),
    lossDescription: scenario.loss?.description ?? "",
    assumptions: assumptions(scenario),
    cruxes,
    cruxNote,
    // from the estimates alone: the SE of a difference is √(SE_A² + SE_B²), not the paired one of `guarantor conclusions`
    conclusions: judgeConclusions(conclusionsByPerspective(scenario), result),
  };
}
