/**
 * Runs: evaluations on the generic job queue (src/server/jobs/), each recorded in the run store
 * from submission to its end. Resolves the run's seed and trajectory count once, at submission,
 * the way the CLI and the library do (the request's, else the scenario's, else the defaults), so
 * the stored inputs repeat the run exactly. Knows nothing of HTTP.
 */
import { DEFAULT_SEED, DEFAULT_TRAJECTORIES } from "../contract/run-options.js";
import { InputError } from "../errors.js";
import type { EvaluationResult, Progress } from "../contract/result.js";
import type { RunStore, RunSummary } from "../store/run-store.js";
import type { Engine, EvaluationRequest, ScenarioProblem } from "./engine.js";
import { JobQueue, type JobEvent } from "./jobs/queue.js";

export { BusyError } from "./jobs/queue.js";

export interface RunManagerOptions {
  programVersion: string;
  /** runs waiting or running at once; more are refused rather than queued without end */
  maxPending?: number;
  /** wall-clock limit of one run in seconds (default one hour) */
  timeLimitSeconds?: number;
  /** the most trajectories a run may have here (the scenario's own count included) */
  maxTrajectories?: number;
  /**
   * resume the runs a stopped server left unfinished instead of marking them interrupted: on a job
   * queue their finished jobs are gathered, the rest run on (docs/SCALING.md, "The web app")
   */
  resume?: boolean;
}

/** What a run asks for; seed and trajectories default as in the library. */
export type RunSubmission = Partial<Pick<EvaluationRequest, "seed" | "trajectories">> & Pick<EvaluationRequest, "options" | "perspectives">;

export const DEFAULT_RUN_TIME_LIMIT_SECONDS = 3600;

/** The scenario cannot be run: each problem located for the editor. */
export class ScenarioProblemsError extends InputError {
  constructor(readonly problems: ScenarioProblem[]) {
    super(`the scenario has ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  }
}

export class RunManager {
  private readonly queue: JobQueue<string, EvaluationResult>;
  /** runs a stopped server left unfinished, resumed here (options.resume) */
  readonly resumed: string[];

  constructor(
    private readonly store: RunStore,
    private readonly engine: Engine,
    private readonly options: RunManagerOptions,
  ) {
    const maxPending = options.maxPending ?? 8;
    this.resumed = options.resume ? store.unfinished().slice(0, maxPending) : [];
    store.markInterrupted(this.resumed);
    this.queue = new JobQueue<string, EvaluationResult>((id, onProgress, signal) => this.evaluate(id, onProgress, signal), {
      noun: { one: "run", many: "runs" },
      maxPending,
      timeLimitSeconds: options.timeLimitSeconds ?? DEFAULT_RUN_TIME_LIMIT_SECONDS,
      onStart: (id) => store.markRunning(id),
      onEnd: (id, end) => {
        if (end.status === "finished") store.finish(id, end.result!);
        else if (end.status === "cancelled") store.cancel(id, end.error ?? "cancelled");
        else store.fail(id, end.error ?? "failed");
      },
    });
    for (const id of this.resumed) {
      store.markQueued(id);
      this.queue.submit(id, id);
    }
  }

  /** Records the run as queued and starts it when its turn comes. The scenario must be valid. */
  submit(scenarioText: string, request: RunSubmission): RunSummary {
    this.queue.checkRoom();
    const checked = this.engine.validate(scenarioText);
    if (!checked.valid) throw new ScenarioProblemsError(checked.problems);
    checkSelection("option", request.options, checked.scenario.options);
    checkSelection("perspective", request.perspectives, checked.scenario.perspectives);
    const seed = request.seed ?? checked.scenario.seed ?? DEFAULT_SEED;
    const trajectories = request.trajectories ?? checked.scenario.trajectories ?? DEFAULT_TRAJECTORIES;
    const cap = this.options.maxTrajectories;
    if (cap !== undefined && trajectories > cap) {
      throw new InputError(`the scenario asks for ${trajectories} trajectories; this server runs at most ${cap}: set "trajectories" in the request`);
    }
    const run = this.store.create({
      scenarioName: checked.scenario.name,
      scenarioText,
      seed,
      trajectories,
      options: request.options ?? null,
      perspectives: request.perspectives ?? null,
      programVersion: this.options.programVersion,
    });
    this.queue.submit(run.id, run.id);
    return run;
  }

  /** Cancels a waiting or running run (its worker is terminated); false when it is not pending here. */
  cancel(id: string): boolean {
    return this.queue.cancel(id);
  }

  /** Latest progress of a run this process is running or will run; null otherwise. */
  progressOf(id: string): Progress | null {
    return this.queue.progressOf(id);
  }

  isPending(id: string): boolean {
    return this.queue.isPending(id);
  }

  /** Listens to one run's events until it ends; returns the function that stops listening. */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    return this.queue.subscribe(id, listener);
  }

  /** Resolves when every submitted run has ended (for tests and shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private evaluate(id: string, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<EvaluationResult> {
    const run = this.store.get(id);
    if (!run) return Promise.reject(new InputError("the run was deleted before it started"));
    const request: EvaluationRequest = {
      seed: run.seed,
      trajectories: run.trajectories,
      ...(run.options ? { options: run.options } : {}),
      ...(run.perspectives ? { perspectives: run.perspectives } : {}),
    };
    return this.engine.evaluate(run.scenarioText, request, onProgress, signal, (jobs) => this.store.recordJobs(id, jobs));
  }
}

function checkSelection(kind: string, wanted: string[] | undefined, known: { id: string }[]): void {
  const ids = known.map((k) => k.id);
  const unknown = (wanted ?? []).filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    throw new InputError(`unknown ${kind} ${unknown.map((u) => `"${u}"`).join(", ")}; the scenario has: ${ids.join(", ")}`);
  }
}
