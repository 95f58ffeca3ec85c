/**
 * A small worker_threads pool for block tasks. Each worker holds one BlockRunner; tasks are
 * handed out as workers free up (two in flight each, to hide message latency), and results are
 * delivered strictly in task order, so merging them gives the same bits for any pool size.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AggregateData } from "./aggregate.js";
import type { BlockJob, BlockTask } from "./blocks.js";
import { BLOCK_SIZE } from "./plan.js";

export interface WorkerTask {
  id: number;
  trajectories: number;
}
export type WorkerReply = { id: number; parts: AggregateData[]; error?: undefined } | { id: number; error: string; parts?: undefined };

/** Tasks each worker holds at once: one running, one queued behind it. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * The compiled worker. From dist/src/sim/pool.js it is the sibling worker.js; when this module
 * runs from its TypeScript source (tests), it is the build output under dist/.
 */
export function workerScript(): URL {
  const sibling = new URL("./worker.js", import.meta.url);
  if (import.meta.url.endsWith(".js")) return sibling;
  const built = new URL("../../dist/src/sim/worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(built))) throw new Error(`the simulation worker is not built (${fileURLToPath(built)}); run "npm run build"`);
  return built;
}

export class SimulationWorkerError extends Error {}

export class BlockPool {
  private readonly workers: Worker[];

  constructor(size: number, job: BlockJob) {
    const script = workerScript();
    this.workers = Array.from({ length: size }, () => new Worker(script, { workerData: job }));
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Run `tasks`; `deliver(i, parts)` is called for i = 0, 1, 2, … in order. Rejects on the first
   * failure, after which no further result is delivered.
   */
  run(tasks: (BlockTask & { trajectories: number })[], deliver: (index: number, parts: AggregateData[]) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const ready = new Map<number, AggregateData[]>();
      let next = 0;
      let delivered = 0;
      let failed = false;
      const fail = (error: string | Error) => {
        if (failed) return;
        failed = true;
        cleanup();
        reject(typeof error === "string" ? new SimulationWorkerError(error) : error);
      };
      const send = (w: Worker) => {
        if (failed || next >= tasks.length) return;
        const id = next++;
        w.postMessage({ id, ...tasks[id] });
      };
      const handlers = this.workers.map((w) => {
        const onMessage = (reply: WorkerReply) => {
          if (failed) return;
          if (reply.error !== undefined) {
            const t = tasks[reply.id];
            return fail(`a simulation worker failed on block ${t.block} (trajectories from ${t.block * BLOCK_SIZE}): ${reply.error.split("\n")[0]}`);
          }
          ready.set(reply.id, reply.parts);
          while (ready.has(delivered)) {
            const parts = ready.get(delivered)!;
            ready.delete(delivered);
            try {
              deliver(delivered, parts);
            } catch (e) {
              return fail(e instanceof Error ? e : new Error(String(e)));
            }
            delivered++;
          }
          if (delivered === tasks.length) {
            cleanup();
            resolve();
          } else send(w);
        };
        const onError = (e: Error) => fail(`a simulation worker crashed: ${e.message}`);
        const onExit = (code: number) => fail(`a simulation worker exited unexpectedly (code ${code})`);
        w.on("message", onMessage);
        w.on("error", onError);
        w.on("exit", onExit);
        return { w, onMessage, onError, onExit };
      });
      const cleanup = () => {
        for (const h of handlers) {
          h.w.off("message", h.onMessage);
          h.w.off("error", h.onError);
          h.w.off("exit", h.onExit);
        }
      };
      if (tasks.length === 0) {
        cleanup();
        return resolve();
      }
      for (let k = 0; k < IN_FLIGHT_PER_WORKER; k++) for (const w of this.workers) send(w);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
