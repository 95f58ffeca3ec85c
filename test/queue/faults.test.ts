/**
 * How queued runs fail, or do not: a worker SIGKILLed mid-job loses nothing; a job that keeps
 * failing ends the run naming the job; Redis going away ends the run with no result. Needs
 * redis-server (test/helpers/redis.ts).
 */
import { Queue } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { register as registerCompare } from "../../src/cli/commands/compare.js";
import { QUEUE_NAME, parseRedisUrl } from "../../src/queue/names.js";
import { QueueConnection, queueExecutor } from "../../src/queue/executor.js";
import { queuedProbe } from "../../src/queue/probe.js";
import { scenarioSensitivity } from "../../src/analysis/scenario-sensitivity.js";
import { simulatorProbe } from "../../src/analysis/probe.js";
import { startWorker } from "../../src/queue/worker.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { evaluate, evaluateWithFaults } from "../../src/sim/evaluate.js";
import { runCli } from "../helpers/cli.js";
import { HAVE_REDIS, startRedis, startWorkerProcess, stopChild, type TestRedis, type WorkerProcess } from "../helpers/redis.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const small = { seed: 21, horizonYears: 2, options: ["ceasefire-only", "nato-membership"], perspectives: ["baseline"] };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function redisServer(): Promise<TestRedis> {
  const redis = await startRedis();
  cleanups.push(() => redis.kill());
  return redis;
}
async function workerProcess(url: string): Promise<WorkerProcess> {
  const worker = await startWorkerProcess(url, ["--lock-seconds", "2"]);
  cleanups.push(() => stopChild(worker.child));
  return worker;
}

describe.skipIf(!HAVE_REDIS)("faults in a queued run", () => {
  it("a worker SIGKILLed mid-job loses nothing: its job runs again on another worker and the result is bit-identical", async () => {
    const redis = await redisServer();
    const opts = { ...small, trajectories: 8 * 1024 };
    const local = await evaluate(scenario, opts);
    const first = await workerProcess(redis.url);
    const run = evaluate(scenario, { ...opts, executor: queueExecutor({ redis: redis.url }) });
    await first.jobsDone(1);
    // it has taken its next job at once; kill it holding that job
    await stopChild(first.child);
    const queue = new Queue(QUEUE_NAME, { connection: { host: "127.0.0.1", port: redis.port } });
    cleanups.push(() => queue.close());
    expect(await queue.getActiveCount()).toBe(1);
    const second = await workerProcess(redis.url);
    const queued = await run;
    expect(JSON.stringify(queued)).toBe(JSON.stringify(local));
    expect(second.log()).toMatch(/ done /);
  });

  it("a job that keeps failing ends the run with an error naming the job", async () => {
    const redis = await redisServer();
    const worker = await startWorker(parseRedisUrl(redis.url), { lockMs: 5000 });
    cleanups.push(() => worker.close());
    const progress: number[] = [];
    const run = evaluateWithFaults(scenario, { ...small, trajectories: 3 * 1024, executor: queueExecutor({ redis: redis.url }), onProgress: (p) => progress.push(p.done) }, { failAtBlock: 1 });
    await expect(run).rejects.toThrow(/^job [0-9a-f]{40}-b1-n1024 \(trajectories 1024–2047\) failed after 3 attempts: injected failure in block 1$/);
    expect(progress).toEqual([2048]);
  });

  it("Redis going away mid-run ends the run with a clear error and no result", async () => {
    const redis = await redisServer();
    await workerProcess(redis.url);
    let killed: Promise<void> | undefined;
    const run = evaluate(scenario, {
      ...small,
      trajectories: 12 * 1024,
      executor: queueExecutor({ redis: redis.url, redisTimeoutMs: 1000 }),
      onProgress: () => (killed ??= redis.kill()),
    });
    await expect(run).rejects.toThrow(`lost the connection to Redis at ${redis.url} during the run; no result was produced`);
    expect(killed).toBeDefined();
  });

  it("compare --redis with no Redis there says so and exits 1; a bad URL is refused", async () => {
    const redis = await startRedis();
    await redis.kill();
    const args = ["compare", "scenarios/ukraine-2025.yaml", "--trajectories", "100", "--redis"];
    const down = await runCli([registerCompare], [...args, redis.url]);
    expect(down).toEqual({ out: "", err: `cannot reach Redis at ${redis.url} (is redis-server running, and is the URL right?)\n`, code: 1 });
    const bad = await runCli([registerCompare], [...args, "http://localhost:6379"]);
    expect(bad).toEqual({ out: "", err: '--redis expects a redis:// URL, got "http://localhost:6379"\n', code: 1 });
  });

  it("a worker SIGKILLed in the middle of a range of Sobol design points loses nothing: the range runs again and the indices are bit-identical", async () => {
    const redis = await redisServer();
    const sizes = { seed: 4, trajectories: 300, batches: 1 };
    const request = { method: "sobol" as const, outcome: "loss" as const, option: "ceasefire-only", versus: "nato-membership", parameters: ["window_rate_per_year", "challenger_stake_log_mean"], baseSamples: 16, bootstrap: 40, seed: 2 };
    const local = await scenarioSensitivity(simulatorProbe(scenario, sizes), request);
    const connection = new QueueConnection({ redis: redis.url });
    cleanups.push(() => connection.close());
    const first = await workerProcess(redis.url);
    const run = scenarioSensitivity(queuedProbe(scenario, sizes, connection), request);
    await first.jobsDone(1);
    await stopChild(first.child);
    const second = await workerProcess(redis.url);
    expect(JSON.stringify(await run)).toBe(JSON.stringify(local));
    expect(second.log()).toMatch(/ done .*-r\d+-/);
  });

  it("a range of design points that keeps failing ends the analysis with an error naming the job and its points", async () => {
    const redis = await redisServer();
    const worker = await startWorker(parseRedisUrl(redis.url), { lockMs: 5000 });
    cleanups.push(() => worker.close());
    const connection = new QueueConnection({ redis: redis.url });
    cleanups.push(() => connection.close());
    const probe = queuedProbe(scenario, { seed: 1, trajectories: 50, batches: 1 }, connection);
    const good = { perspective: "baseline", overrides: {} };
    // a setting no evaluation accepts: the job fails the same way on every attempt
    const settings = [good, good, { perspective: "no-such-perspective", overrides: {} }, good];
    await expect(probe.runAll!(settings, ["ceasefire-only"])).rejects.toThrow(/^job [0-9a-f]{32}-r2-[0-9a-f]{16}-n1 \(design points 2–2\) failed after 3 attempts: .*no-such-perspective/);
  });
});
