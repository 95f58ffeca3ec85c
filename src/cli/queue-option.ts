/**
 * `--redis URL` on the commands that simulate: the queue they submit to, opened once per command
 * and closed by runAction when the command ends (src/cli/action.ts). The queue's modules (BullMQ,
 * ioredis) load only when a run is submitted, so commands without --redis start as fast as before.
 */
import type { BlockJob } from "../sim/blocks.js";
import type { Executor } from "../sim/evaluate.js";
import { parseRedisUrl } from "../queue/names.js";

export const REDIS_HELP = "run the simulation on the job queue at this Redis URL (start workers with guarantor worker); same results as a local run";

/** Evaluations in flight at once on a queue: enough to keep a fleet of workers busy. */
export const QUEUED_CONCURRENT_RUNS = 64;

const open: Promise<{ close(): Promise<void> }>[] = [];

/** The queue named by --redis (the URL checked now), or undefined to run locally. */
export function queueFromFlag(redis: string | undefined): { executor: (job: BlockJob) => Executor } | undefined {
  if (redis === undefined) return undefined;
  parseRedisUrl(redis);
  let connection: ReturnType<typeof connect> | undefined;
  const connect = async () => new (await import("../queue/executor.js")).QueueConnection({ redis });
  const shared = () => {
    if (connection === undefined) {
      connection = connect();
      open.push(connection);
    }
    return connection;
  };
  return {
    executor: (job) => {
      let inner: Executor | undefined;
      return {
        run: async (tasks, deliver) => {
          inner ??= (await shared()).executor(job);
          return inner.run(tasks, deliver);
        },
        close: async () => {},
      };
    },
  };
}

export async function closeQueues(): Promise<void> {
  await Promise.all(open.splice(0).map(async (c) => (await c).close()));
}
