/**
 * The queue executor: the simulator's Executor seam (src/sim/evaluate.ts) backed by BullMQ. Each
 * block task becomes a job whose id is a hash of what it computes; workers (worker.ts) return each
 * block's aggregates as the job's result, and they are delivered strictly in task order,
 * so the merged result is bit-identical to a local run. A job that fails for good, or Redis going
 * away, rejects the run: no result, partial or otherwise, comes out.
 */
import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { AggregateData } from "../sim/aggregate.js";
import { BlockRunner, type BlockJob, type BlockTask } from "../sim/blocks.js";
import type { Executor } from "../sim/evaluate.js";
import { decodeParts, encodeJob } from "./codec.js";
import { checkReachable, connectionOptions, openRedis, QueueError } from "./connection.js";
import { ATTEMPTS, blockJobId, describeJob, KEEP_SECONDS, parseRedisUrl, QUEUE_NAME, specKey, type BlockJobData, type RedisTarget } from "./names.js";

export interface QueueExecutorOptions {
  /** redis://host:port[/db] */
  redis: string;
  /** tries of a job before the run fails on it (default ATTEMPTS) */
  attempts?: number;
  /** how often the next job's state and Redis's health are checked, ms (default 500) */
  pollMs?: number;
  /** how long Redis may fail to answer before the run fails, ms (default 5000) */
  redisTimeoutMs?: number;
  /** called once per submission with how many of its jobs were already finished */
  onSubmitted?: (info: { jobs: number; reused: number }) => void;
}

/**
 * The queue at `options.redis` as a source of executors for EvaluateOptions.executor. Evaluations,
 * even concurrent ones, share its three connections; close() it when done.
 */
export class QueueConnection {
  readonly target: RedisTarget;
  private connecting: Promise<{ redis: Redis; queue: Queue; events: QueueEvents }> | undefined;
  private redis: Redis | undefined;
  private queue: Queue | undefined;
  private events: QueueEvents | undefined;

  constructor(readonly options: QueueExecutorOptions) {
    this.target = parseRedisUrl(options.redis);
  }

  /** The factory to pass as EvaluateOptions.executor. */
  readonly executor = (job: BlockJob): Executor => new QueueExecutor(this, job, this.options);

  get timeoutMs(): number {
    return this.options.redisTimeoutMs ?? 5000;
  }

  connect(): Promise<{ redis: Redis; queue: Queue; events: QueueEvents }> {
    this.connecting ??= (async () => {
      const redis = (this.redis = openRedis(this.target, "submitter"));
      await checkReachable(redis, this.target, this.timeoutMs);
      const connection = connectionOptions(this.target, "submitter");
      const queue = (this.queue = new Queue(QUEUE_NAME, { connection }));
      const events = (this.events = new QueueEvents(QUEUE_NAME, { connection }));
      queue.on("error", () => {});
      events.on("error", () => {});
      events.setMaxListeners(0);
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
      return { redis, queue, events };
    })();
    return this.connecting;
  }

  async close(): Promise<void> {
    const closing = Promise.all([this.events?.close(), this.queue?.close()].map((p) => p?.catch(() => {})));
    // with Redis gone, closing may wait on a connection that will not come back
    await Promise.race([closing, new Promise((r) => setTimeout(r, this.timeoutMs).unref())]);
    this.redis?.disconnect();
    this.connecting = undefined;
  }
}

/** An EvaluateOptions.executor for one evaluation on its own connection, closed with the evaluation. */
export function queueExecutor(options: QueueExecutorOptions): (job: BlockJob) => Executor {
  return (job) => {
    const connection = new QueueConnection(options);
    const executor = connection.executor(job);
    return { run: (tasks, deliver) => executor.run(tasks, deliver), close: () => connection.close() };
  };
}

type Task = BlockTask & { trajectories: number };

class QueueExecutor implements Executor {
  private readonly spec;

  constructor(
    private readonly connection: QueueConnection,
    job: BlockJob,
    private readonly options: QueueExecutorOptions,
  ) {
    this.spec = encodeJob(job);
  }

  private get target(): RedisTarget {
    return this.connection.target;
  }

  private get timeoutMs(): number {
    return this.connection.timeoutMs;
  }

