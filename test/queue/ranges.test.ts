/**
 * Analyses on the queue run as ranges of design points, one job each, and give the same bits as
 * locally: Morris, Sobol, the crux scan with its map, and Shapley values of two perspectives.
 * Needs redis-server (test/helpers/redis.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bestOptionMap } from "../../src/analysis/crux-maps.js";
import { findCruxes } from "../../src/analysis/cruxes.js";
import { explainPerspectives } from "../../src/analysis/perspective-shapley.js";
import { simulatorProbe, type ScenarioProbe } from "../../src/analysis/probe.js";
import { scenarioSensitivity } from "../../src/analysis/scenario-sensitivity.js";
import { QueueConnection } from "../../src/queue/executor.js";
import { parseRedisUrl } from "../../src/queue/names.js";
import { pointsPerJob, POINTS_PER_JOB, queuedProbe } from "../../src/queue/probe.js";
import { startWorker, type RunningWorker } from "../../src/queue/worker.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { HAVE_REDIS, startRedis, type TestRedis } from "../helpers/redis.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const sizes = { seed: 11, trajectories: 120, batches: 2 };
const options = ["ceasefire-only", "nato-membership"];

describe("the size of a range of design points", () => {
  it("is POINTS_PER_JOB for a large design and shrinks so that a small design still makes several jobs", () => {
    expect(pointsPerJob(69_632)).toBe(POINTS_PER_JOB);
    expect(pointsPerJob(32 * POINTS_PER_JOB)).toBe(POINTS_PER_JOB);
    expect(pointsPerJob(100)).toBe(4);
    expect(pointsPerJob(15)).toBe(1);
    expect(pointsPerJob(69_632, 4)).toBe(4);
  });
});

describe.skipIf(!HAVE_REDIS)("analyses as ranges of design points on the queue", () => {
  let redis: TestRedis;
  let worker: RunningWorker;
  let connection: QueueConnection;
  const submissions: { jobs: number; reused: number }[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    worker = await startWorker(parseRedisUrl(redis.url), { lockMs: 5000 });
    connection = new QueueConnection({ redis: redis.url, onSubmitted: (s) => submissions.push(s) });
  });
  afterAll(async () => {
    await connection?.close();
    await worker?.close();
    await redis?.kill();
  });
  const both = (): [ScenarioProbe, ScenarioProbe] => [simulatorProbe(scenario, sizes), queuedProbe(scenario, sizes, connection)];

  it("Morris screening: the same report, the design's 3·(2+1) points in one job per point", async () => {
    const request = { method: "morris" as const, outcome: "loss" as const, option: options[0], versus: options[1], parameters: ["window_rate_per_year", "challenger_stake_log_mean"], morrisTrajectories: 3, bootstrap: 40, seed: 5 };
    const [local, queued] = both();
    const progress: number[] = [];
    submissions.length = 0;
    const a = await scenarioSensitivity(local, request);
    const b = await scenarioSensitivity(queued, { ...request, onProgress: (done) => progress.push(done) });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(submissions).toEqual([{ jobs: 9, reused: 0 }]);
    expect([...new Set(progress)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("Sobol indices: the same report whatever the range size, and a resubmission reuses every job", async () => {
    const request = { method: "sobol" as const, outcome: "loss" as const, option: options[0], versus: options[1], parameters: ["window_rate_per_year", "challenger_stake_log_mean"], baseSamples: 40, bootstrap: 40, seed: 3 };
    const local = await scenarioSensitivity(simulatorProbe(scenario, sizes), request);
    submissions.length = 0;
    for (const most of [POINTS_PER_JOB, 3]) {
      const queued = await scenarioSensitivity(queuedProbe(scenario, { ...sizes, pointsPerJob: most }, connection), request);
      expect(JSON.stringify(queued)).toBe(JSON.stringify(local));
    }
    const again = await scenarioSensitivity(queuedProbe(scenario, sizes, connection), request);
    expect(JSON.stringify(again)).toBe(JSON.stringify(local));
    // 160 points: ranges of 5 (32 jobs), then of 3 (54 jobs), then the first 32 again
    expect(submissions).toEqual([
      { jobs: 32, reused: 0 },
      { jobs: 54, reused: 0 },
      { jobs: 32, reused: 32 },
    ]);
  });

  it("cruxes and the best-option map: the same report and map", async () => {
    const request = { options, parameters: ["window_rate_per_year", "challenger_stake_log_mean"], gridPoints: 3 };
    const [local, queued] = both();
    expect(JSON.stringify(await findCruxes(queued, request))).toBe(JSON.stringify(await findCruxes(local, request)));
    const map = { x: "window_rate_per_year", y: "challenger_stake_log_mean", options, resolution: 3 };
    expect(JSON.stringify(await bestOptionMap(queued, map))).toBe(JSON.stringify(await bestOptionMap(local, map)));
  });

  it("Shapley values of two perspectives, exact and from sampled orderings: the same report", async () => {
    const targets = [{ outcome: "loss" as const, option: options[0], versus: options[1] }];
    for (const exactUpTo of [10, 2]) {
      const request = { from: "baseline", to: "restraint", targets, exactUpTo, orderings: 3, seed: 9 };
      const [local, queued] = both();
      const progress: number[] = [];
      const a = await explainPerspectives(local, request);
      const b = await explainPerspectives(queued, { ...request, onProgress: (done) => progress.push(done) });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(progress.at(-1)).toBe(a.coalitionsEvaluated);
      expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
    }
  });
});
