/**
 * How many steps an analysis will report, known when it is submitted, so that its progress bar is
 * real from the first event: the same counts the analysis layer reports (design points for Morris
 * and Sobol, settings for the crux scan, then the map's cells). No simulation here.
 */
import { simulatorProbe, uncertainParameters } from "../analysis/index.js";
import { isFixed } from "../analysis/prior-grid.js";
import type { Scenario } from "../scenario/load.js";
import type { AnalysisJobRequest } from "./analysis-schemas.js";

/** Design points of Morris (r trajectories of k + 1 points) or Sobol (N rows of k + 2 points), or crux settings plus map cells. */
export function plannedSteps(request: AnalysisJobRequest, scenario: Scenario): number {
  // the probe only answers which priors apply; it simulates nothing until asked to run
  const probe = simulatorProbe(scenario, { seed: 0, trajectories: request.trajectories, batches: 2 });
  const perspective = request.perspective ?? probe.perspectives[0];
  if (request.kind === "sensitivity") {
    const priors = probe.priorsOf(perspective);
    const k = (request.parameters ?? Object.keys(priors).filter((name) => !isFixed(priors[name]))).length;
    return request.method === "morris" ? request.morrisTrajectories * (k + 1) : request.baseSamples * (k + 2);
  }
  const scanned = (request.parameters ?? uncertainParameters(probe)).length;
  return scanned * request.gridPoints + request.mapResolution ** 2;
}
