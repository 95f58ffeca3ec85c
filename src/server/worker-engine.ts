/**
 * The engine the server uses: validation in-process (fast), evaluation in a worker thread (the
 * jobs layer's worker entry), so the event loop stays free while a run goes on, and a cancelled
 * or timed-out run can be stopped by terminating its worker.
 */
import type { EvaluationResult } from "../contract/result.js";
import type { Engine } from "./engine.js";
import { runInWorker } from "./jobs/worker.js";
import { libraryEngine } from "./library-engine.js";

export const workerEngine: Engine = {
  validate: libraryEngine.validate,
  evaluate: (text, request, onProgress, signal) => runInWorker<EvaluationResult>({ kind: "evaluation", text, request }, onProgress, signal),
};
