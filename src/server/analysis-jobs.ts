/**
 * Long analyses (sensitivity, cruxes) as jobs on the generic job queue (src/server/jobs/): one at
 * a time, a few waiting at most, a wall-clock limit each, cancellable, and the latest results kept
 * in memory (analyses are not stored; they are quick to repeat). A request is checked before it is
 * accepted: the scenario must be valid and every option, perspective and parameter it names must
 * exist, so a bad request is a 422 at once rather than a failed job later. Knows nothing of HTTP.
 */
import { randomUUID } from "node:crypto";
import { InputError } from "../errors.js";
import type { AnalysisJobView } from "../contract/api.js";
import { PARAMETERS } from "../contract/parameters.js";
import type { Progress } from "../contract/result.js";
import { loadScenarioText } from "../scenario/load.js";
import type { AnalysisResult } from "./analysis-runner.js";
import { plannedSteps } from "./analysis-steps.js";
import type { AnalysisJobRequest } from "./analysis-schemas.js";
import type { ValidationOutcome } from "./engine.js";
import { JobQueue, type Execute, type JobEvent } from "./jobs/queue.js";
import { runInWorker } from "./jobs/worker.js";
import { libraryEngine } from "./library-engine.js";
import { ScenarioProblemsError } from "./run-manager.js";

export type AnalysisRunner = (request: AnalysisJobRequest, onProgress: (p: Progress) => void, signal: AbortSignal) => Promise<AnalysisResult>;

/** An analysis as GET /api/analyses/{id} answers it (the contract's shape). */
export type AnalysisJob = AnalysisJobView;

/** The analysis in a worker thread, so the server keeps answering and streaming progress. */
export const workerAnalysisRunner: AnalysisRunner = (request, onProgress, signal) => runInWorker<AnalysisResult>({ kind: "analysis", request }, onProgress, signal);

export interface AnalysisJobsOptions {
  /** analyses waiting or running at once */
  pending: number;
  /** ended analyses kept in memory */
  kept: number;
  /** wall-clock limit of one analysis in seconds */
  timeLimitSeconds?: number;
  /** checks the scenario text (default: the library's loader) */
  validate?: (text: string) => ValidationOutcome;
  /**
   * where analyses are also recorded, so that they outlive the server; with it, the analyses a
   * stopped server left unfinished are resumed (a server on the job queue: src/server/jobs/queue-engine.ts)
   */
  records?: AnalysisRecords;
}

/** The run store's side of kept analyses (src/store/run-store.ts). */
export interface AnalysisRecords {
  createAnalysis(id: string, kind: string, request: unknown): void;
  updateAnalysis(id: string, status: string, error: string | null, result: unknown): void;
  analysis(id: string): { id: string; kind: string; status: string; error: string | null; result: unknown } | null;
  unfinishedAnalyses(): { id: string; request: unknown }[];
  markAnalysesInterrupted(except: readonly string[]): number;
}

export const DEFAULT_ANALYSIS_TIME_LIMIT_SECONDS = 1800;

export class AnalysisJobs {
  private readonly jobs = new Map<string, AnalysisJob>();
  private readonly queue: JobQueue<AnalysisJobRequest, AnalysisResult>;
  private readonly validate: (text: string) => ValidationOutcome;

  constructor(runner: AnalysisRunner = workerAnalysisRunner, private readonly limits: AnalysisJobsOptions = { pending: 4, kept: 32 }) {
    this.validate = limits.validate ?? libraryEngine.validate;
    const execute: Execute<AnalysisJobRequest, AnalysisResult> = runner;
    this.queue = new JobQueue(execute, {
      noun: { one: "analysis", many: "analyses" },
      maxPending: limits.pending,
      timeLimitSeconds: limits.timeLimitSeconds ?? DEFAULT_ANALYSIS_TIME_LIMIT_SECONDS,
      onStart: (id) => this.update(id, { status: "running" }),
      onEnd: (id, end) => this.update(id, { status: end.status, error: end.error, result: end.result }),
    });
    const records = limits.records;
    if (records) {
      const resumed = records.unfinishedAnalyses().slice(0, limits.pending);
      records.markAnalysesInterrupted(resumed.map((r) => r.id));
      for (const { id, request } of resumed) {
        const job: AnalysisJob = { id, kind: (request as AnalysisJobRequest).kind, status: "queued", progress: { done: 0, total: 0 }, result: null, error: null };
        this.jobs.set(id, job);
        this.queue.submit(id, request as AnalysisJobRequest);
      }
      this.resumed = resumed.length;
    }
  }

