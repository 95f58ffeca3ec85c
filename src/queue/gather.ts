/**
 * Submitting jobs and gathering their results in order: the core shared by the block executor
 * (executor.ts) and the design-range probe (probe.ts). Jobs whose ids are already finished are
 * reused; results are delivered strictly in job order whatever order workers finish in; a job
 * that fails for good, or Redis going away, rejects the whole submission; a cancelled submission
 * takes its jobs that no worker has started off the queue (docs/SCALING.md).
 */
import type { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { InputError } from "../errors.js";
import { checkReachable, QueueError } from "./connection.js";
import { KEEP_SECONDS, specKey, type RedisTarget } from "./names.js";

/** One job of a submission: its id (a hash of what it computes), name, data and how to name it to a person. */
export interface JobToRun {
  id: string;
  name: string;
  data: unknown;
  describe(): string;
}

export interface GatherOptions {
  target: RedisTarget;
  /** tries of a job before the submission fails on it */
  attempts: number;
  /** how often the next job's state and Redis's health are checked, ms */
  pollMs: number;
  /** how long Redis may fail to answer before the submission fails, ms */
  redisTimeoutMs: number;
  /** called once with how many of the jobs were already finished */
  onSubmitted?: (info: { jobs: number; reused: number }) => void;
  /**
   * Cancels the submission: it delivers nothing more, removes its jobs still waiting for a worker
   * from the queue (those running finish, and their results are kept for reuse), then rejects.
   */
  signal?: AbortSignal;
}

/** Job states in which no worker has the job yet. */
const NOT_STARTED = new Set(["waiting", "prioritized", "delayed", "waiting-children"]);

export interface Connected {
  redis: Redis;
  queue: Queue;
  events: QueueEvents;
}

/**
 * Stores the specification, adds the jobs (ids already present are not added twice) and calls
 * `deliver(i, result)` for i = 0, 1, … in order with each job's result (its return value).
 */
export function submitAndGather(
  { redis, queue, events }: Connected,
  spec: { hash: string; bytes: Buffer },
  jobs: JobToRun[],
  deliver: (index: number, result: string) => void,
  options: GatherOptions,
): Promise<void> {
  if (jobs.length === 0) return Promise.resolve();
  const { attempts, target } = options;
  const indexOf = new Map(jobs.map((job, i) => [job.id, i]));
  return new Promise<void>((resolve, reject) => {
    const finished = new Set<number>();
    /** results of finished jobs not yet delivered */
    const results = new Map<number, string>();
    const retried = new Set<number>();
    let next = 0;
    let settled = false;
    let pumping = false;
    let timer: NodeJS.Timeout | undefined;

    const stop = () => {
      settled = true;
      clearTimeout(timer);
      events.off("completed", onCompleted);
      events.off("failed", onFailed);
      options.signal?.removeEventListener("abort", onAbort);
    };
    const fail = (error: unknown) => {
      if (settled) return;
      stop();
      reject(error instanceof Error ? error : new QueueError(String(error)));
    };
    const lost = () =>
      fail(new QueueError(`lost the connection to Redis at ${target.url} during the run; no result was produced (finished jobs are kept: running the same command again reuses them)`));
    const failedForGood = (i: number, reason: string) => fail(new QueueError(`${jobs[i].describe()} failed after ${attempts} attempts: ${reason.split("\n")[0]}`));
    /** the adding of the jobs, which a cancellation waits for before taking them off */
    let submitted: Promise<void> = Promise.resolve();
    /**
     * Stops delivering at once; once nothing more is being added, takes the jobs no worker has
     * started off the queue (a job a worker takes meanwhile is locked, and remove() leaves it
     * alone), then rejects. The queue's connection stays open until then.
     */
    const onAbort = () => {
      if (settled) return;
      const from = next;
      stop();
      const withdraw = async () => {
        await submitted.catch(() => {});
        const open = jobs.slice(from).filter((_, k) => !finished.has(from + k));
        for (let at = 0; at < open.length; at += ADD_SLICE) {
          const slice = open.slice(at, at + ADD_SLICE);
          const states = await Promise.all(slice.map((job) => queue.getJobState(job.id)));
          await Promise.all(slice.filter((_, k) => NOT_STARTED.has(states[k])).map((job) => queue.remove(job.id)));
        }
      };
      void withdraw()
        .catch(() => {})
        .then(() => reject(cancellation(options.signal!)));
    };
    /** Deliver finished results in job order; one pump at a time. */
    const pump = async () => {
      if (pumping || settled) return;
      pumping = true;
      try {
        while (!settled && finished.has(next)) {
          const result = results.get(next) ?? (await queue.getJob(jobs[next].id))?.returnvalue;
          if (settled) return;
          if (typeof result !== "string") {
            // finished but gone since (removed or evicted): run it again
            finished.delete(next);
            await queue.remove(jobs[next].id);
            await add([next]);
            break;
          }
          results.delete(next);
          deliver(next, result);
          next++;
        }
        if (next === jobs.length && !settled) {
          stop();
          resolve();
        }
      } catch (e) {
        fail(e);
      } finally {
        pumping = false;
      }
    };
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
      const i = indexOf.get(jobId);
      if (i === undefined || i < next) return;
      if (typeof returnvalue === "string") results.set(i, returnvalue);
      finished.add(i);
      void pump();
    };
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
      const i = indexOf.get(jobId);
      if (i !== undefined) failedForGood(i, failedReason);
    };
    const add = (indices: number[]) =>
      queue.addBulk(
        indices.map((i) => ({
          name: jobs[i].name,
          data: jobs[i].data,
          opts: { jobId: jobs[i].id, attempts, backoff: { type: "fixed", delay: 200 }, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } },
        })),
      );
    /**
     * The state of job i: finished jobs are taken, a job failed in an earlier submission is
     * retried, and one that is gone (another submission of the same job was cancelled and took it
     * off the queue) is added again, when `readd`.
     */
    const check = async (i: number, readd: boolean): Promise<boolean> => {
      const state = await queue.getJobState(jobs[i].id);
      if (state === "completed") {
        finished.add(i);
        return true;
      }
      if (state === "unknown" && readd) await add([i]);
      if (state === "failed") {
        const job = await queue.getJob(jobs[i].id);
        if (job && job.attemptsMade >= attempts && !retried.has(i)) {
          retried.add(i);
          await job.retry("failed", { resetAttemptsMade: true });
        } else if (job && retried.has(i)) failedForGood(i, job.failedReason ?? "unknown failure");
      }
      return false;
    };
    /** Every pollMs: Redis still answers, and the next job's state (in case an event was missed). */
    const watch = async () => {
      if (settled) return;
      try {
        await checkReachable(redis, target, options.redisTimeoutMs);
      } catch {
        return lost();
      }
      try {
        if (!finished.has(next)) await check(next, true);
        await pump();
      } catch (e) {
        if (redis.status !== "ready") return lost();
        return fail(e);
      }
      if (!settled) timer = setTimeout(() => void watch(), options.pollMs);
    };

    if (options.signal?.aborted) return reject(cancellation(options.signal));
    options.signal?.addEventListener("abort", onAbort);
    events.on("completed", onCompleted);
    events.on("failed", onFailed);
    submitted = (async () => {
      await redis.set(specKey(spec.hash), spec.bytes, "EX", KEEP_SECONDS);
      // what an earlier submission finished, counted before anything is added (a job of this one may finish at once)
      let reused = 0;
      for (let i = 0; i < jobs.length && !settled; i++) if (await check(i, false)) reused++;
      const missing = jobs.map((_, i) => i).filter((i) => !finished.has(i));
      // in slices, so that a very large design does not become one huge Redis command
      for (let from = 0; from < missing.length && !settled; from += ADD_SLICE) await add(missing.slice(from, from + ADD_SLICE));
      if (settled) return;
      options.onSubmitted?.({ jobs: jobs.length, reused });
      await pump();
      void watch();
    })();
    submitted.catch((e) => (redis.status !== "ready" ? lost() : fail(e)));
  });
}

/** The error a cancelled submission rejects with: the signal's reason where it is a message for the user, else a plain one. */
function cancellation(signal: AbortSignal): Error {
  return signal.reason instanceof InputError ? signal.reason : new QueueError("the submission was cancelled");
}

/** Jobs added per Redis command. */
const ADD_SLICE = 1000;
