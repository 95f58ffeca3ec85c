/**
 * Simulation engine benchmarks (`npm run bench -- sim`): single-core throughput of both modes,
 * the speed-up from one to two workers, memory at 10^4–10^6 trajectories, allocation in the hot
 * loop, and the full bundled comparison. Every measurement is bounded in time; medians of repeats.
 */
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { evaluate, type EvaluateOptions } from "../../src/sim/evaluate.js";
import { BLOCK_SIZE } from "../../src/sim/plan.js";
import { BlockPool } from "../../src/sim/pool.js";
import { measureThroughput } from "./throughput.js";
import { garbageCollectionsPerTrajectory, youngBytesPerTrajectory } from "./allocation.js";
import { antitheticGains } from "./antithetic.js";

const SCENARIO = "scenarios/ukraine-2025.yaml";
const REPEATS = 3;
/** No single evaluation below may run longer than this; it is cancelled and reported as such. */
const LIMIT_SECONDS = 120;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const millions = (x: number) => `${(x / 1e6).toFixed(2)} M`;

/** Wall-clock seconds of one evaluation, cancelled after LIMIT_SECONDS (then Infinity). */
async function timed(opts: EvaluateOptions): Promise<number> {
  const scenario = loadScenarioFile(SCENARIO);
  const start = performance.now();
  try {
    await evaluate(scenario, { ...opts, signal: AbortSignal.timeout(LIMIT_SECONDS * 1000) });
  } catch (e) {
    if ((e as Error).message.includes("cancelled")) return Infinity;
    throw e;
  }
  return (performance.now() - start) / 1000;
}

async function throughput(): Promise<void> {
  const scenario = loadScenarioFile(SCENARIO);
  for (const mode of ["monthly", "event"] as const) {
    measureThroughput(scenario, mode, 1); // warm-up (JIT)
    const runs = Array.from({ length: REPEATS }, (_, r) => measureThroughput(scenario, mode, 3, 1000 * (r + 1)));
    console.log(
      `${mode.padEnd(7)} one core: ${millions(median(runs.map((r) => r.trajectoryMonthsPerSecond)))} trajectory-months/s wall, ` +
        `${millions(median(runs.map((r) => r.trajectoryMonthsPerCpuSecond)))} per CPU-second (median of ${REPEATS})`,
    );
  }
}

/** Blocks per second of a started, warmed-up pool: the throughput a second worker adds, start-up excluded. */
async function poolThroughput(size: number, blocks: number, perspectives: string[] | undefined): Promise<number> {
  const scenario = loadScenarioFile(SCENARIO);
  const trajectories = (blocks + 2 * size) * BLOCK_SIZE;
  const pool = new BlockPool(size, { scenario, planOptions: { perspectives, trajectories }, keepRows: false });
  try {
    const warmUp = Array.from({ length: 2 * size }, (_, b) => ({ block: b, trajectories }));
    await pool.run(warmUp, () => {});
    const tasks = Array.from({ length: blocks }, (_, b) => ({ block: 2 * size + b, trajectories }));
    const start = performance.now();
    await pool.run(tasks, () => {});
    return blocks / ((performance.now() - start) / 1000);
  } finally {
    await pool.close();
  }
}

/** The speed-up on blocks of one perspective (small messages, frequent merges) and of the full comparison's four. */
async function speedUp(): Promise<void> {
  for (const [label, perspectives, blocks] of [
    ["baseline priors", ["baseline"], 24],
    ["all perspectives (the full comparison's blocks)", undefined, 12],
  ] as const) {
    const one: number[] = [];
    const two: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      one.push(await poolThroughput(1, blocks, perspectives ? [...perspectives] : undefined));
      two.push(await poolThroughput(2, blocks, perspectives ? [...perspectives] : undefined));
    }
    const ratio = median(two.map((t, r) => t / one[r]));
    console.log(
      `speed-up 1 → 2 workers, ${label}: ${ratio.toFixed(2)}× (${median(one).toFixed(2)} → ${median(two).toFixed(2)} blocks/s of ${BLOCK_SIZE} trajectories × all options, ` +
        `${blocks} blocks after warm-up, medians of ${REPEATS} paired runs; target ≥ 1.8×)`,
    );
  }
}

async function memory(): Promise<void> {
  for (const trajectories of [1e4, 1e5, 1e6]) {
    globalThis.gc?.();
    const before = process.memoryUsage();
    // peaks are sampled at progress events, once per block of trajectories
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    const start = performance.now();
    const finished = await evaluate(loadScenarioFile(SCENARIO), {
      trajectories,
      options: ["ceasefire-only"],
      perspectives: ["baseline"],
      signal: AbortSignal.timeout(LIMIT_SECONDS * 1000),
      onProgress: () => {
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
      },
    }).then(
      () => true,
      (e: Error) => {
        if (e.message.includes("cancelled")) return false;
        throw e;
      },
    );
    const mb = (x: number) => `${(x / 2 ** 20).toFixed(1)} MB`;
    console.log(
      `memory at ${trajectories.toExponential(0)} trajectories (one option, one perspective, one thread, ${((performance.now() - start) / 1000).toFixed(1)} s${finished ? "" : ", cancelled at the time limit"}): ` +
        `peak heap +${mb(peakHeap - before.heapUsed)}, peak RSS +${mb(peakRss - before.rss)}`,
    );
  }
}

async function fullComparison(): Promise<void> {
  const workers = availableParallelism();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const cpu = process.cpuUsage(); // all threads of the process: the workers' time included
    walls.push(await timed({ trajectories: 100_000, workers }));
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1e6);
  }
  const seconds = median(walls);
  const scenario = loadScenarioFile(SCENARIO);
  const cells = scenario.options.length * Object.keys(scenario.perspectives).length;
  console.log(
    `full comparison (${scenario.options.length} options × ${Object.keys(scenario.perspectives).length} perspectives × 100,000 trajectories × ${scenario.horizon_years} years, ${workers} workers): ` +
      (Number.isFinite(seconds) ? `${seconds.toFixed(1)} s wall, ${median(cpus).toFixed(1)} CPU-seconds` : `cancelled after ${LIMIT_SECONDS} s`) +
      ` (median of ${REPEATS}; runs ${walls.map((w) => w.toFixed(1)).join(", ")} s) — ${millions((cells * 100_000) / seconds)} trajectories/s; target < 10 s`,
  );
}

export async function run(): Promise<void> {
  console.log(`cores: ${availableParallelism()}, load average at start: ${loadavg().map((x) => x.toFixed(2)).join(" ")} (a shared machine makes wall-clock figures noisy)`);
  await throughput();
  console.log(`hot loop: ${await garbageCollectionsPerTrajectory(loadScenarioFile(SCENARIO))}`);
  console.log(`young-generation bytes per trajectory (event mode; V8's boxed doubles): ${youngBytesPerTrajectory(loadScenarioFile(SCENARIO))}`);
  console.log("variance reduction by antithetic parameter draws (event mode, baseline, 4,096 pairs; NaN: no variance):");
  for (const line of antitheticGains(loadScenarioFile(SCENARIO))) console.log(`  ${line}`);
  await speedUp();
  await memory();
  await fullComparison();
  console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
}
