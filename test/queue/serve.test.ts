/**
 * `guarantor serve --redis URL`: a run goes to the job queue, and it survives the server: killed
 * mid-run (SIGKILL) and started again on the same store, the server resumes the run, gathers the
 * jobs finished meanwhile and stores results bit-identical to a local evaluation. Analyses run on
 * the queue too; a cancelled run takes its waiting jobs off the queue. Needs redis-server
 * (test/helpers/redis.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { QUEUE_NAME } from "../../src/queue/names.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { runAnalysis } from "../../src/server/analysis-runner.js";
import { SensitivityJobRequest } from "../../src/server/analysis-schemas.js";
import { evaluate } from "../../src/sim/evaluate.js";
import { RunStore } from "../../src/store/run-store.js";
import { HAVE_REDIS, startRedis, startWorkerProcess, stopChild } from "../helpers/redis.js";

const FILE = "scenarios/ukraine-2025.yaml";
const text = readFileSync(FILE, "utf8");
const CLI = join(import.meta.dirname, "fixtures", "cli.ts");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Server {
  child: ChildProcess;
  url: string;
  out(): string;
}

async function startServer(redis: string, store: string): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "serve", "--redis", redis, "--port", "0", "--store", store], { stdio: ["ignore", "pipe", "pipe"] });
  cleanups.push(() => stopChild(child));
  let out = "";
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /guarantor web app: (http:\/\/\S+\/)/.exec(out);
      if (found) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${err}`)));
  });
  // the line about resumed runs follows the URL's
  await new Promise((r) => setTimeout(r, 200));
  return { child, url, out: () => out };
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  return (await response.json()) as T;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, seconds = 240): Promise<T> {
  for (let i = 0; i < seconds * 5; i++) {
    const got = await probe();
    if (got !== undefined) return got;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!HAVE_REDIS)("guarantor serve --redis", () => {
  it("a run survives the server killed mid-run: restarted, it resumes, gathers the finished jobs and stores bit-identical results", async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.kill());
    const dir = mkdtempSync(join(tmpdir(), "guarantor-serve-queue-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const store = join(dir, "runs.sqlite");
    const request = { seed: 17, trajectories: 8 * 1024, options: ["ceasefire-only", "nato-membership"], perspectives: ["restraint"] };
    const local = await evaluate(loadScenarioText(text, "scenario.yaml"), request);

    const worker = await startWorkerProcess(redis.url, ["--lock-seconds", "2"]);
    cleanups.push(() => stopChild(worker.child));
    const first = await startServer(redis.url, store);
    const run = await api<{ id: string; status: string; error?: string }>(`${first.url}api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: text, ...request }) });
    expect(run.status).toBe("queued");
    await worker.jobsDone(2);
    const midway = await api<{ status: string; progress: { done: number; total: number } | null }>(`${first.url}api/runs/${run.id}`);
    expect(midway.status).toBe("running");
    await stopChild(first.child);

    const second = await startServer(redis.url, store);
    expect(second.out()).toContain("resumed 1 unfinished run on the job queue");
    const finished = await waitFor(async () => {
      const got = await api<{ status: string; result: unknown; error: string | null }>(`${second.url}api/runs/${run.id}`);
      if (got.status === "failed") throw new Error(got.error ?? "failed");
      return got.status === "finished" ? got : undefined;
    }, "the resumed run to finish");
    expect(JSON.stringify(finished.result)).toBe(JSON.stringify(local));
    await stopChild(second.child);

    const records = new RunStore(store);
    try {
      const [submitted] = records.jobsOf(run.id);
      expect(submitted.jobs).toBe(8);
      // the resubmission found at least the two jobs finished before the kill
      expect(submitted.reused).toBeGreaterThanOrEqual(2);
      expect(records.summary(run.id)?.status).toBe("finished");
    } finally {
      records.close();
    }
  }, 300_000);

  it("an analysis runs on the queue and survives the server killed mid-analysis: restarted, it resumes and reports the same as locally", async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.kill());
    const dir = mkdtempSync(join(tmpdir(), "guarantor-serve-queue-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const store = join(dir, "runs.sqlite");
    const worker = await startWorkerProcess(redis.url, ["--lock-seconds", "5"]);
    cleanups.push(() => stopChild(worker.child));
    const first = await startServer(redis.url, store);
    const body = { scenario: text, method: "morris" as const, option: "ceasefire-only", versus: "nato-membership", parameters: ["window_rate_per_year", "challenger_stake_log_mean"], morrisTrajectories: 5, trajectories: 100, bootstrap: 50, seed: 3 };
    const local = await runAnalysis({ kind: "sensitivity", ...SensitivityJobRequest.parse(body) }, () => {});
    const job = await api<{ id: string }>(`${first.url}api/analyses/sensitivity`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    await worker.jobsDone(2);
    await stopChild(first.child);
    const second = await startServer(redis.url, store);
    expect(second.out()).toContain("resumed 1 unfinished analysis on the job queue");
    const done = await waitFor(async () => {
      const got = await api<{ status: string; result: unknown; error: string | null }>(`${second.url}api/analyses/${job.id}`);
      if (got.status === "failed") throw new Error(got.error ?? "failed");
      return got.status === "finished" ? got : undefined;
    }, "the analysis to finish");
    expect(JSON.stringify(done.result)).toBe(JSON.stringify(local));
    expect(worker.log()).toMatch(/ done .*-r0-/);
    // kept in the store: still there once the server has forgotten it (and after another restart)
    await stopChild(second.child);
    const third = await startServer(redis.url, store);
    const again = await api<{ status: string; result: unknown }>(`${third.url}api/analyses/${job.id}`);
    expect(again.status).toBe("finished");
    expect(JSON.stringify(again.result)).toBe(JSON.stringify(local));
  }, 300_000);

  it("Redis stopped mid-run: the run ends failed with a clear error, and nothing is stored as finished", async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.kill());
    const dir = mkdtempSync(join(tmpdir(), "guarantor-serve-queue-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const worker = await startWorkerProcess(redis.url, ["--lock-seconds", "2"]);
    cleanups.push(() => stopChild(worker.child));
    const server = await startServer(redis.url, join(dir, "runs.sqlite"));
    const request = { seed: 5, trajectories: 12 * 1024, options: ["ceasefire-only", "nato-membership"], perspectives: ["restraint"] };
    const run = await api<{ id: string }>(`${server.url}api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: text, ...request }) });
    await worker.jobsDone(1);
    await redis.kill();
    const ended = await waitFor(async () => {
      const got = await api<{ status: string; result: unknown; error: string | null }>(`${server.url}api/runs/${run.id}`);
      return got.status === "running" || got.status === "queued" ? undefined : got;
    }, "the run to end");
    expect(ended.status).toBe("failed");
    expect(ended.result).toBeNull();
    expect(ended.error).toContain(`lost the connection to Redis at ${redis.url} during the run; no result was produced`);
  }, 300_000);

  it("a cancelled run ends cancelled and leaves no job of its own waiting on the queue", async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.kill());
    const queue = new Queue(QUEUE_NAME, { connection: { host: "127.0.0.1", port: redis.port } });
    cleanups.push(() => queue.close());
    const dir = mkdtempSync(join(tmpdir(), "guarantor-serve-queue-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // no worker: every job of the run waits
    const server = await startServer(redis.url, join(dir, "runs.sqlite"));
    const request = { seed: 5, trajectories: 12 * 1024, options: ["ceasefire-only", "nato-membership"], perspectives: ["restraint"] };
    const run = await api<{ id: string }>(`${server.url}api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: text, ...request }) });
    await waitFor(async () => ((await queue.getWaitingCount()) === 12 ? true : undefined), "the run's twelve jobs on the queue");
    const cancelled = await api<{ status: string }>(`${server.url}api/runs/${run.id}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe("cancelled");
    await waitFor(async () => ((await queue.getWaitingCount()) === 0 ? true : undefined), "the waiting jobs to leave the queue", 10);
    expect((await api<{ status: string }>(`${server.url}api/runs/${run.id}`)).status).toBe("cancelled");
  }, 120_000);
});
