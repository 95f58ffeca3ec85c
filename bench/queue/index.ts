/**
 * Queue benchmarks (`npm run bench -- queue`, needs redis-server): jobs shaped like one point of a
 * Sobol design (1,000 trajectories of two options, one perspective: one job each), run inline, on
 * one worker process and on two; from these, the queue's overhead per job, the speed-up from a
 * second worker, and the projected time of the full 15-parameter, N = 4,096 Sobol design
 * (N·(k+2) = 69,632 points) on 2, 8 and 32 cores. docs/SCALING.md quotes the figures.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { encodeJob, encodeParts } from "../../src/queue/codec.js";
import { QueueConnection } from "../../src/queue/executor.js";
import { BlockRunner } from "../../src/sim/blocks.js";
import { makePlan } from "../../src/sim/plan.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { evaluate, type EvaluateOptions } from "../../src/sim/evaluate.js";

const SCENARIO = "scenarios/ukraine-2025.yaml";
/** Jobs per measurement: enough to keep two workers busy and average out start-up. */
const JOBS = 24;
const POINT = { trajectories: 1000, options: ["ceasefire-only", "nato-membership"], perspectives: ["baseline"] } satisfies EvaluateOptions;
const SOBOL_PARAMETERS = 15;
const SOBOL_BASE = 4096;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function waitFor(child: ChildProcess, stream: "stdout" | "stderr", text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child[stream]!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`${child.spawnargs[0]} exited (${code}): ${seen}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => (child.once("exit", () => resolve()), child.kill("SIGKILL")));
}

/** Seconds to run JOBS points with seeds from `seed`, all submitted at once. */
async function timedPoints(seed: number, executor: EvaluateOptions["executor"]): Promise<number> {
  const scenario = loadScenarioFile(SCENARIO);
  const start = performance.now();
  const runs = Array.from({ length: JOBS }, (_, j) => () => evaluate(scenario, { ...POINT, seed: seed + j, ...(executor ? { executor } : {}) }));
  if (executor) await Promise.all(runs.map((r) => r()));
  else for (const r of runs) await r();
  return (performance.now() - start) / 1000;
}

async function usedMemory(port: number): Promise<number> {
  const client = new Redis({ port, host: "127.0.0.1" });
  try {
    return Number(/used_memory:(\d+)/.exec(await client.info("memory"))?.[1] ?? NaN);
  } finally {
    client.disconnect();
  }
}

/** Bytes of one point's result and of its specification as they sit in Redis. */
function payloadBytes(): { result: number; spec: number } {
  const scenario = loadScenarioFile(SCENARIO);
  const job = { scenario, planOptions: { ...POINT, seed: 1 }, keepRows: false };
  const runner = new BlockRunner(job);
  const plan = makePlan(scenario, job.planOptions);
  return { result: encodeParts(runner.run({ block: 0 }, plan.trajectories).map((a) => a.toData())).length, spec: encodeJob(job).bytes.length };
}

const hours = (s: number) => (s >= 3600 ? `${(s / 3600).toFixed(1)} h` : `${(s / 60).toFixed(0)} min`);

export async function run(): Promise<void> {
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0) {
    console.log("skipped: redis-server is not installed (apt-get install redis-server)");
    return;
  }
  console.log(`machine: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)}`);
  const port = await freePort();
  const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  const workers: ChildProcess[] = [];
  const url = `redis://127.0.0.1:${port}`;
  const queue = new QueueConnection({ redis: url });
  try {
    await waitFor(redis, "stdout", "Ready to accept connections");
    const main = fileURLToPath(new URL("../../src/cli/main.js", import.meta.url));
    const startWorker = async () => {
      const w = spawn(process.execPath, [main, "worker", "--redis", url, "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
      workers.push(w);
      await waitFor(w, "stdout", "worker:");
    };

    await timedPoints(1, undefined); // warm-up
    const local = await timedPoints(1000, undefined);
    const perJob = local / JOBS;
    console.log(`one job (1,000 trajectories × 2 options), inline: ${(perJob * 1000).toFixed(0)} ms`);

    await startWorker();
    await timedPoints(2000, queue.executor); // warm-up: the worker's compile and first connection
    const one = await timedPoints(3000, queue.executor);
    const overhead = (one - local) / JOBS;
    console.log(`1 worker process: ${(one / JOBS * 1000).toFixed(0)} ms per job; queue overhead ${(overhead * 1000).toFixed(1)} ms per job = ${((overhead / perJob) * 100).toFixed(1)}% of a job (target < 2%)`);

    await startWorker();
    const two = await timedPoints(4000, queue.executor);
    const speedup = one / two;
    console.log(`2 worker processes: ${(two / JOBS * 1000).toFixed(0)} ms per job; throughput ×${speedup.toFixed(2)} of one worker (target ≥ 1.8; ${availableParallelism()} cores shared with whatever else runs)`);

    const points = SOBOL_BASE * (SOBOL_PARAMETERS + 2);
    const perPoint = Math.max(perJob + Math.max(0, overhead), one / JOBS);
    const efficiency = Math.min(1, speedup / 2);
    console.log(`full Sobol design, k = ${SOBOL_PARAMETERS}, N = ${SOBOL_BASE}: ${points.toLocaleString("en-US")} jobs × ${(perPoint * 1000).toFixed(0)} ms = ${hours(points * perPoint)} on one core`);
    const memory = await usedMemory(port);
    console.log(`Redis memory after ${4 * JOBS} jobs: ${(memory / 1e6).toFixed(1)} MB used (${(memory / (4 * JOBS) / 1000).toFixed(0)} kB per job, with Redis's own ~1 MB)`);
    const { result, spec } = payloadBytes();
    console.log(`one job's result: ${(result / 1000).toFixed(1)} kB deflated (×4/3 as base64 in Redis); the specification, stored once per evaluation: ${(spec / 1000).toFixed(1)} kB`);
    console.log(`  a full design's results kept for reuse: ${points.toLocaleString("en-US")} × ${(result / 1000).toFixed(1)} kB ≈ ${((points * result) / 1e9).toFixed(2)} GB (+ specifications ≈ ${((points * spec) / 1e9).toFixed(2)} GB, one per point)`);
    for (const cores of [2, 8, 32]) {
      console.log(`  projected on ${String(cores).padStart(2)} cores (one worker each, ${(efficiency * 100).toFixed(0)}% efficiency as measured for two): ${hours((points * perPoint) / (cores * efficiency))}`);
    }
  } finally {
    await queue.close();
    await Promise.all(workers.map(stop));
    await stop(redis);
  }
}
