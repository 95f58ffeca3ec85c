import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { JobQueue, type EndStatus, type Execute } from "../../src/server/jobs/queue.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { workerEngine } from "../../src/server/worker-engine.js";

type End = { status: EndStatus; error: string | null; result: string | null };

function queueWith(execute: Execute<string, string>, timeLimitSeconds = 60, maxPending = 4) {
  const ends = new Map<string, End>();
  const started: string[] = [];
  const queue = new JobQueue(execute, {
    noun: { one: "job", many: "jobs" },
    maxPending,
    timeLimitSeconds,
    onStart: (id) => started.push(id),
    onEnd: (id, end) => ends.set(id, end),
  });
  return { queue, ends, started };
}

/** Never settles and ignores its signal: the worst executor there is. */
const stuck: Execute<string, string> = () => new Promise<string>(() => {});
const echo: Execute<string, string> = async (request, onProgress) => {
  onProgress({ done: 1, total: 1 });
  return `done ${request}`;
};

describe("the generic job queue", () => {
  it("runs jobs one at a time in order and records each end", async () => {
    const { queue, ends, started } = queueWith(echo);
    queue.submit("a", "1");
    queue.submit("b", "2");
    await queue.idle();
    expect(started).toEqual(["a", "b"]);
    expect(ends.get("b")).toEqual({ status: "finished", error: null, result: "done 2" });
    expect(queue.isPending("a")).toBe(false);
  });

  it("a job past its time limit ends as failed with a clear message, and a stuck job does not block the next", async () => {
    let calls = 0;
    const { queue, ends } = queueWith((request, onProgress, signal) => (++calls === 1 ? stuck(request, onProgress, signal) : echo(request, onProgress, signal)), 0.05);
    queue.submit("stuck", "x");
    queue.submit("next", "y");
    await queue.idle();
    expect(ends.get("stuck")).toEqual({ status: "failed", error: "the job passed its time limit of 0.05 s and was stopped", result: null });
    expect(ends.get("next")?.status).toBe("finished");
  });

  it("cancelling aborts the running job's signal, ends it as cancelled and starts the next at once", async () => {
    let signalOfFirst: AbortSignal | undefined;
    const { queue, ends } = queueWith((request, onProgress, signal) => {
      if (request === "first") {
        signalOfFirst = signal;
        return stuck(request, onProgress, signal);
      }
      return echo(request, onProgress, signal);
    });
    const events: string[] = [];
    queue.submit("a", "first");
    queue.submit("b", "second");
    queue.submit("c", "third");
    queue.subscribe("a", (e) => events.push(e.type === "end" ? e.status : "progress"));
    expect(queue.cancel("c")).toBe(true);
    expect(ends.get("c")).toMatchObject({ status: "cancelled", error: "the job was cancelled before it started" });
    expect(queue.cancel("a")).toBe(true);
    expect(ends.get("a")).toMatchObject({ status: "cancelled", error: "the job was cancelled while running" });
    expect(signalOfFirst?.aborted).toBe(true);
    expect(events).toEqual(["cancelled"]);
    await queue.idle();
    expect(ends.get("b")?.status).toBe("finished");
    expect(queue.cancel("b")).toBe(false);
  });

  it("refuses more pending jobs than the limit, naming the limit", () => {
    const { queue } = queueWith(stuck, 60, 2);
    queue.submit("a", "1");
    queue.submit("b", "2");
    expect(() => queue.submit("c", "3")).toThrow("2 jobs are already waiting or running; try again when one has finished");
    queue.cancelAll();
  });

  it("a failure is the input error's message, or says it is a bug", async () => {
    const { queue, ends } = queueWith(async (request) => {
      if (request === "bad") throw new InputError("no such option");
      throw new Error("boom");
    });
    queue.submit("a", "bad");
    queue.submit("b", "bug");
    await queue.idle();
    expect(ends.get("a")?.error).toBe("no such option");
    expect(ends.get("b")?.error).toBe("internal error in guarantor: boom");
  });
});

describe("a job in a worker thread", () => {
  it("is terminated when its signal aborts", async () => {
    const scenario = readFileSync(bundledScenarioPath(), "utf8");
    const controller = new AbortController();
    let progressed = 0;
    const run = workerEngine.evaluate(scenario, { seed: 1, trajectories: 5_000_000 }, () => {
      if (++progressed === 1) controller.abort();
    }, controller.signal);
    await expect(run).rejects.toThrow("the job was stopped");
    expect(progressed).toBeGreaterThan(0);
  });
});
