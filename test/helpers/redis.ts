/**
 * A real redis-server for the queue tests, started on a free loopback port without persistence,
 * and worker processes beside it. Tests skip (saying why) only where the binary is missing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export const REDIS_BINARY = process.env.REDIS_SERVER ?? "redis-server";

export const HAVE_REDIS = spawnSync(REDIS_BINARY, ["--version"], { stdio: "ignore" }).status === 0;
if (!HAVE_REDIS) console.warn(`queue tests skipped: ${REDIS_BINARY} is not installed (apt-get install redis-server)`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface TestRedis {
  url: string;
  port: number;
  /** SIGKILLs the server (Redis "going away") */
  kill(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(REDIS_BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

export interface WorkerProcess {
  child: ChildProcess;
  /** stderr so far: one line per finished job */
  log(): string;
  /** resolves once the worker has logged `count` finished jobs */
  jobsDone(count: number): Promise<void>;
}

/** `guarantor worker --redis URL` in a child process (TypeScript sources under tsx). */
export async function startWorkerProcess(url: string, extra: string[] = []): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "..", "queue", "fixtures", "cli.ts"), "worker", "--redis", url, ...extra], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  const waiting: { count: number; resolve: () => void }[] = [];
  const done = () => (err.match(/ done /g) ?? []).length;
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString();
    for (const w of waiting.splice(0)) if (done() >= w.count) w.resolve();
    else waiting.push(w);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("worker:") && resolve());
    child.once("exit", (code) => reject(new Error(`worker exited (${code}): ${err}`)));
  });
  return {
    child,
    log: () => err,
    jobsDone: (count) => (done() >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }))),
  };
}
