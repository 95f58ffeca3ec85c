/**
 * Worker-thread entry: receives a BlockJob once, then block tasks, and answers each with the
 * block's aggregates (buffers transferred, not copied). Any exception is reported, not swallowed.
 */
import { parentPort, workerData } from "node:worker_threads";
import { Aggregate } from "./aggregate.js";
import { BlockRunner, type BlockJob, type BlockTask } from "./blocks.js";
import type { WorkerReply, WorkerTask } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("worker.ts must run in a worker thread");
const runner = new BlockRunner(workerData as BlockJob);

port.on("message", (msg: WorkerTask & BlockTask) => {
  try {
    const parts = runner.run(msg, msg.trajectories).map((a) => a.toData());
    const reply: WorkerReply = { id: msg.id, parts };
    port.postMessage(reply, parts.flatMap((d) => Aggregate.transferList(d)));
  } catch (e) {
    const reply: WorkerReply = { id: msg.id, error: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e) };
    port.postMessage(reply);
  }
});
