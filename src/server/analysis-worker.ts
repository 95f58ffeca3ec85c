/**
 * Worker-thread side of the analysis jobs: runs one sensitivity or crux analysis and posts
 * progress, then the result or the error, keeping the simulation off the server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../errors.js";
import { runAnalysis } from "./analysis-runner.js";
import type { AnalysisJobRequest } from "./analysis-schemas.js";
import type { WorkerMessage } from "./evaluation-worker.js";

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const result = await runAnalysis(workerData as AnalysisJobRequest, (p) => post({ type: "progress", done: p.done, total: p.total }));
  post({ type: "result", result });
} catch (e) {
  post({ type: "error", message: e instanceof Error ? e.message : String(e), inputError: e instanceof InputError });
}
