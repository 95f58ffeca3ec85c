/**
 * Queue benchmarks (`npm run bench -- queue`, needs redis-server): a Sobol-like design of
 * POINTS settings (1,000 trajectories of two options each, one perspective) run inline, then as
 * ranges of design points on one worker process and on two. Prints wall-clock figures and, because
 * a shared machine's load distorts those, CPU-time figures (of this process, the workers and Redis,
 * read from /proc) that do not depend on the load: the queue's overhead per job, the speed-up of a
 * second worker, the projected time of the full 15-parameter, N = 4,096 Sobol design (69,632
 * points) on 2, 8 and 32 cores, and Redis's memory. docs/SCALING.md quotes the figures.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { runSettings, simulatorProbe, type ProbeSetting, type ScenarioProbe } from "../../src/analysis/probe.js";
import { encodeAnswers, encodeSpec } from "../../src/queue/codec.js";
import { QueueConnection } from "../../src/queue/executor.js";
import { pointsPerJob, POINTS_PER_JOB, queuedProbe } from "../../src/queue/probe.js";
import { loadScenarioFile } from "../../src/scenario/load.js";

const SCENARIO = "scenarios/ukraine-2025.yaml";
/**
 * Design points per measurement (BENCH_QUEUE_POINTS): 96 jobs of the default 16 points, 48 per worker
 * when there are two, so that the run's last job (one worker finishing while the other has none
 * left) is a small share of it, as in the large designs the queue is for (thousands of jobs).
 */
const POINTS = Number(process.env.BENCH_QUEUE_POINTS ?? 1536);
const SIZES = { trajectories: 1000, batches: 1 };
const OPTIONS = ["ceasefire-only", "nato-membership"];
const SOBOL_PARAMETERS = 15;
/** Jobs of the measurement of the queue's own cost per job. */
const TINY_JOBS = 64;
/** Alternating rounds of one worker against two (BENCH_QUEUE_ROUNDS). */
const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 3);
const SOBOL_BASE = 4096;
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;

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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** The design's settings: two parameters at points of a simple low-discrepancy lattice, shifted by `seed`. */
function design(seed: number): ProbeSetting[] {
  return Array.from({ length: POINTS }, (_, p) => ({
    perspective: "baseline",
    overrides: {
      window_rate_per_year: { dist: "fixed", value: 0.05 + 0.5 * (((p + seed) * 0.618034) % 1) },
      challenger_stake_log_mean: { dist: "fixed", value: -0.5 + ((p * 0.754878 + seed * 0.1) % 1) },
    },
  }));
}

interface Measured {
  wall: number;
  /** CPU seconds of every process involved: this one, the workers, Redis */
  cpu: number;
}

async function measure(probe: ScenarioProbe, seed: number, others: () => number[], points = POINTS): Promise<Measured> {
  const before = [ownCpu(), ...others()];
  const start = performance.now();
  await runSettings(probe, design(seed).slice(0, points), OPTIONS);
  const wall = (performance.now() - start) / 1000;
  const after = [ownCpu(), ...others()];
  return { wall, cpu: after.reduce((sum, x, i) => sum + x - before[i], 0) };
}

async function usedMemory(port: number): Promise<number> {
  const client = new Redis({ port, host: "127.0.0.1" });
  try {
    return Number(/used_memory:(\d+)/.exec(await client.info("memory"))?.[1] ?? NaN);
  } finally {
    client.disconnect();
  }
}

const duration = (s: number) => (s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 60 ? `${(s / 60).toFixed(0)} min` : `${s.toFixed(0)} s`);
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;

