/**
 * A run's report, built inside the jobs' worker thread (src/server/jobs/worker-entry.ts): scans
 * the cruxes between the run's two leading options and writes the HTML (src/report/), off the
 * server's event loop.
 */
import type { EvaluationResult, Progress } from "../contract/result.js";
import { gatherReport } from "../report/gather.js";
import { reportHtml } from "../report/html.js";
import { loadScenarioText } from "../scenario/load.js";

export interface ReportRequest {
  scenarioText: string;
  result: EvaluationResult;
  version: string;
}

export async function buildRunReport(request: ReportRequest, onProgress: (p: Progress) => void): Promise<string> {
  const scenario = loadScenarioText(request.scenarioText, "scenario.yaml");
  const data = await gatherReport(scenario, request.result, { version: request.version, onProgress: (p) => onProgress({ done: p.done, total: p.total }) });
  return reportHtml(data);
}
