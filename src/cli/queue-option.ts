/**
 * `--redis URL` on the commands that simulate: the queue connection they submit to, opened once
 * per command and closed by runAction when the command ends (src/cli/action.ts).
 */
import { QueueConnection } from "../queue/executor.js";

export const REDIS_HELP = "run the simulation on the job queue at this Redis URL (start workers with guarantor worker); same results as a local run";

const open: QueueConnection[] = [];

/** The queue named by --redis, or undefined to run locally. */
export function queueFromFlag(redis: string | undefined): QueueConnection | undefined {
  if (redis === undefined) return undefined;
  const connection = new QueueConnection({ redis });
  open.push(connection);
  return connection;
}

/** Evaluations in flight at once on a queue: enough to keep a fleet of workers busy. */
export const QUEUED_CONCURRENT_RUNS = 64;

export async function closeQueues(): Promise<void> {
  await Promise.all(open.splice(0).map((c) => c.close()));
}
