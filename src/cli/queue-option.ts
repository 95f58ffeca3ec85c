/**
 * `--redis URL` on the commands that simulate: the queue they submit to, opened once per command
 * and closed by runAction when the command ends (src/cli/action.ts). The queue's modules (BullMQ,
 * ioredis) load only when work is submitted, so commands without --redis start as fast as before.
 * Ctrl-C while work is on the queue takes the jobs no worker has started off it before the command
 * ends (a second Ctrl-C ends it at once).
 */
import { setMaxListeners } from "node:events";
import { simulatorProbe, type ScenarioProbe, type SimulatorProbeOptions } from "../analysis/probe.js";
import type { Scenario } from "../scenario/load.js";
import type { BlockJob } from "../sim/blocks.js";
import type { Executor } from "../sim/evaluate.js";
import { parseRedisUrl } from "../queue/names.js";
import type { QueueConnection } from "../queue/executor.js";
import { InputError } from "../errors.js";

export const REDIS_HELP = "run the simulation on the job queue at this Redis URL (start workers with guarantor worker); same results as a local run";

const open: Promise<QueueConnection>[] = [];

/** A command stopped by Ctrl-C: its message, and the shell's exit code for it. */
class Interrupted extends InputError {
  override readonly exitCode = 130;
}

/** Aborted by the first Ctrl-C once a command has submitted work; its reason is what the command prints. */
let interrupt: AbortController | undefined;
const onInterrupt = () => interrupt?.abort(new Interrupted("interrupted: the jobs no worker had started were taken off the queue (finished ones are kept for reuse)"));

/** The interrupt's signal, listening for Ctrl-C from the first submission until closeQueues. */
function interruptSignal(): AbortSignal {
  if (interrupt === undefined) {
    interrupt = new AbortController();
    // every submission in flight listens (a history matching submits all its design points at once)
    setMaxListeners(0, interrupt.signal);
    process.once("SIGINT", onInterrupt);
  }
  return interrupt.signal;
}

export interface QueueFromFlag {
  /** EvaluateOptions.executor: an evaluation's blocks as jobs */
  executor: (job: BlockJob) => Executor;
  /** a probe for the analyses whose designs go to the queue in ranges of design points */
  probe(scenario: Scenario, options: Pick<SimulatorProbeOptions, "seed" | "trajectories" | "batches">): ScenarioProbe;
}

/** The queue named by --redis (the URL checked now), or undefined to run locally. */
export function queueFromFlag(redis: string | undefined): QueueFromFlag | undefined {
  if (redis === undefined) return undefined;
  parseRedisUrl(redis);
  let connection: Promise<QueueConnection> | undefined;
  const shared = () => {
    if (connection === undefined) {
      connection = (async () => new (await import("../queue/executor.js")).QueueConnection({ redis }))();
      open.push(connection);
    }
    return connection;
  };
  return {
    executor: (job) => {
      let inner: Executor | undefined;
      return {
        run: async (tasks, deliver, signal) => {
          inner ??= (await shared()).executor(job);
          return inner.run(tasks, deliver, signal ? AbortSignal.any([signal, interruptSignal()]) : interruptSignal());
        },
        close: async () => {},
      };
    },
    probe(scenario, options) {
      const local = simulatorProbe(scenario, options);
      let inner: Promise<ScenarioProbe> | undefined;
      const queued = () => (inner ??= (async () => (await import("../queue/probe.js")).queuedProbe(scenario, { ...options, signal: interruptSignal() }, await shared()))());
      return {
        ...local,
        concurrency: Number.POSITIVE_INFINITY,
        run: async (setting, wanted) => (await queued()).run(setting, wanted),
        runAll: async (settings, wanted, onDone) => (await queued()).runAll!(settings, wanted, onDone),
      };
    },
  };
}

export async function closeQueues(): Promise<void> {
  process.off("SIGINT", onInterrupt);
  interrupt = undefined;
  await Promise.all(open.splice(0).map(async (c) => (await c).close()));
}
