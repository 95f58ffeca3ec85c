/** `guarantor worker --redis URL`: run simulation jobs from the queue until stopped (docs/SCALING.md). */
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { parseRedisUrl } from "../../queue/names.js";
import { parsePositiveInt, runAction } from "../action.js";

interface Flags {
  redis?: string;
  concurrency?: string;
  lockSeconds?: string;
  quiet?: boolean;
}

function parseSeconds(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(raw) || Number(raw) < 0.5 || Number(raw) > 3600) throw new UsageError(`--lock-seconds expects a number of seconds in [0.5, 3600], got "${raw.slice(0, 80)}"`);
  return Number(raw);
}

async function work(flags: Flags): Promise<void> {
  if (flags.redis === undefined) throw new UsageError("guarantor worker needs --redis URL (e.g. redis://127.0.0.1:6379)");
  const target = parseRedisUrl(flags.redis);
  const concurrency = parsePositiveInt("--concurrency", flags.concurrency, 1);
  const lockSeconds = parseSeconds(flags.lockSeconds);
  // loaded here, not at the top: every other command starts without BullMQ
  const { checkReachable, openRedis } = await import("../../queue/connection.js");
  const { startWorkers } = await import("../../queue/worker.js");
  const probe = openRedis(target, "submitter");
  try {
    await checkReachable(probe, target, 5000);
  } finally {
    probe.disconnect();
  }
  const log = (line: string) => flags.quiet || process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const worker = await startWorkers(target, concurrency, {
    ...(lockSeconds !== undefined ? { lockMs: lockSeconds * 1000 } : {}),
    onJob: ({ id, ms }) => log(`done ${id} in ${ms.toFixed(0)} ms`),
    onFailure: ({ id, error }) => log(`FAILED ${id}: ${error.split("\n")[0]}`),
  });
  process.stdout.write(`worker: ${concurrency} job${concurrency === 1 ? "" : "s"} at a time from ${target.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      log("stopping after the jobs in hand");
      void worker.close().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export function register(program: Command): void {
  program
    .command("worker")
    .description("run simulation and analysis jobs from a Redis queue (for --redis on the commands that simulate, and serve --redis) until stopped")
    .option("--redis <url>", "the queue's Redis, e.g. redis://127.0.0.1:6379")
    .option("--concurrency <n>", "jobs at a time, one thread each (default 1; at most the cores to be useful)")
    .option("--lock-seconds <s>", "a job's lock; a killed worker's job runs again elsewhere after about this (default 30; longer than one job)")
    .option("--quiet", "do not log each job on stderr")
    .action(runAction((flags: Flags) => work(flags)));
}
