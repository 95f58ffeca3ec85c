/**
 * Worker-thread side of WorkerEngine: evaluates one scenario and posts progress, then the result
 * or the error. Keeps the simulator's CPU work off the server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../errors.js";
import type { EvaluationRequest } from "./engine.js";
import { libraryEngine } from "./library-engine.js";

export type WorkerMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "result"; result: unknown }
  | { type: "error"; message: string; inputError: boolean };

const { text, request } = workerData as { text: string; request: EvaluationRequest };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  const result = await libraryEngine.evaluate(text, request, (p) => post({ type: "progress", done: p.done, total: p.total }));
  post({ type: "result", result });
} catch (e) {
  post({ type: "error", message: e instanceof Error ? e.message : String(e), inputError: e instanceof InputError });
}
