/**
 * Cancelling a queued run or analysis (the server's Cancel, or Ctrl-C on a command with --redis):
 * the submission stops and its jobs that no worker has started leave the queue, so workers do not
 * spend hours on a run nobody waits for; another submission that shares those jobs (same ids, same
 * work) still completes, adding back what it needs. Needs redis-server (test/helpers/redis.ts).
 */
import { Queue } from "bullmq";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { QUEUE_NAME, parseRedisUrl } from "../../src/queue/names.js";
import { QueueConnection, queueExecutor } from "../../src/queue/executor.js";
import { queuedProbe } from "../../src/queue/probe.js";
import { startWorker } from "../../src/queue/worker.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { evaluate } from "../../src/sim/evaluate.js";
import { HAVE_REDIS, startRedis, stopChild, type TestRedis } from "../helpers/redis.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const small = { seed: 23, horizonYears: 2, options: ["ceasefire-only", "nato-membership"], perspectives: ["baseline"], trajectories: 6 * 1024 };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function redisServer(): Promise<{ redis: TestRedis; queue: Queue }> {
  const redis = await startRedis();
  cleanups.push(() => redis.kill());
  const queue = new Queue(QUEUE_NAME, { connection: { host: "127.0.0.1", port: redis.port } });
  cleanups.push(() => queue.close());
  return { redis, queue };
}

/** Resolves once `count()` gives `want`; fails the test after 10 s. */
async function until(count: () => Promise<number>, want: number): Promise<void> {
  const end = Date.now() + 10_000;
  let got = await count();
  while (got !== want) {
    if (Date.now() > end) throw new Error(`expected ${want}, still ${got} after 10 s`);
    await new Promise((r) => setTimeout(r, 50));
    got = await count();
  }
}

describe.skipIf(!HAVE_REDIS)("cancelling a queued submission", () => {
  it("a cancelled run rejects at once and takes its waiting jobs off the queue", async () => {
    const { redis, queue } = await redisServer();
    const cancel = new AbortController();
    let submitted = 0;
    const run = evaluate(scenario, { ...small, signal: cancel.signal, executor: queueExecutor({ redis: redis.url, onSubmitted: (info) => (submitted = info.jobs) }) });
    const settled = run.then(
      () => "finished",
      (e: Error) => e.message,
    );
    // no worker: every job waits
    await until(() => queue.getWaitingCount(), 6);
    expect(submitted).toBe(6);
    cancel.abort();
    expect(await settled).toBe("the evaluation was cancelled");
    expect(await queue.getWaitingCount()).toBe(0);
  });

  it("a job a worker has started runs to its end and is kept for reuse; the rest leave the queue", async () => {
    const { redis, queue } = await redisServer();
    const worker = await startWorker(parseRedisUrl(redis.url), { lockMs: 5000 });
    cleanups.push(() => worker.close());
    const cancel = new AbortController();
    const blocks: number[] = [];
    // every option and perspective over 20 years: a few hundred milliseconds a job
    const run = evaluate(scenario, { seed: 23, trajectories: 40 * 1024, signal: cancel.signal, executor: queueExecutor({ redis: redis.url }), onProgress: (p) => blocks.push(p.done) });
    const settled = run.catch((e: Error) => e.message);
    // one worker, one job at a time: the first result is in, the second job is being run
    await until(async () => Math.min(blocks.length, 1), 1);
    cancel.abort();
    expect(await settled).toBe("the evaluation was cancelled");
    // the submission rejects once its waiting jobs are gone: what is left is running or done
    expect(await queue.getWaitingCount()).toBe(0);
    const running = await queue.getActiveCount();
    const done = await queue.getCompletedCount();
    expect(running).toBeLessThanOrEqual(1);
    await until(() => queue.getActiveCount(), 0);
    const completed = await queue.getCompletedCount();
    expect(completed).toBe(done + running);
    expect(completed).toBeLessThan(40);
  });

  it("another submission of the same jobs still completes, with the numbers of a local run", async () => {
    const { redis, queue } = await redisServer();
    const local = await evaluate(scenario, small);
    const cancel = new AbortController();
    const cancelled = evaluate(scenario, { ...small, signal: cancel.signal, executor: queueExecutor({ redis: redis.url }) }).catch((e: Error) => e.message);
    const kept = evaluate(scenario, { ...small, executor: queueExecutor({ redis: redis.url, pollMs: 100 }) });
    await until(() => queue.getWaitingCount(), 6);
    cancel.abort();
    expect(await cancelled).toBe("the evaluation was cancelled");
    // the cancelled submission took the shared jobs off the queue; the one still waiting adds them back
    const worker = await startWorker(parseRedisUrl(redis.url), { lockMs: 5000 });
    cleanups.push(() => worker.close());
    expect(JSON.stringify(await kept)).toBe(JSON.stringify(local));
  });

  it("a cancelled analysis rejects and takes its waiting ranges of design points off the queue", async () => {
    const { redis, queue } = await redisServer();
    const connection = new QueueConnection({ redis: redis.url });
    cleanups.push(() => connection.close());
    const cancel = new AbortController();
    const probe = queuedProbe(scenario, { seed: 1, trajectories: 50, batches: 1, signal: cancel.signal }, connection);
    const setting = { perspective: "baseline", overrides: {} };
    const analysis = probe.runAll!(Array.from({ length: 40 }, () => setting), ["ceasefire-only"]).catch((e: Error) => e.message);
    await until(() => queue.getWaitingCount(), 20);
    cancel.abort();
    expect(await analysis).toBe("the submission was cancelled");
    expect(await queue.getWaitingCount()).toBe(0);
  });

  it("Ctrl-C on compare --redis takes the waiting jobs off the queue and ends the command with a message and code 130", async () => {
    const { redis, queue } = await redisServer();
    const cli = join(import.meta.dirname, "fixtures", "cli.ts");
    const args = ["compare", "scenarios/ukraine-2025.yaml", "--trajectories", String(6 * 1024), "--horizon", "2", "--options", "ceasefire-only,nato-membership", "--perspectives", "baseline", "--redis", redis.url];
    const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    cleanups.push(() => stopChild(child));
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await until(() => queue.getWaitingCount(), 6);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(err).toBe("interrupted: the jobs no worker had started were taken off the queue (finished ones are kept for reuse)\n");
    expect(await queue.getWaitingCount()).toBe(0);
  });
});
