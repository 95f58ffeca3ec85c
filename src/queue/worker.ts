/**
 * A queue worker: takes block jobs from BullMQ, runs them with the simulator's BlockRunner and
 * returns the aggregates as the job's result. The numbers depend only on the job (seed,
 * block), never on which worker ran it. A job whose worker dies is found stalled once its lock
 * lapses and runs again elsewhere (docs/SCALING.md).
 */
import { Worker, type Job } from "bullmq";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker as Thread } from "node:worker_threads";
import { BlockRunner } from "../sim/blocks.js";
import { decodeJob, encodeParts } from "./codec.js";
import { connectionOptions, openRedis } from "./connection.js";
import { QUEUE_NAME, specKey, type BlockJobData, type RedisTarget } from "./names.js";

export interface WorkerOptions {
  /** how long a job's lock lasts without renewal, ms; a dead worker's job is retried after about this (default 30,000) */
  lockMs?: number;
  /** called after each job with its id and how long it ran, ms */
  onJob?: (info: { id: string; ms: number }) => void;
  /** called when a job fails */
  onFailure?: (info: { id: string; error: string }) => void;
}

export interface RunningWorker {
  close(): Promise<void>;
}

/** Specifications (and their runners) a worker keeps at once, most recent first. */
const RUNNER_CACHE = 4;

/** Runs block jobs one at a time in this thread until closed. */
export async function startWorker(target: RedisTarget, options: WorkerOptions = {}): Promise<RunningWorker> {
  const redis = openRedis(target, "worker");
  await redis.connect();
  const runners = new Map<string, BlockRunner>();
  const runnerFor = async (hash: string): Promise<BlockRunner> => {
    const cached = runners.get(hash);
    if (cached) return cached;
    const bytes = await redis.getBuffer(specKey(hash));
    if (bytes === null) throw new Error(`the specification ${hash.slice(0, 12)} of this job is missing from Redis (expired or evicted)`);
    const runner = new BlockRunner(decodeJob(bytes));
    runners.set(hash, runner);
    if (runners.size > RUNNER_CACHE) runners.delete(runners.keys().next().value!);
    return runner;
  };
  const lockMs = options.lockMs ?? 30_000;
  const worker = new Worker<BlockJobData, string>(
    QUEUE_NAME,
    async (job: Job<BlockJobData, string>) => {
      const start = performance.now();
      const runner = await runnerFor(job.data.spec);
      const parts = runner.run({ block: job.data.block }, job.data.trajectories).map((a) => a.toData());
      // the result travels as the job's return value: in the completion event, and kept on the job for reuse
      const result = encodeParts(parts).toString("base64");
      options.onJob?.({ id: job.id!, ms: performance.now() - start });
      return result;
    },
    {
      connection: connectionOptions(target, "worker"),
      concurrency: 1,
      lockDuration: lockMs,
      stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
      // a stalled job is one whose worker died; that is no reason to give up on it
      maxStalledCount: 20,
    },
  );
  worker.on("error", () => {});
  worker.on("failed", (job, error) => options.onFailure?.({ id: job?.id ?? "?", error: error.message }));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      redis.disconnect();
    },
  };
}

/**
 * `concurrency` queue workers: this thread's own for one, else one worker thread each (the
 * simulator is CPU-bound, so parallel jobs need threads). Resolves once all are listening.
 */
export async function startWorkers(target: RedisTarget, concurrency: number, options: WorkerOptions = {}): Promise<RunningWorker> {
  if (concurrency === 1) return startWorker(target, options);
  const script = threadScript();
  const threads = Array.from({ length: concurrency }, () => new Thread(script, { workerData: { target, lockMs: options.lockMs } }));
  await Promise.all(
    threads.map(
      (t) =>
        new Promise<void>((resolve, reject) => {
          t.on("message", (msg: { kind: string; id: string; ms: number; error: string }) => {
            if (msg.kind === "ready") resolve();
            else if (msg.kind === "job") options.onJob?.(msg);
            else if (msg.kind === "failure") options.onFailure?.(msg);
          });
          t.once("error", reject);
        }),
    ),
  );
  return {
    async close() {
      await Promise.all(threads.map((t) => new Promise((resolve) => (t.once("exit", resolve), t.postMessage({ kind: "close" })))));
    },
  };
}

/** The compiled thread entry (as workerScript in src/sim/pool.ts: from the sources, the build output under dist/). */
function threadScript(): URL {
  const sibling = new URL("./worker-thread.js", import.meta.url);
  if (import.meta.url.endsWith(".js")) return sibling;
  const built = new URL("../../dist/src/queue/worker-thread.js", import.meta.url);
  if (!existsSync(fileURLToPath(built))) throw new Error(`the queue worker thread is not built (${fileURLToPath(built)}); run "npm run build"`);
  return built;
}
