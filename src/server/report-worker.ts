/**
 * Worker-thread side of a run's report: scans the cruxes between the run's two leading options
 * and writes the HTML (src/report/), off the server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { EvaluationResult } from "../contract/result.js";
import { InputError } from "../errors.js";
import { gatherReport } from "../report/gather.js";
import { reportHtml } from "../report/html.js";
import { loadScenarioText } from "../scenario/load.js";
import type { WorkerMessage } from "./evaluation-worker.js";

export interface ReportRequest {
  scenarioText: string;
  result: EvaluationResult;
  version: string;
}

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const request = workerData as ReportRequest;
  const scenario = loadScenarioText(request.scenarioText, "scenario.yaml");
  const data = await gatherReport(scenario, request.result, {
    version: request.version,
    onProgress: (p) => post({ type: "progress", done: p.done, total: p.total }),
  });
  post({ type: "result", result: reportHtml(data) });
} catch (e) {
  post({ type: "error", message: e instanceof Error ? e.message : String(e), inputError: e instanceof InputError });
}
