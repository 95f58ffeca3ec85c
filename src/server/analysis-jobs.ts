/**
 * Long analyses as jobs: one at a time, a few waiting at most, progress to listeners as with runs,
 * and the latest results kept in memory (analyses are not stored; they are quick to repeat).
 * Knows nothing of HTTP; the analysis itself runs in a worker thread by default.
 */
import { randomUUID } from "node:crypto";
import { Listeners } from "./listeners.js";
import { InputError } from "../errors.js";
import type { Progress } from "../contract/result.js";
import type { AnalysisResult } from "./analysis-runner.js";
import type { AnalysisJobRequest } from "./analysis-schemas.js";
import { BusyError, type RunEvent } from "./run-manager.js";
import { runInWorker } from "./worker-engine.js";

export type AnalysisRunner = (request: AnalysisJobRequest, onProgress: (p: Progress) => void) => Promise<AnalysisResult>;

export interface AnalysisJob {
  id: string;
  kind: AnalysisJobRequest["kind"];
  status: "queued" | "running" | "finished" | "failed";
  progress: Progress;
  result: AnalysisResult | null;
  error: string | null;
}

/** The analysis in a worker thread, so the server keeps answering and streaming progress. */
export const workerAnalysisRunner: AnalysisRunner = (request, onProgress) => runInWorker<AnalysisResult>(request, "analysis-worker", onProgress);

export class AnalysisJobs {
  private readonly jobs = new Map<string, AnalysisJob>();
  private readonly queue: { job: AnalysisJob; request: AnalysisJobRequest }[] = [];
  private readonly listeners = new Listeners<RunEvent>();
  private active: Promise<void> | null = null;

  constructor(
    private readonly runner: AnalysisRunner = workerAnalysisRunner,
    private readonly limits = { pending: 4, kept: 32 },
  ) {}

  submit(request: AnalysisJobRequest): AnalysisJob {
    if (this.queue.length + (this.active ? 1 : 0) >= this.limits.pending) {
      throw new BusyError(`${this.limits.pending} analyses are already waiting or running; try again when one has finished`);
    }
    const job: AnalysisJob = { id: randomUUID(), kind: request.kind, status: "queued", progress: { done: 0, total: 0 }, result: null, error: null };
    this.jobs.set(job.id, job);
    this.forgetOld();
    this.queue.push({ job, request });
    this.pump();
    return job;
  }

  get(id: string): AnalysisJob | undefined {
    return this.jobs.get(id);
  }

  subscribe(id: string, listener: (event: RunEvent) => void): () => void {
    return this.listeners.subscribe(id, listener);
  }

  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  private forgetOld(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.limits.kept) break;
      if (job.status === "finished" || job.status === "failed") this.jobs.delete(id);
    }
  }

  private pump(): void {
    if (this.active) return;
    const next = this.queue.shift();
    if (!next) return;
    this.active = this.execute(next.job, next.request).finally(() => {
      this.active = null;
      this.pump();
    });
  }

  private async execute(job: AnalysisJob, request: AnalysisJobRequest): Promise<void> {
    job.status = "running";
    let end: RunEvent;
    try {
      job.result = await this.runner(request, (progress) => {
        job.progress = progress;
        this.listeners.emit(job.id, { type: "progress", progress });
      });
      job.status = "finished";
      end = { type: "end", status: "finished", error: null };
    } catch (e) {
      job.error = e instanceof InputError ? e.message : `internal error in guarantor: ${(e as Error).message}`;
      job.status = "failed";
      end = { type: "end", status: "failed", error: job.error };
    }
    this.listeners.emit(job.id, end);
    this.listeners.forget(job.id);
  }
}
