/**
 * `guarantor serve --redis URL`: the server's runs and analyses go to the job queue (src/queue/)
 * instead of a worker thread. The server only submits jobs and merges their results in order, so
 * its event loop stays free, progress counts every worker's jobs, and the numbers are those of a
 * local run. A run's submissions are recorded in the run store; a restarted server resumes its
 * unfinished runs and, job ids being hashes of what they compute, gathers the jobs already done.
 */
import type { AnalysisRunner } from "../analysis-jobs.js";
import { runAnalysisWith } from "../analysis-runner.js";
import type { Engine } from "../engine.js";
import { libraryEngine } from "../library-engine.js";
import { loadScenarioText } from "../../scenario/load.js";
import { evaluate } from "../../sim/evaluate.js";
import { QueueConnection } from "../../queue/executor.js";
import { queuedProbe } from "../../queue/probe.js";
import { InputError } from "../../errors.js";

export interface QueueBackend {
  engine: Engine;
  analyses: AnalysisRunner;
  /** the Redis URL, as shown to the user */
  url: string;
  close(): Promise<void>;
}

/** Resolves once Redis answers; rejects with a QueueError naming the URL otherwise. */
export async function queueBackend(redis: string): Promise<QueueBackend> {
  const connection = new QueueConnection({ redis });
  await connection.connect();
  const engine: Engine = {
    validate: libraryEngine.validate,
    evaluate(text, request, onProgress, signal, onQueued) {
      const scenario = loadScenarioText(text, "scenario.yaml");
      const executor = onQueued ? connection.executorReporting(onQueued) : connection.executor;
      return evaluate(scenario, { ...request, onProgress, executor, ...(signal ? { signal } : {}) });
    },
  };
  const analyses: AnalysisRunner = (request, onProgress, signal) => {
    const stopped = () => {
      if (signal.aborted) throw new InputError("the analysis was stopped");
    };
    return runAnalysisWith(
      request,
      (p) => {
        stopped();
        onProgress(p);
      },
      // a cancelled analysis takes its waiting jobs off the queue
      (scenario, options) => queuedProbe(scenario, { ...options, signal }, connection),
    );
  };
  return { engine, analyses, url: connection.target.url, close: () => connection.close() };
}
