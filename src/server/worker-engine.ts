/**
 * The engine the server uses: validation in-process (fast), evaluation in a worker thread so
 * the event loop stays free to answer requests and stream progress while a run goes on.
 */
import { Worker } from "node:worker_threads";
import { InputError } from "../errors.js";
import type { EvaluationResult, Progress } from "../contract/result.js";
import type { Engine } from "./engine.js";
import type { WorkerMessage } from "./evaluation-worker.js";
import { libraryEngine } from "./library-engine.js";

/**
 * From dist/ the worker is plain JavaScript. From the TypeScript sources (tests) it is loaded
 * through tsx's loader, registered inside the worker before the entry is imported.
 */
export function startWorker(workerData: unknown, name = "evaluation-worker"): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * Run `name`'s worker on `workerData`: progress messages go to `onProgress`, the result or the error
 * settles the promise once, and the worker is always terminated (an exit first is a failure).
 */
export function runInWorker<T>(workerData: unknown, name: string, onProgress: (p: Progress) => void): Promise<T> {
  const worker = startWorker(workerData, name);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress({ done: message.done, total: message.total });
      else if (message.type === "result") settle(() => resolve(message.result as T));
      else settle(() => reject(message.inputError ? new InputError(message.message) : new Error(message.message)));
    });
    worker.on("error", (e) => settle(() => reject(e)));
    worker.on("exit", (code) => settle(() => reject(new Error(`the ${name.replace("-", " ")} stopped (exit code ${code})`))));
  });
}

export const workerEngine: Engine = {
  validate: libraryEngine.validate,
  evaluate: (text, request, onProgress) => runInWorker<EvaluationResult>({ text, request }, "evaluation-worker", onProgress),
};
