/**
 * The HTTP API's requests and answers, as types shared by the server and the web app (which
 * imports only from src/contract/). The server's zod schemas (src/server/schemas.ts) check the
 * same shapes; run options come from the one run-options contract (./run-options.ts).
 */
import type { AnalysisResult } from "./analysis.js";
import type { EvaluationResult, Progress } from "./result.js";
import type { RunOptions } from "./run-options.js";

import type { Conclusion } from "./conclusions.js";

export type { EvaluationResult, Progress };

/** One problem in a scenario, located for an editor (1-based line and column). */
export interface ScenarioProblem {
  line: number;
  column: number;
  /** dotted key path, e.g. options[2].commitments[0].guarantors[1] */
  path: string;
  message: string;
  expected?: string;
  received?: string;
  hint?: string;
}

export interface ScenarioSummary {
  name: string;
  /** the scenario's own seed and trajectory count, if it names them (the defaults of a run) */
  seed?: number;
  trajectories?: number;
  options: { id: string; label: string }[];
  perspectives: PerspectiveSummary[];
}

/** A perspective as a reader needs it: where it comes from and which priors it replaces. */
export interface PerspectiveSummary {
  id: string;
  label: string;
  /** the claim or study it encodes (absent for the built-in baseline) */
  source?: string;
  description?: string;
  /** the parameters whose prior it replaces, in the model's parameter order */
  overrides?: PerspectiveOverride[];
  /** the conclusions it states in the scenario (docs/MODEL.md §12), to be judged on a run's estimates */
  conclusions?: readonly Conclusion[];
}

/** One replaced prior: the scenario's own ("baseline") against the perspective's, priors in words ("beta(mean 0.3, sd 0.1)"). */
export interface PerspectiveOverride {
  parameter: string;
  baseline: string;
  prior: string;
  /** the override's own source, else the perspective's */
  source: string;
}

/** POST /api/validate */
export type ValidationOutcome = { valid: true; scenario: ScenarioSummary } | { valid: false; problems: ScenarioProblem[] };

/** POST /api/runs: missing seed and trajectories come from the scenario, else the run-options defaults. */
export type RunRequest = { scenario: string } & Pick<RunOptions, "seed" | "trajectories" | "options" | "perspectives">;

export type RunStatus = "queued" | "running" | "finished" | "failed" | "interrupted" | "cancelled";

/** What a run was asked to do; enough to repeat it exactly. */
export interface RunInput {
  scenarioName: string;
  scenarioText: string;
  seed: number;
  trajectories: number;
  /** null: every option (perspective) of the scenario */
  options: string[] | null;
  perspectives: string[] | null;
  programVersion: string;
}

/** GET /api/runs (a list of these), the answer of POST /api/runs and DELETE of a pending run. */
export interface RunSummary extends Omit<RunInput, "scenarioText"> {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  scenarioHash: string;
  status: RunStatus;
  error: string | null;
}

/** GET /api/runs/{id} */
export interface RunRecord extends RunSummary {
  scenarioText: string;
  result: EvaluationResult | null;
  /** while the run waits or runs */
  progress: Progress | null;
}

/** Status of a job on the server's queue, as an analysis reports it (runs have RunStatus, which adds "interrupted"). */
export type JobStatus = "queued" | "running" | "finished" | "failed" | "cancelled";

/** GET /api/analyses/{id}: an analysis job, its progress, and its result once it has finished. */
export interface AnalysisJobView {
  id: string;
  kind: AnalysisResult["kind"];
  status: JobStatus;
  progress: Progress;
  result: AnalysisResult | null;
  error: string | null;
}

/** The `end` event of GET /api/runs/{id}/events and /api/analyses/{id}/events. */
export interface JobEnd {
  status: string;
  error: string | null;
}
