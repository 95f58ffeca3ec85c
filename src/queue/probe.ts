/**
 * A ScenarioProbe whose settings run on the job queue: the analyses (Morris, Sobol, cruxes and
 * their maps, Shapley) hand it whole designs, and it cuts them into ranges of consecutive design
 * points, one job each. A worker runs a range with the same simulatorProbe a local analysis uses,
 * so every answer — and every number built on it — is bit-identical to a local run.
 */
import { simulatorProbe, type OptionOutcomes, type ProbeSetting, type ScenarioProbe, type SimulatorProbeOptions } from "../analysis/probe.js";
import type { Scenario } from "../scenario/load.js";
import { decodeAnswers, encodeSpec, hashOf } from "./codec.js";
import type { QueueConnection } from "./executor.js";
import type { JobToRun } from "./gather.js";
import { submitAndGather } from "./gather.js";
import { describeSettingsJob, SETTINGS_JOB, settingsJobId, type SettingsJobData } from "./names.js";

/**
 * Design points per job at most (docs/SCALING.md, "Sizing jobs"): with 1,000 trajectories a point
 * takes tens of milliseconds, so a range of 16 takes about a second, against a queue cost per job
 * of a few Redis round trips.
 */
export const POINTS_PER_JOB = 16;

/**
 * Jobs a design is cut into at least, while its ranges stay ≥ 1 point: a small design (a crux
 * scan of 15 settings) still spreads over that many workers.
 */
export const MIN_JOBS = 32;

/** Points per job for a design of `points`: POINTS_PER_JOB, smaller when that would leave fewer than MIN_JOBS jobs. */
export function pointsPerJob(points: number, most = POINTS_PER_JOB): number {
  return Math.max(1, Math.min(most, Math.ceil(points / MIN_JOBS)));
}

export interface QueuedProbeOptions extends Pick<SimulatorProbeOptions, "seed" | "trajectories" | "batches" | "onTrajectories"> {
  /** the most design points per job (default POINTS_PER_JOB) */
  pointsPerJob?: number;
  /** cancels the analysis: its submission rejects and its jobs no worker has started leave the queue */
  signal?: AbortSignal;
}

export function queuedProbe(scenario: Scenario, options: QueuedProbeOptions, connection: QueueConnection): ScenarioProbe {
  const local = simulatorProbe(scenario, { seed: options.seed, trajectories: options.trajectories, batches: options.batches });
  let simulated = 0;
  const runAll = async (settings: readonly ProbeSetting[], wanted: readonly string[], onDone?: (count: number) => void): Promise<Map<string, OptionOutcomes>[]> => {
    if (settings.length === 0) return [];
    const spec = encodeSpec({ kind: "probe", scenario, seed: options.seed, trajectories: options.trajectories, batches: local.batches, options: [...wanted] });
    const size = pointsPerJob(settings.length, options.pointsPerJob);
    const jobs: (JobToRun & { count: number })[] = [];
    for (let first = 0; first < settings.length; first += size) {
      const range = settings.slice(first, first + size);
      const id = settingsJobId(spec.hash, first, hashOf(range), range.length);
      const data: SettingsJobData = { spec: spec.hash, first, settings: range };
      jobs.push({ id, name: SETTINGS_JOB, data, count: range.length, describe: () => describeSettingsJob(id, first, range.length) });
    }
    const answers: Map<string, OptionOutcomes>[] = [];
    const connected = await connection.connect();
    await submitAndGather(
      connected,
      spec,
      jobs,
      (i, result) => {
        const got = decodeAnswers(Buffer.from(result, "base64"));
        if (got.length !== jobs[i].count) throw new Error(`${jobs[i].describe()} returned ${got.length} answers for ${jobs[i].count} settings`);
        answers.push(...got);
        simulated += got.length * local.trajectories * wanted.length;
        options.onTrajectories?.(simulated);
        onDone?.(answers.length);
      },
      { ...connection.gatherOptions(), ...(options.signal ? { signal: options.signal } : {}) },
    );
    return answers;
  };
  // the local probe's description (options, perspectives, sizes, priors); its settings go to the queue
  return { ...local, concurrency: Number.POSITIVE_INFINITY, run: async (setting, wanted) => (await runAll([setting], wanted))[0], runAll };
}
