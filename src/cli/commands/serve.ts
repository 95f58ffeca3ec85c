/** `guarantor serve`: the local web app and HTTP API, with runs kept in a SQLite file. */
import type { Command } from "commander";
import { resolve } from "node:path";
import { UsageError } from "../../errors.js";
import { workerEngine } from "../../server/worker-engine.js";
import { startServer } from "../../server/serve.js";
import { DEFAULT_ANALYSIS_TIME_LIMIT_SECONDS } from "../../server/analysis-jobs.js";
import { DEFAULT_RUN_TIME_LIMIT_SECONDS } from "../../server/run-manager.js";
import { runAction } from "../action.js";
import { runOptionsFromFlags } from "../evaluate-options.js";
import { parseRedisUrl } from "../../queue/names.js";

export interface ServeFlags {
  port?: string;
  host?: string;
  store?: string;
  timeLimit?: string;
  redis?: string;
}

export const DEFAULT_PORT = 7300;
export const DEFAULT_STORE = ".guarantor/runs.sqlite";

export function addServeFlags(cmd: Command): Command {
  return cmd
    .option("--port <n>", `port to listen on (0: any free port)`, String(DEFAULT_PORT))
    .option("--host <address>", "address to listen on; anything but loopback exposes the app to the network", "127.0.0.1")
    .option("--store <file>", "SQLite file of the run store (one server per store)", DEFAULT_STORE)
    .option("--redis <url>", "run the runs and analyses on the job queue at this Redis URL (start workers with guarantor worker); unfinished runs resume when the server restarts")
    .option("--time-limit <seconds>", `wall-clock limit of one run (default ${DEFAULT_RUN_TIME_LIMIT_SECONDS}) or analysis (default ${DEFAULT_ANALYSIS_TIME_LIMIT_SECONDS}); past it the job ends as failed`);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--port expects an integer in [0, 65535], got "${raw}"`);
  return Number(raw);
}

/** Starts the server and keeps the process alive until Ctrl-C. */
export async function serveUntilStopped(flags: ServeFlags): Promise<void> {
  const host = flags.host ?? "127.0.0.1";
  const storePath = resolve(flags.store ?? DEFAULT_STORE);
  const port = parsePort(flags.port);
  const timeLimit = runOptionsFromFlags({ timeLimit: flags.timeLimit }).timeLimitSeconds;
  if (flags.redis !== undefined) parseRedisUrl(flags.redis);
  // loaded only with --redis: a server without it starts without BullMQ
  const queue = flags.redis === undefined ? undefined : await (await import("../../server/jobs/queue-engine.js")).queueBackend(flags.redis);
  let server;
  try {
    server = await startServer({
      engine: queue?.engine ?? workerEngine,
      storePath,
      port,
      host,
      ...(queue ? { analysisRunner: queue.analyses, resumeRuns: true } : {}),
      ...(timeLimit !== undefined ? { runTimeLimitSeconds: timeLimit, analysisTimeLimitSeconds: timeLimit } : {}),
    });
  } catch (e) {
    await queue?.close();
    throw e;
  }
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    process.stderr.write(`warning: listening on ${host}: anyone who can reach this address can run and delete runs\n`);
  }
  process.stdout.write(`guarantor web app: ${server.url}  (runs stored in ${storePath}${queue ? `; jobs on ${queue.url}` : ""}; Ctrl-C to stop)\n`);
  const resumed = server.runs.resumed.length;
  if (resumed > 0) process.stdout.write(`resumed ${resumed} unfinished run${resumed === 1 ? "" : "s"} on the job queue\n`);
  const analyses = server.analyses.resumed;
  if (analyses > 0) process.stdout.write(`resumed ${analyses} unfinished analys${analyses === 1 ? "is" : "es"} on the job queue\n`);
  const stop = () => {
    server.stopNow();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise<never>(() => {});
}

export function register(program: Command): void {
  addServeFlags(program.command("serve").description("serve the web app and HTTP API on this machine")).action(
    runAction((flags: ServeFlags) => serveUntilStopped(flags)),
  );
}