export async function run(): Promise<void> {
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0) {
    console.log("skipped: redis-server is not installed (apt-get install redis-server)");
    return;
  }
  const size = pointsPerJob(POINTS);
  const jobs = Math.ceil(POINTS / size);
  console.log(`machine: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)}; design of ${POINTS} points (${SIZES.trajectories} trajectories × ${OPTIONS.length} options each) in ${jobs} jobs of ${size}`);
  const port = await freePort();
  const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  const workers: ChildProcess[] = [];
  const url = `redis://127.0.0.1:${port}`;
  const connection = new QueueConnection({ redis: url });
  const scenario = loadScenarioFile(SCENARIO);
  const others = () => [redis.pid, ...workers.map((w) => w.pid)].map(cpuSeconds);
  try {
    await waitFor(redis, "stdout", "Ready to accept connections");
    const main = fileURLToPath(new URL("../../src/cli/main.js", import.meta.url));
    const startWorker = async () => {
      const w = spawn(process.execPath, [main, "worker", "--redis", url, "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
      workers.push(w);
      await waitFor(w, "stdout", "worker:");
    };
    const local = simulatorProbe(scenario, { seed: 1, ...SIZES });
    const queued = (seed: number) => queuedProbe(scenario, { seed, ...SIZES }, connection);

    await measure(simulatorProbe(scenario, { seed: 2, ...SIZES }), 0, others); // warm-up
    const inline = await measure(local, 1, others);
    console.log(`inline: ${ms(inline.wall / POINTS)} wall, ${ms(inline.cpu / POINTS)} CPU per point; a job of ${size} points ≈ ${ms((inline.cpu / POINTS) * size)} CPU`);

    await startWorker();
    await measure(queued(3), 3, others); // warm-up: the worker's compile and first connection
    const one = await measure(queued(1), 1, others);
    const overheadWall = (one.wall - inline.wall) / jobs;
    const overheadCpu = (one.cpu - inline.cpu) / jobs;
    const jobCpu = inline.cpu / jobs;
    console.log(`1 worker process: ${ms(one.wall / POINTS)} wall, ${ms(one.cpu / POINTS)} CPU per point (all processes)`);
    console.log(`  queue overhead per job, as the difference from inline: ${ms(overheadWall)} wall = ${((overheadWall / (inline.wall / jobs)) * 100).toFixed(1)}%; ${ms(overheadCpu)} CPU = ${((overheadCpu / jobCpu) * 100).toFixed(1)}% of a job (noisy on a loaded machine)`);
    // the queue's own cost, measured where the simulation is negligible: jobs of one tiny point each
    const tinySizes = { trajectories: 2, batches: 1 };
    const tinyInline = await measure(simulatorProbe(scenario, { seed: 5, ...tinySizes }), 5, others, TINY_JOBS);
    await measure(queuedProbe(scenario, { seed: 6, ...tinySizes, pointsPerJob: 1 }, connection), 6, others, TINY_JOBS);
    const tinyQueued = await measure(queuedProbe(scenario, { seed: 5, ...tinySizes, pointsPerJob: 1 }, connection), 5, others, TINY_JOBS);
    const perJobCpu = (tinyQueued.cpu - tinyInline.cpu) / TINY_JOBS;
    const defaultJobCpu = (inline.cpu / POINTS) * POINTS_PER_JOB;
    console.log(`  queue cost per job, from ${TINY_JOBS} jobs of one 2-trajectory point: ${ms(perJobCpu)} CPU (all processes), ${ms((tinyQueued.wall - tinyInline.wall) / TINY_JOBS)} wall = ${((perJobCpu / defaultJobCpu) * 100).toFixed(2)}% of a default job of ${POINTS_PER_JOB} points (${ms(defaultJobCpu)} CPU; target < 2%)`);

    // one worker against two in alternating rounds, so that a shared host's drift falls on both alike;
    // every measurement has its own seed (a resubmitted design would reuse the finished jobs)
    const rounds: { wall: number; cpu: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const single = r === 0 ? one : await measure(queued(10 + r), 10 + r, others);
      await startWorker();
      await measure(queued(20 + r), 20 + r, others, Math.min(POINTS, 4 * size)); // the second worker's warm-up
      const two = await measure(queued(30 + r), 30 + r, others);
      await stop(workers.pop()!);
      // with a core each, two workers finish in half the CPU-bound time: the CPU figures say how much of that the queue keeps
      rounds.push({ wall: single.wall / two.wall, cpu: (2 * single.cpu) / two.cpu });
      console.log(`round ${r + 1}: 1 worker ${ms(single.wall / POINTS)}, 2 worker processes ${ms(two.wall / POINTS)} wall per point (${ms(two.cpu / POINTS)} CPU): ×${rounds[r].wall.toFixed(2)} by the clock, ×${rounds[r].cpu.toFixed(2)} from CPU time`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const speedupCpu = median(rounds.map((x) => x.cpu));
    console.log(`  throughput of 2 worker processes, median of ${ROUNDS} rounds: ×${median(rounds.map((x) => x.wall)).toFixed(2)} of one worker by the clock (${availableParallelism()} cores shared with whatever else runs); ×${speedupCpu.toFixed(2)} from CPU time, i.e. with a free core per worker (target ≥ 1.8)`);

    const points = SOBOL_BASE * (SOBOL_PARAMETERS + 2);
    const perPointCpu = one.cpu / POINTS;
    const efficiency = Math.min(1, speedupCpu / 2);
    console.log(`full Sobol design, k = ${SOBOL_PARAMETERS}, N = ${SOBOL_BASE}: ${points.toLocaleString("en-US")} points in ${Math.ceil(points / pointsPerJob(points)).toLocaleString("en-US")} jobs of ${pointsPerJob(points)}; ${ms(perPointCpu)} CPU per point, queue included = ${duration(points * perPointCpu)} on one core`);
    for (const cores of [2, 8, 32]) {
      console.log(`  projected on ${String(cores).padStart(2)} cores (one worker each, ${(efficiency * 100).toFixed(0)}% efficiency as measured for two): ${duration((points * perPointCpu) / (cores * efficiency))}`);
    }
    const memory = await usedMemory(port);
    const measuredJobs = (2 + 3 * ROUNDS) * jobs + 2 * TINY_JOBS;
    const result = encodeAnswers(await runSettings(simulatorProbe(scenario, { seed: 1, ...SIZES }), design(1).slice(0, size), OPTIONS)).length;
    const spec = encodeSpec({ kind: "probe", scenario, seed: 1, ...SIZES, options: OPTIONS }).bytes.length;
    console.log(`Redis memory after ${measuredJobs} jobs: ${(memory / 1e6).toFixed(1)} MB used (${(memory / measuredJobs / 1000).toFixed(1)} kB per job, with Redis's own ~1 MB and the event stream)`);
    console.log(`  one job's result: ${(result / 1000).toFixed(1)} kB deflated (×4/3 as base64); the specification, once per analysis: ${(spec / 1000).toFixed(1)} kB`);
    console.log(`  the full design's jobs kept for reuse: ≈ ${(((memory / measuredJobs) * points) / pointsPerJob(points) / 1e6).toFixed(0)} MB`);
  } finally {
    await connection.close();
    await Promise.all(workers.map(stop));
    await stop(redis);
  }
}
