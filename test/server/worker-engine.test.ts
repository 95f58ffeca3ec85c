import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { libraryEngine } from "../../src/server/library-engine.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { workerEngine } from "../../src/server/worker-engine.js";

const bundled = readFileSync(bundledScenarioPath(), "utf8");

describe("evaluation in a worker thread", () => {
  it("gives the same numbers as evaluating in-process, with progress", async () => {
    const request = { seed: 4, trajectories: 32, perspectives: ["deterrence"], options: ["arms-only", "nato-membership"] };
    const progress: number[] = [];
    const inWorker = await workerEngine.evaluate(bundled, request, (p) => progress.push(p.done));
    const inProcess = await libraryEngine.evaluate(bundled, request, () => {});
    expect(JSON.parse(JSON.stringify(inWorker))).toEqual(JSON.parse(JSON.stringify(inProcess)));
    expect(progress.at(-1)).toBe(64);
  });

  it("reports bad input from the worker as an InputError with the message", async () => {
    const failure = workerEngine.evaluate(bundled, { seed: 1, trajectories: 32, options: ["no-such-option"] }, () => {});
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toThrow(/unknown option "no-such-option"/);
  });
});
