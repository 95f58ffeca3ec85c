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
import { checkReachable, connectionOptions, openRedis } from "./connection.js";
import { submitAndGather, type Connected, type GatherOptions, type JobToRun } from "./gather.js";
import { ATTEMPTS, BLOCK_JOB, blockJobId, describeJob, parseRedisUrl, QUEUE_NAME, type BlockJobData, type RedisTarget } from "./names.js";

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
  private connecting: Promise<Connected> | undefined;
  private redis: Redis | undefined;
  private queue: Queue | undefined;
  private events: QueueEvents | undefined;

  constructor(readonly options: QueueExecutorOptions) {
    this.target = parseRedisUrl(options.redis);
  }

  /** The factory to pass as EvaluateOptions.executor. */
  readonly executor = (job: BlockJob): Executor => new QueueExecutor(this, job);

  /** As `executor`, also telling `report` each submission's specification hash and job counts (the run store records them). */
  executorReporting(report: (info: SubmittedJobs) => void): (job: BlockJob) => Executor {
    return (job) => new QueueExecutor(this, job, report);
  }

  get timeoutMs(): number {
    return this.options.redisTimeoutMs ?? 5000;
  }

  gatherOptions(): GatherOptions {
    return {
      target: this.target,
      attempts: this.options.attempts ?? ATTEMPTS,
      pollMs: this.options.pollMs ?? 500,
      redisTimeoutMs: this.timeoutMs,
      ...(this.options.onSubmitted ? { onSubmitted: this.options.onSubmitted } : {}),
    };
  }

  connect(): Promise<Connected> {
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
    return { run: (tasks, deliver, signal) => executor.run(tasks, deliver, signal), close: () => connection.close() };
  };
}

/** A submission as the run store records it: which specification, how many jobs, how many were already done. */
export interface SubmittedJobs {
  spec: string;
  jobs: number;
  reused: number;
}

type Task = BlockTask & { trajectories: number };

class QueueExecutor implements Executor {
  private readonly spec;

  constructor(
    private readonly connection: QueueConnection,
    job: BlockJob,
    private readonly report?: (info: SubmittedJobs) => void,
  ) {
    this.spec = encodeJob(job);
  }

  async run(tasks: Task[], deliver: (index: number, parts: AggregateData[]) => void, signal?: AbortSignal): Promise<void> {
    if (tasks.length === 0) return;
    const connected = await this.connection.connect();
    const jobs = tasks.map((t): JobToRun => {
      const { first, count } = BlockRunner.range(t.block, t.trajectories);
      const id = blockJobId(this.spec.hash, t.block, count);
      const data: BlockJobData = { spec: this.spec.hash, block: t.block, trajectories: t.trajectories };
      return { id, name: BLOCK_JOB, data, describe: () => describeJob(id, first, count) };
    });
    const options = this.connection.gatherOptions();
    const told = options.onSubmitted;
    const report = this.report;
    if (report) options.onSubmitted = (info) => (told?.(info), report({ spec: this.spec.hash, ...info }));
    if (signal) options.signal = signal;
    await submitAndGather(connected, this.spec, jobs, (i, result) => deliver(i, decodeParts(Buffer.from(result, "base64"))), options);
  }

  /** the connection is the QueueConnection's to close */
  async close(): Promise<void> {}
}
