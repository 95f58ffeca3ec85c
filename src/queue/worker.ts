/**
 * A queue worker: takes jobs from BullMQ — simulator blocks (run with the BlockRunner) and ranges
 * of an analysis's design points (run with the same simulatorProbe as a local analysis) — and
 * returns their results. The numbers depend only on the job, never on which worker ran it. A job whose worker dies is found stalled once its lock
 * lapses and runs again elsewhere (docs/SCALING.md).
 */
import { Worker, type Job } from "bullmq";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker as Thread } from "node:worker_threads";
import { simulatorProbe, type ScenarioProbe } from "../analysis/probe.js";
import { BlockRunner } from "../sim/blocks.js";
import { decodeSpec, encodeAnswers, encodeParts } from "./codec.js";
import { connectionOptions, openRedis } from "./connection.js";
import { BLOCK_JOB, QUEUE_NAME, SETTINGS_JOB, specKey, type BlockJobData, type RedisTarget, type SettingsJobData } from "./names.js";

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

/** Specifications (as runners or probes) a worker keeps at once, oldest dropped first. */
const SPEC_CACHE = 4;

type Loaded = { kind: "block"; runner: BlockRunner } | { kind: "probe"; probe: ScenarioProbe; options: string[] };

/** Runs block jobs one at a time in this thread until closed. */
export async function startWorker(target: RedisTarget, options: WorkerOptions = {}): Promise<RunningWorker> {
  const redis = openRedis(target, "worker");
  await redis.connect();
  const specs = new Map<string, Loaded>();
  const load = async (hash: string): Promise<Loaded> => {
    const cached = specs.get(hash);
    if (cached) return cached;
    const bytes = await redis.getBuffer(specKey(hash));
    if (bytes === null) throw new Error(`the specification ${hash.slice(0, 12)} of this job is missing from Redis (expired or evicted)`);
    const spec = decodeSpec(bytes);
    const loaded: Loaded =
      "kind" in spec
        ? { kind: "probe", probe: simulatorProbe(spec.scenario, { seed: spec.seed, trajectories: spec.trajectories, batches: spec.batches }), options: spec.options }
        : { kind: "block", runner: new BlockRunner(spec) };
    specs.set(hash, loaded);
    if (specs.size > SPEC_CACHE) specs.delete(specs.keys().next().value!);
    return loaded;
  };
  const lockMs = options.lockMs ?? 30_000;
  const worker = new Worker<BlockJobData | SettingsJobData, string>(
    QUEUE_NAME,
    async (job: Job<BlockJobData | SettingsJobData, string>) => {
      const start = performance.now();
      const loaded = await load(job.data.spec);
      let result: Buffer;
      if (loaded.kind === "block" && job.name === BLOCK_JOB) {
        const data = job.data as BlockJobData;
        result = encodeParts(loaded.runner.run({ block: data.block }, data.trajectories).map((a) => a.toData()));
      } else if (loaded.kind === "probe" && job.name === SETTINGS_JOB) {
        const answers = [];
        for (const setting of (job.data as SettingsJobData).settings) {
          answers.push(await loaded.probe.run(setting, loaded.options));
          // a timer's turn between settings, so BullMQ renews the job's lock during a long range
          await new Promise((resolve) => setImmediate(resolve));
        }
        result = encodeAnswers(answers);
      } else throw new Error(`job ${job.id} (${job.name}) does not match its specification (${loaded.kind})`);
      // the result travels as the job's return value: in the completion event, and kept on the job for reuse
      options.onJob?.({ id: job.id!, ms: performance.now() - start });
      return result.toString("base64");
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
