/**
 * Running one job in a worker thread, so the server's event loop stays free to answer requests and
 * stream progress: progress messages go to a callback, the result or the error settles a promise
 * once, and the worker is terminated when it is done, when it fails, or when the job is aborted.
 */
import { Worker } from "node:worker_threads";
import { InputError } from "../../errors.js";
import type { Progress } from "../../contract/result.js";
import type { WorkerJob, WorkerMessage } from "./worker-entry.js";

/**
 * From dist/ the worker is plain JavaScript. From the TypeScript sources (tests) it is loaded
 * through tsx's loader, registered inside the worker before the entry is imported.
 */
function startWorker(workerData: WorkerJob): Worker {
  const name = "worker-entry";
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/** Runs `job` in a fresh worker thread; an abort terminates the worker and rejects. */
export function runInWorker<T>(job: WorkerJob, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) return Promise.reject(new InputError("the job was stopped before it started"));
  const worker = startWorker(job);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(new InputError("the job was stopped")));
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress({ done: message.done, total: message.total });
      else if (message.type === "result") settle(() => resolve(message.result as T));
      else settle(() => reject(message.inputError ? new InputError(message.message) : new Error(message.message)));
    });
    worker.on("error", (e) => settle(() => reject(e)));
    worker.on("exit", (code) => settle(() => reject(new Error(`the ${job.kind} worker stopped (exit code ${code})`))));
  });
}
