/**
 * Queued runs give the same bits as local ones: the library with a worker in this process, the
 * CLI's compare output, and 1, 2 or 3 worker processes. Needs redis-server (test/helpers/redis.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { register as registerCompare } from "../../src/cli/commands/compare.js";
import { register as registerBacktest } from "../../src/cli/commands/backtest.js";
import { register as registerCases } from "../../src/cli/commands/cases.js";
import { register as registerCruxes } from "../../src/cli/commands/cruxes.js";
import { register as registerExplain } from "../../src/cli/commands/explain.js";
import { register as registerSensitivity } from "../../src/cli/commands/sensitivity.js";
import { parseRedisUrl } from "../../src/queue/names.js";
import { queueExecutor } from "../../src/queue/executor.js";
import { startWorker, type RunningWorker } from "../../src/queue/worker.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { evaluate } from "../../src/sim/evaluate.js";
import { runCli } from "../helpers/cli.js";
import { HAVE_REDIS, startRedis, startWorkerProcess, stopChild, type TestRedis, type WorkerProcess } from "../helpers/redis.js";

const FILE = "scenarios/ukraine-2025.yaml";
const scenario = loadScenarioFile(FILE);
/** 3 blocks, the last one short */
const small = { seed: 7, trajectories: 2300, horizonYears: 5, options: ["ceasefire-only", "nato-membership"], perspectives: ["baseline", "restraint"] };

