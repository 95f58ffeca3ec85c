import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { register as registerCompare } from "../../src/cli/commands/compare.js";
import { register as registerSensitivity } from "../../src/cli/commands/sensitivity.js";
import { checkRunOptions, DEFAULT_SEED, RUN_LIMITS, workerLimit } from "../../src/contract/run-options.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { evaluate } from "../../src/sim/evaluate.js";
import { runCli } from "../helpers/cli.js";

const FILE = bundledScenarioPath();
const cli = (args: string[]) => runCli([registerCompare, registerSensitivity], args);

describe("the run-options contract", () => {
  it("caps workers at twice the cores, at least 4, at most 64", () => {
    expect(workerLimit(1)).toBe(4);
    expect(workerLimit(2)).toBe(4);
    expect(workerLimit(6)).toBe(12);
    expect(workerLimit(256)).toBe(64);
  });

  it("reports every problem as data naming the field and what was given", () => {
    const checked = checkRunOptions({ seed: 1.5, workers: 256, options: [], colour: "red" }, { workers: 8 });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const byField = Object.fromEntries(checked.problems.map((p) => [p.field, p.message]));
    expect(byField.seed).toBe(`must be an integer in [0, ${RUN_LIMITS.maxSeed}], got 1.5`);
    expect(byField.workers).toMatch(/^must be an integer in \[1, 8\] .*got 256$/);
    expect(byField.options).toMatch(/name at least one/);
    expect(byField.colour).toBe("is not a run option");
  });

  it("refuses duplicated and empty ids, non-finite and non-integer numbers", () => {
    for (const bad of [{ options: ["a", "a"] }, { perspectives: [""] }, { trajectories: 2.5 }, { horizonYears: Infinity }, { precision: NaN }, { trajectories: 1 }, { horizonYears: 1e-9 }]) {
      expect(checkRunOptions(bad).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(checkRunOptions({ seed: 0, trajectories: 2, horizonYears: 1 / 12, workers: 1, precision: 0.001 }).ok).toBe(true);
  });
});

describe("CLI flags are converted into the contract and refused with the flag's name", () => {
  it.each([
    [["--workers", "256"], new RegExp(`--workers must be an integer in \\[1, ${workerLimit(availableParallelism())}\\] .*got "256"`)],
    [["--option", ""], /--option must be 1 to 64 distinct, non-empty option ids \(name at least one\), got ""/],
    [["--horizon", "1e-9"], /--horizon must be years in \[0\.0833 \(one month\), 100\], got "1e-9"/],
    [["--horizon", "0x10"], /--horizon expects a decimal number such as 20 or 2\.5, got "0x10"/],
    [["--seed", "1.5"], /--seed expects a whole number written in digits, got "1\.5"/],
    [["--trajectories", "1e3"], /--trajectories expects a whole number written in digits, got "1e3"/],
    [["--option", "a,a"], /--option must be .* \(each id may be named once\), got "a,a"/],
    [["--max-trajectories", "10"], /--max-trajectories only applies with --precision/],
  ])("run %j is refused with exit code 2", async (flags, message) => {
    const { err, code, out } = await cli(["run", FILE, "--trajectories", "20", ...flags]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe("");
    expect(err).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it("the analysis commands check seed and workers the same way", async () => {
    const { err, code } = await cli(["sensitivity", FILE, "--workers", "256", "--trajectories", "20"]);
    expect(code).toBe(2);
    expect(err).toMatch(/--workers must be an integer in \[1, \d+\]/);
  });

  it("the library refuses the same values with the field's name", async () => {
    const scenario = loadScenarioFile(FILE);
    await expect(evaluate(scenario, { workers: 256 })).rejects.toThrow(/workers must be an integer in \[1, \d+\]/);
    await expect(evaluate(scenario, { options: [] })).rejects.toThrow(/options must be 1 to 64 distinct/);
    await expect(evaluate(scenario, { horizonYears: 1e-9 })).rejects.toThrow(/horizonYears must be years in/);
  });

  it("the default seed is the library's", () => {
    expect(DEFAULT_SEED).toBe(20251);
  });
});

describe("--trajectories-out to a file that cannot be written", () => {
  it.runIf(process.platform === "linux")("a full disk (/dev/full) is a precise message and exit code 1", async () => {
    const { err, code } = await cli(["run", FILE, "--trajectories", "20", "--option", "ceasefire-only", "--trajectories-out", "/dev/full"]);
    expect(code).toBe(1);
    expect(err).toMatch(/^--trajectories-out: cannot write \/dev\/full: no space left on the device \(ENOSPC\)$/m);
    expect(err).not.toMatch(/internal error/);
  });

  it("a missing folder names the folder", async () => {
    const { err, code } = await cli(["run", FILE, "--trajectories", "20", "--trajectories-out", "/nonexistent-guarantor/x.csv"]);
    expect(code).toBe(1);
    expect(err).toMatch(/--trajectories-out: cannot write \/nonexistent-guarantor\/x.csv: the folder \/nonexistent-guarantor does not exist \(ENOENT\)/);
  });
});

describe("a wall-clock limit in the library", () => {
  it("stops a run that passes it, between blocks, with a message naming the limit", async () => {
    const scenario = loadScenarioFile(FILE);
    await expect(evaluate(scenario, { trajectories: 40_960, options: ["ceasefire-only"], perspectives: ["baseline"], timeLimitSeconds: 1e-6 })).rejects.toThrow(
      "the evaluation passed its time limit of 0.000001 s",
    );
  });
});