  /** analyses a stopped server left unfinished, resumed here (options.records) */
  readonly resumed: number = 0;

  /** Checks the request against its scenario, then queues it; throws BusyError, ScenarioProblemsError or InputError. */
  submit(request: AnalysisJobRequest): AnalysisJob {
    this.queue.checkRoom();
    checkAgainstScenario(request, this.validate(request.scenario));
    const progress = { done: 0, total: this.plannedSteps(request) };
    const job: AnalysisJob = { id: randomUUID(), kind: request.kind, status: "queued", progress, result: null, error: null };
    this.jobs.set(job.id, job);
    this.limits.records?.createAnalysis(job.id, job.kind, request);
    this.forgetOld();
    this.queue.submit(job.id, request, progress);
    return job;
  }

  /** The job with its latest progress. */
  get(id: string): AnalysisJob | undefined {
    const job = this.jobs.get(id) ?? this.recorded(id);
    if (!job) return undefined;
    const progress = this.queue.progressOf(id);
    if (progress) job.progress = progress;
    return job;
  }

  /** The job's size from the start (0, "not known yet", if its scenario cannot be read here). */
  private plannedSteps(request: AnalysisJobRequest): number {
    try {
      return plannedSteps(request, loadScenarioText(request.scenario, "scenario.yaml"));
    } catch {
      return 0;
    }
  }

  /** Cancels a waiting or running analysis; false when it has already ended (or is unknown). */
  cancel(id: string): boolean {
    return this.queue.cancel(id);
  }

  /** Drops an ended analysis from memory; a waiting or running one stays (cancel it first). */
  forget(id: string): void {
    if (!this.queue.isPending(id)) this.jobs.delete(id);
  }

  progressOf(id: string): Progress | null {
    return this.queue.progressOf(id);
  }

  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    return this.queue.subscribe(id, listener);
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  cancelAll(): void {
    this.queue.cancelAll();
  }

  private update(id: string, change: Partial<AnalysisJob>): void {
    const job = this.jobs.get(id);
    if (job) Object.assign(job, change);
    if (job && this.limits.records) this.limits.records.updateAnalysis(id, job.status, job.error, job.status === "finished" ? job.result : null);
  }

  /** An analysis no longer in memory, from the records. */
  private recorded(id: string): AnalysisJob | undefined {
    const stored = this.limits.records?.analysis(id);
    if (!stored) return undefined;
    return { id, kind: stored.kind as AnalysisJob["kind"], status: stored.status as AnalysisJob["status"], progress: { done: 0, total: 0 }, result: stored.result as AnalysisJob["result"], error: stored.error };
  }

  private forgetOld(): void {
    for (const id of this.jobs.keys()) {
      if (this.jobs.size <= this.limits.kept) break;
      if (!this.queue.isPending(id)) this.jobs.delete(id);
    }
  }
}

const PARAMETER_NAMES: ReadonlySet<string> = new Set(PARAMETERS.map((p) => p.name));

/** Every id the request names must exist in its scenario (or among the model's parameters). */
function checkAgainstScenario(request: AnalysisJobRequest, outcome: ValidationOutcome): void {
  if (!outcome.valid) throw new ScenarioProblemsError(outcome.problems);
  const { options, perspectives } = outcome.scenario;
  const optionIds = options.map((o) => o.id);
  const perspectiveIds = ["baseline", ...perspectives.map((p) => p.id)];
  const named = request.kind === "sensitivity" ? [request.option, ...(request.versus ? [request.versus] : [])] : (request.options ?? []);
  const problems: string[] = [];
  const unknown = (kind: string, wanted: string[], known: string[]) => {
    const missing = wanted.filter((w) => !known.includes(w));
    if (missing.length > 0) problems.push(`unknown ${kind} ${missing.map((m) => `"${m.slice(0, 100)}"`).join(", ")}; the scenario has: ${known.join(", ")}`);
  };
  unknown("option", named, optionIds);
  if (request.perspective !== undefined) unknown("perspective", [request.perspective], perspectiveIds);
  const parameters = [...(request.parameters ?? []), ...(request.kind === "cruxes" && request.map ? request.map : [])];
  const badParameters = parameters.filter((p) => !PARAMETER_NAMES.has(p));
  if (badParameters.length > 0) problems.push(`unknown parameter ${badParameters.map((p) => `"${p.slice(0, 100)}"`).join(", ")}`);
  if (problems.length > 0) throw new InputError(problems.join("; "));
}
