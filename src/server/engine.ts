/**
 * What the server needs from the simulator, as one small interface: check a scenario text, and
 * evaluate it with progress. The real implementation adapts the library; tests pass a fake.
 */
import type { EvaluationResult, Progress } from "../sim/result.js";
import type { ScenarioIssue } from "../scenario/issues.js";

/** One problem in a scenario, located for an editor (1-based line and column): the loader's issue without its file. */
export type ScenarioProblem = Omit<ScenarioIssue, "file">;

export interface ScenarioSummary {
  name: string;
  /** the scenario's own seed and trajectory count, if it names them (the CLI's defaults) */
  seed?: number;
  trajectories?: number;
  options: { id: string; label: string }[];
  perspectives: { id: string; label: string }[];
}

export type ValidationOutcome =
  | { valid: true; scenario: ScenarioSummary }
  | { valid: false; problems: ScenarioProblem[] };

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
  ): Promise<EvaluationResult>;
}
