/**
 * Worker-thread entry of a multi-job worker (`guarantor worker --concurrency N`): one queue worker
 * per thread, so N blocks run in parallel in one process; reports each job to the parent.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { RedisTarget } from "./names.js";
import { startWorker } from "./worker.js";

const port = parentPort;
if (!port) throw new Error("worker-thread.ts must run in a worker thread");
const { target, lockMs } = workerData as { target: RedisTarget; lockMs?: number };
const worker = await startWorker(target, {
  lockMs,
  onJob: (info) => port.postMessage({ kind: "job", ...info }),
  onFailure: (info) => port.postMessage({ kind: "failure", ...info }),
});
port.postMessage({ kind: "ready" });
port.on("message", (msg: { kind: string }) => {
  if (msg.kind === "close") void worker.close().then(() => process.exit(0));
});
