/**
 * Runs one sensitivity or crux analysis of a scenario text with the library's analysis layer,
 * reporting progress as {done, total}. Used inside the analysis worker thread; no HTTP here.
 */
import { bestOptionMap, findCruxes, scenarioSensitivity, simulatorProbe, type ScenarioProbe } from "../analysis/index.js";
import type { AnalysisResult, CruxReport } from "../contract/analysis.js";
import { DEFAULT_SEED } from "../contract/run-options.js";
import { InputError } from "../errors.js";
import { loadScenarioText, type Scenario } from "../scenario/load.js";
import type { Progress } from "../contract/result.js";
import type { AnalysisJobRequest } from "./analysis-schemas.js";

export type { AnalysisResult };

const BATCHES = 2;

/** How an analysis's settings are simulated: here (the default) or on a job queue (src/server/jobs/queue-engine.ts). */
export type ProbeMaker = (scenario: Scenario, options: { seed: number; trajectories: number; batches: number }) => ScenarioProbe;

export function runAnalysis(request: AnalysisJobRequest, onProgress: (progress: Progress) => void): Promise<AnalysisResult> {
  return runAnalysisWith(request, onProgress, simulatorProbe);
}

export async function runAnalysisWith(request: AnalysisJobRequest, onProgress: (progress: Progress) => void, makeProbe: ProbeMaker): Promise<AnalysisResult> {
  const scenario = loadScenarioText(request.scenario, "scenario.yaml");
  const seed = request.seed ?? scenario.seed ?? DEFAULT_SEED;
  const probe = makeProbe(scenario, { seed, trajectories: request.trajectories, batches: BATCHES });
  const perspective = request.perspective ?? probe.perspectives[0];
  if (!probe.perspectives.includes(perspective)) {
    throw new InputError(`unknown perspective "${perspective}"; the scenario has ${probe.perspectives.join(", ")}`);
  }
  if (request.kind === "sensitivity") {
    const report = await scenarioSensitivity(probe, {
      method: request.method,
      outcome: request.outcome,
      option: request.option,
      versus: request.versus,
      perspective,
      parameters: request.parameters,
      morrisTrajectories: request.morrisTrajectories,
      baseSamples: request.baseSamples,
      seed,
      bootstrap: request.bootstrap,
      // one Morris trajectory or one Sobol row at a time, so the bar moves in small steps (the split changes no number)
      pointsPerJob: 1,
      onProgress: (done, total) => onProgress({ done, total }),
    });
    return { kind: "sensitivity", report };
  }
  // the scan and the map share one progress bar: the scan first, then the map's cells
  const mapCells = request.mapResolution ** 2;
  let scanTotal = 0;
  // all pairs of all options over every parameter takes minutes: by default the first three options
  const options = request.options ?? probe.options.slice(0, 3);
  const report = await findCruxes(probe, {
    options,
    outcomes: [request.outcome],
    perspective,
    parameters: request.parameters,
    gridPoints: request.gridPoints,
    onProgress: (done, total) => {
      scanTotal = total;
      onProgress({ done, total: total + mapCells });
    },
  });
  const axes = request.map ?? leadingParameters(report);
  if (!axes) return { kind: "cruxes", report, map: null, mapNote: "fewer than two parameters change the order of the options, so there is no map to draw" };
  const map = await bestOptionMap(probe, {
    x: axes[0],
    y: axes[1],
    outcome: request.outcome,
    options,
    perspective,
    resolution: request.mapResolution,
    onProgress: (done) => onProgress({ done: scanTotal + done, total: scanTotal + mapCells }),
  });
  return { kind: "cruxes", report, map, mapNote: null };
}

/** The two parameters of the largest cruxes, or null when fewer than two parameters are cruxes. */
function leadingParameters(report: CruxReport): [string, string] | null {
  const names = [...new Set(report.cruxes.map((c) => c.parameter))];
  if (names.length >= 2) return [names[0], names[1]];
  const scanned = report.parametersScanned;
  return names.length === 1 && scanned.length >= 2 ? [names[0], scanned.find((n) => n !== names[0])!] : null;
}