  async run(tasks: Task[], deliver: (index: number, parts: AggregateData[]) => void): Promise<void> {
    if (tasks.length === 0) return;
    const { redis, queue, events } = await this.connection.connect();
    const ids = tasks.map((t) => blockJobId(this.spec.hash, t.block, BlockRunner.range(t.block, t.trajectories).count));
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const describe = (i: number) => {
      const { first, count } = BlockRunner.range(tasks[i].block, tasks[i].trajectories);
      return describeJob(ids[i], first, count);
    };
    const attempts = this.options.attempts ?? ATTEMPTS;

    return new Promise<void>((resolve, reject) => {
      const finished = new Set<number>();
      /** results of finished jobs not yet delivered (base64 of encodeParts) */
      const results = new Map<number, string>();
      let next = 0;
      let settled = false;
      let pumping = false;
      let timer: NodeJS.Timeout | undefined;

      const stop = () => {
        settled = true;
        clearTimeout(timer);
        events.off("completed", onCompleted);
        events.off("failed", onFailed);
      };
      const fail = (error: unknown) => {
        if (settled) return;
        stop();
        reject(error instanceof Error ? error : new QueueError(String(error)));
      };
      const lost = () =>
        fail(new QueueError(`lost the connection to Redis at ${this.target.url} during the run; no result was produced (finished jobs are kept: running the same command again reuses them)`));
      const failedForGood = (i: number, reason: string) => fail(new QueueError(`${describe(i)} failed after ${attempts} attempts: ${reason.split("\n")[0]}`));

      /** Deliver finished results in task order; one pump at a time. */
      const pump = async () => {
        if (pumping || settled) return;
        pumping = true;
        try {
          while (!settled && finished.has(next)) {
            const result = results.get(next) ?? (await queue.getJob(ids[next]))?.returnvalue;
            if (settled) return;
            if (typeof result !== "string") {
              // finished but gone since (removed or evicted): run it again
              finished.delete(next);
              await queue.remove(ids[next]);
              await add([next]);
              break;
            }
            results.delete(next);
            deliver(next, decodeParts(Buffer.from(result, "base64")));
            next++;
          }
          if (next === tasks.length && !settled) {
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
          indices.map((i) => {
            const data: BlockJobData = { spec: this.spec.hash, block: tasks[i].block, trajectories: tasks[i].trajectories };
            return {
              name: "block",
              data,
              opts: { jobId: ids[i], attempts, backoff: { type: "fixed", delay: 200 }, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } },
            };
          }),
        );
      /** The state of job i: finished jobs are taken, a job failed in an earlier submission is retried. */
      const check = async (i: number): Promise<boolean> => {
        const state = await queue.getJobState(ids[i]);
        if (state === "completed") {
          finished.add(i);
          return true;
        }
        if (state === "failed") {
          const job = await queue.getJob(ids[i]);
          if (job && job.attemptsMade >= attempts && !retried.has(i)) {
            retried.add(i);
            await job.retry("failed", { resetAttemptsMade: true });
          } else if (job && retried.has(i)) failedForGood(i, job.failedReason ?? "unknown failure");
        }
        return false;
      };
      const retried = new Set<number>();
      /** Every pollMs: Redis still answers, and the next job's state (in case an event was missed). */
      const watch = async () => {
        if (settled) return;
        try {
          await checkReachable(redis, this.target, this.timeoutMs);
        } catch {
          return lost();
        }
        try {
          if (!finished.has(next)) await check(next);
          await pump();
        } catch (e) {
          if (redis.status !== "ready") return lost();
          return fail(e);
        }
        if (!settled) timer = setTimeout(() => void watch(), this.options.pollMs ?? 500);
      };

      events.on("completed", onCompleted);
      events.on("failed", onFailed);
      (async () => {
        await redis.set(specKey(this.spec.hash), this.spec.bytes, "EX", KEEP_SECONDS);
        await add(tasks.map((_, i) => i));
        let reused = 0;
        for (let i = 0; i < tasks.length && !settled; i++) if (finished.has(i) || (await check(i))) reused++;
        this.options.onSubmitted?.({ jobs: tasks.length, reused });
        await pump();
        void watch();
      })().catch((e) => (redis.status !== "ready" ? lost() : fail(e)));
    });
  }

  /** the connection is the QueueConnection's to close */
  async close(): Promise<void> {}
}
