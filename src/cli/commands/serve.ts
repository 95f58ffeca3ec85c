/** `guarantor serve`: the local web app and HTTP API, with runs kept in a SQLite file. */
import type { Command } from "commander";
import { resolve } from "node:path";
import { UsageError } from "../../errors.js";
import { workerEngine } from "../../server/worker-engine.js";
import { startServer } from "../../server/serve.js";
import { runAction } from "../action.js";

export interface ServeFlags {
  port?: string;
  host?: string;
  store?: string;
}

export const DEFAULT_PORT = 7300;
export const DEFAULT_STORE = ".guarantor/runs.sqlite";

export function addServeFlags(cmd: Command): Command {
  return cmd
    .option("--port <n>", `port to listen on (0: any free port)`, String(DEFAULT_PORT))
    .option("--host <address>", "address to listen on; anything but loopback exposes the app to the network", "127.0.0.1")
    .option("--store <file>", "SQLite file of the run store", DEFAULT_STORE);
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
  const server = await startServer({ engine: workerEngine, storePath, port: parsePort(flags.port), host });
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    process.stderr.write(`warning: listening on ${host}: anyone who can reach this address can run and delete runs\n`);
  }
  process.stdout.write(`guarantor web app: ${server.url}  (runs stored in ${storePath}; Ctrl-C to stop)\n`);
  const stop = () => {
    // a run still going cannot finish after we exit: record that now rather than at next start
    server.store.markInterrupted();
    server.store.close();
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
