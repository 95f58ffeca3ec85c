/**
 * The one worker-thread entry of the server's jobs: runs an evaluation, an analysis or a report, posting
 * progress, then the result or the error. Keeps the CPU work off the server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../../errors.js";
import type { Progress } from "../../contract/result.js";
import { runAnalysis } from "../analysis-runner.js";
import type { AnalysisJobRequest } from "../analysis-schemas.js";
import type { EvaluationRequest } from "../engine.js";
import { libraryEngine } from "../library-engine.js";
import { buildRunReport, type ReportRequest } from "../report-worker.js";

export type WorkerJob =
  | { kind: "evaluation"; text: string; request: EvaluationRequest }
  | { kind: "analysis"; request: AnalysisJobRequest }
  | { kind: "report"; request: ReportRequest };

export type WorkerMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "result"; result: unknown }
  | { type: "error"; message: string; inputError: boolean };

const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const onProgress = (p: Progress) => post({ type: "progress", done: p.done, total: p.total });

const job = workerData as WorkerJob;
try {
  const result =
    job.kind === "evaluation" ? await libraryEngine.evaluate(job.text, job.request, onProgress)
    : job.kind === "analysis" ? await runAnalysis(job.request, onProgress)
    : await buildRunReport(job.request, onProgress);
  post({ type: "result", result });
} catch (e) {
  post({ type: "error", message: e instanceof Error ? e.message : String(e), inputError: e instanceof InputError });
}