describe.skipIf(!HAVE_REDIS)("queued runs are bit-identical to local runs", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.kill();
  });

  it("evaluate() through the queue equals evaluate() inline, and a resubmission reuses every job", async () => {
    const worker: RunningWorker = await startWorker(parseRedisUrl(redis.url), { lockMs: 5000 });
    try {
      const local = await evaluate(scenario, small);
      const submissions: { jobs: number; reused: number }[] = [];
      const executor = queueExecutor({ redis: redis.url, onSubmitted: (s) => submissions.push(s) });
      const progress: number[] = [];
      const queued = await evaluate(scenario, { ...small, executor, onProgress: (p) => progress.push(p.done) });
      expect(queued).toEqual(local);
      expect(JSON.stringify(queued)).toBe(JSON.stringify(local));
      expect(progress).toEqual([1024, 2048, 2300].map((n) => n * 4));
      const again = await evaluate(scenario, { ...small, executor });
      expect(JSON.stringify(again)).toBe(JSON.stringify(local));
      expect(submissions).toEqual([
        { jobs: 3, reused: 0 },
        { jobs: 3, reused: 3 },
      ]);
    } finally {
      await worker.close();
    }
  });

  it("guarantor compare --redis on 1, then 2, then 3 worker processes prints what the local compare prints", async () => {
    const fleet: WorkerProcess[] = [];
    try {
      for (const workers of [1, 2, 3]) {
        // a new seed each time, so no job is reused from the round before
        const args = ["compare", FILE, "--seed", String(100 + workers), "--trajectories", "3100", "--horizon", "4", "--options", "ceasefire-only,reassurance-force", "--json"];
        const local = await runCli([registerCompare], [...args, "--workers", "1"]);
        expect(local.code).toBe(0);
        fleet.push(await startWorkerProcess(redis.url, ["--lock-seconds", "5"]));
        const queued = await runCli([registerCompare], [...args, "--redis", redis.url]);
        expect(queued.err).toBe("");
        expect(queued.code).toBe(0);
        expect(queued.out).toBe(local.out);
      }
    } finally {
      await Promise.all(fleet.map((w) => stopChild(w.child)));
    }
  });

  it("sensitivity --method sobol and cruxes with --redis on two worker processes print what they print locally", async () => {
    const sobol = ["sensitivity", FILE, "--method", "sobol", "--samples", "4", "--parameters", "window_rate_per_year,challenger_stake_log_mean", "--options", "ceasefire-only,nato-membership", "--trajectories", "150", "--bootstrap", "50", "--json"];
    const cruxes = ["cruxes", FILE, "--options", "ceasefire-only,nato-membership", "--parameters", "window_rate_per_year", "--grid", "3", "--trajectories", "200", "--batches", "2", "--json"];
    const localSobol = await runCli([registerSensitivity], sobol);
    const localCruxes = await runCli([registerCruxes], cruxes);
    expect(localSobol.code).toBe(0);
    expect(localCruxes.code).toBe(0);
    const fleet = await Promise.all([0, 1].map(() => startWorkerProcess(redis.url, ["--lock-seconds", "5"])));
    try {
      const queuedSobol = await runCli([registerSensitivity], [...sobol, "--redis", redis.url]);
      expect(queuedSobol.err).toBe("");
      expect(queuedSobol.out).toBe(localSobol.out);
      const queuedCruxes = await runCli([registerCruxes], [...cruxes, "--redis", redis.url]);
      expect(queuedCruxes.err).toBe("");
      expect(queuedCruxes.out).toBe(localCruxes.out);
      expect(fleet.every((w) => / done /.test(w.log()))).toBe(true);
    } finally {
      await Promise.all(fleet.map((w) => stopChild(w.child)));
    }
  });

  it("explain, backtest (also with the cease-fires' spoiler rate refitted) and cases with --redis on two worker processes print what they print locally", async () => {
    const refit = ["backtest", "--data", "ceasefires", "--scheme", "time-split", "--horizons", "5", "--trajectories", "300", "--ceasefire-spoilers", "refit", "--json"];
    const localRefit = await runCli([registerBacktest], refit);
    expect(localRefit.code).toBe(0);
    const explain = ["explain", FILE, "--perspectives", "baseline,restraint", "--options", "ceasefire-only,nato-membership", "--exact-up-to", "2", "--orderings", "2", "--trajectories", "120", "--batches", "2"];
    const backtest = ["backtest", "--data", "ceasefires", "--horizons", "2,5", "--trajectories", "1500", "--seed", "4"];
    const localExplain = await runCli([registerExplain], explain);
    const cases = ["cases", "--only", "korea-1953,cyprus-1960", "--perspectives", "baseline", "--trajectories", "1100", "--seed", "3", "--json"];
    const localBacktest = await runCli([registerBacktest], backtest);
    const localCases = await runCli([registerCases], cases);
    expect(localExplain.code).toBe(0);
    expect(localBacktest.code).toBe(0);
    expect(localCases.code).toBe(0);
    const fleet = await Promise.all([0, 1].map(() => startWorkerProcess(redis.url, ["--lock-seconds", "5"])));
    try {
      const queuedExplain = await runCli([registerExplain], [...explain, "--redis", redis.url]);
      expect(queuedExplain.err).toBe("");
      expect(queuedExplain.out).toBe(localExplain.out);
      const queuedBacktest = await runCli([registerBacktest], [...backtest, "--redis", redis.url]);
      expect(queuedBacktest.err).toBe("");
      expect(queuedBacktest.out).toBe(localBacktest.out);
      const queuedCases = await runCli([registerCases], [...cases, "--redis", redis.url]);
      expect(queuedCases.err).toBe("");
      expect(queuedCases.out).toBe(localCases.out);
      expect(fleet.some((w) => / done .*-b1-/.test(w.log()))).toBe(true);
      const queuedRefit = await runCli([registerBacktest], [...refit, "--redis", redis.url]);
      expect(queuedRefit.err).toBe("");
      expect(queuedRefit.out).toBe(localRefit.out);
      // the refit's design points (1,000 trajectories each, calibrate's) ran on the fleet too
      expect(fleet.some((w) => / done .*-b0-n1000/.test(w.log()))).toBe(true);
    } finally {
      await Promise.all(fleet.map((w) => stopChild(w.child)));
    }
  });
});
