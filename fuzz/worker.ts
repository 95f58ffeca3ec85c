/**
 * A fuzz worker: loads a target module and checks the cases the runner (fuzz/run.ts) sends, one
 * at a time; the runner terminates it when a case passes its deadline.
 */
import { parentPort } from "node:worker_threads";
import type { FuzzTarget } from "../test/fuzz/target.js";

const targets = new Map<string, FuzzTarget<unknown>>();

parentPort!.on("message", async (msg: { module: string; case: unknown }) => {
  try {
    let target = targets.get(msg.module);
    if (!target) {
      target = ((await import(msg.module)) as { target: FuzzTarget<unknown> }).target;
      targets.set(msg.module, target);
    }
    parentPort!.postMessage({ verdict: await target.check(msg.case) });
  } catch (e) {
    parentPort!.postMessage({ crash: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e) });
  }
});
