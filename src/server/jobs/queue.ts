/**
 * One job queue for every long piece of work the server does (runs and analyses): jobs run one at
 * a time in submission order, a bounded number wait, each has a wall-clock limit, any can be
 * cancelled, and listeners hear its progress and its end. Knows nothing of HTTP or of what a job
 * computes: the caller passes the function that executes one (docs/WEB.md, "Jobs").
 */
import { InputError } from "../../errors.js";
import type { JobStatus } from "../../contract/api.js";
import type { Progress } from "../../contract/result.js";
import { Listeners } from "./listeners.js";

export type { JobStatus };
export type EndStatus = Exclude<JobStatus, "queued" | "running">;

export type JobEvent = { type: "progress"; progress: Progress } | { type: "end"; status: EndStatus; error: string | null };

/**
 * Executes one job: resolves with its result, rejects with an InputError (a message for the user)
 * or anything else (a bug). `signal` aborts when the job is cancelled or passes its time limit; an
 * executor should stop then (a worker thread is terminated), but the queue does not wait for it.
 */
export type Execute<Request, Result> = (request: Request, onProgress: (progress: Progress) => void, signal: AbortSignal) => Promise<Result>;

/** Too many jobs waiting: the caller should try again later (HTTP 503). */
export class BusyError extends InputError {}

export interface JobQueueOptions<Result> {
  /** what the jobs are called in messages ("run", "analysis") */
  noun: { one: string; many: string };
  /** jobs waiting or running at once; more are refused rather than queued without end */
  maxPending: number;
  /** wall-clock limit of one job, from its start; past it the job ends as failed */
  timeLimitSeconds: number;
  /** told when a job starts and ends (the run store records both) */
  onStart?: (id: string) => void;
  onEnd?: (id: string, end: { status: EndStatus; error: string | null; result: Result | null }) => void;
}

interface Pending<Request> {
  id: string;
  request: Request;
  controller: AbortController;
  /** settles the running job from outside (cancel, time limit); null while queued */
  stop: ((end: { status: EndStatus; error: string }) => void) | null;
}

export class JobQueue<Request, Result> {
  private readonly waiting: Pending<Request>[] = [];
  private running: Pending<Request> | null = null;
  private active: Promise<void> | null = null;
  private readonly progress = new Map<string, Progress>();
  private readonly listeners = new Listeners<JobEvent>();

  constructor(
    private readonly execute: Execute<Request, Result>,
    private readonly options: JobQueueOptions<Result>,
  ) {}

  /** Refuses with BusyError when the queue is full; call before recording the job anywhere. */
  checkRoom(): void {
    const pending = this.waiting.length + (this.running ? 1 : 0);
    if (pending >= this.options.maxPending) {
      const { many } = this.options.noun;
      throw new BusyError(`${this.options.maxPending} ${many} are already waiting or running; try again when one has finished`);
    }
  }

  /** Queues the job under `id` and starts it when its turn comes; `initial` is its size if known (total 0: not yet). */
  submit(id: string, request: Request, initial: Progress = { done: 0, total: 0 }): void {
    this.checkRoom();
    this.waiting.push({ id, request, controller: new AbortController(), stop: null });
    this.progress.set(id, initial);
    this.pump();
  }

  /** Latest progress of a job waiting or running here; null once it has ended (or was never here). */
  progressOf(id: string): Progress | null {
    return this.progress.get(id) ?? null;
  }

  isPending(id: string): boolean {
    return this.progress.has(id);
  }

  /** Listens to one job's events until it ends; returns the function that stops listening. */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    return this.listeners.subscribe(id, listener);
  }

  /**
   * Cancels a waiting or running job: a waiting one never starts, a running one is told to stop
   * (its worker terminated) and the queue moves on at once. Returns false when it is not pending.
   */
  cancel(id: string): boolean {
    const index = this.waiting.findIndex((p) => p.id === id);
    if (index >= 0) {
      const [job] = this.waiting.splice(index, 1);
      job.controller.abort();
      this.end(id, { status: "cancelled", error: `the ${this.options.noun.one} was cancelled before it started`, result: null });
      return true;
    }
    if (this.running?.id === id && this.running.stop) {
      this.running.stop({ status: "cancelled", error: `the ${this.options.noun.one} was cancelled while running` });
      return true;
    }
    return false;
  }

  /** Resolves when every submitted job has ended (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  /** Cancels everything (shutdown): waiting jobs are dropped, the running one stopped. */
  cancelAll(): void {
    for (const job of [...this.waiting]) this.cancel(job.id);
    if (this.running) this.cancel(this.running.id);
  }

  private pump(): void {
    if (this.active) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.active = this.run(next).finally(() => {
      this.active = null;
      this.running = null;
      this.pump();
    });
  }

  private async run(job: Pending<Request>): Promise<void> {
    this.running = job;
    this.options.onStart?.(job.id);
    const { noun, timeLimitSeconds } = this.options;
    // the job ends once, at the first of: its result, its error, a cancel, its time limit
    let ended = false;
    let released = () => {};
    const stopped = new Promise<void>((resolve) => (released = resolve));
    const finish = (end: { status: EndStatus; error: string | null; result: Result | null }) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      // a cancel or a time limit: the executor is told to stop, and nobody waits for it
      if (end.status !== "finished") job.controller.abort();
      try {
        this.end(job.id, end);
      } catch (e) {
        // recording the end failed (the store's disk, say): the queue must still move on
        process.stderr.write(`guarantor: could not record the end of ${noun.one} ${job.id}: ${(e as Error).message}\n`);
      } finally {
        released();
      }
    };
    job.stop = ({ status, error }) => finish({ status, error, result: null });
    const timer = setTimeout(() => finish({ status: "failed", error: `the ${noun.one} passed its time limit of ${timeLimitSeconds} s and was stopped`, result: null }), timeLimitSeconds * 1000);
    timer.unref?.();
    let executed: Promise<Result>;
    try {
      executed = this.execute(job.request, (progress) => this.report(job.id, progress), job.controller.signal);
    } catch (e) {
      executed = Promise.reject(e);
    }
    executed.then(
      (result) => finish({ status: "finished", error: null, result }),
      (e: unknown) => finish({ status: "failed", error: failureMessage(e), result: null }),
    );
    await stopped;
  }

  private end(id: string, end: { status: EndStatus; error: string | null; result: Result | null }): void {
    this.progress.delete(id);
    try {
      this.options.onEnd?.(id, end);
    } finally {
      this.listeners.emit(id, { type: "end", status: end.status, error: end.error });
      this.listeners.forget(id);
    }
  }

  private report(id: string, progress: Progress): void {
    if (!this.progress.has(id)) return;
    this.progress.set(id, progress);
    this.listeners.emit(id, { type: "progress", progress });
  }
}

/** What a user reads when a job fails: the input error's message, or that it is a bug. */
export function failureMessage(e: unknown): string {
  if (e instanceof InputError) return e.message;
  return `internal error in guarantor: ${e instanceof Error ? e.message : String(e)}`;
}
