/**
 * What the server needs from the simulator, as one small interface: check a scenario text, and
 * evaluate it with progress. The real implementation adapts the library; tests pass a fake.
 */
import type { EvaluationResult, Progress } from "../contract/result.js";
import type { ScenarioProblem, ScenarioSummary, ValidationOutcome } from "../contract/api.js";
import type { QueueJobs } from "../store/run-store.js";

export type { ScenarioProblem, ScenarioSummary, ValidationOutcome };

export interface EvaluationRequest {
  seed: number;
  trajectories: number;
  options?: string[];
  perspectives?: string[];
}

export interface Engine {
  validate(scenarioText: string): ValidationOutcome;
  /**
   * Rejects with an InputError for bad input (unknown option, …); anything else is a bug. Should
   * stop when `signal` aborts (the run was cancelled or passed its time limit).
   */
  evaluate(
    scenarioText: string,
    request: EvaluationRequest,
    onProgress: (progress: Progress) => void,
    signal?: AbortSignal,
    /** told what an engine on a job queue submitted (src/server/jobs/queue-engine.ts), for the run store */
    onQueued?: (jobs: QueueJobs) => void,
  ): Promise<EvaluationResult>;
}
