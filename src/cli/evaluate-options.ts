/** The flags shared by `run` and `compare`, and how they become evaluation options. */
import { Option, type Command } from "commander";
import { UsageError } from "../errors.js";
import type { EvaluateOptions } from "../sim/evaluate.js";
import { parsePositiveInt } from "./action.js";

export interface EvaluationFlags {
  seed?: string;
  trajectories?: string;
  horizon?: string;
  json?: boolean;
  csv?: boolean;
}

export function addEvaluationFlags(cmd: Command): Command {
  return cmd
    .option("--seed <n>", "random seed (default: the scenario's, else 20251)")
    .option("--trajectories <n>", "trajectories per option and perspective (default: the scenario's, else 10000)")
    .option("--horizon <years>", "horizon in years (default: the scenario's)")
    .addOption(new Option("--json", "print the results as JSON (stable contract)").conflicts("csv"))
    .addOption(new Option("--csv", "print option,perspective,outcome,mean,se rows").conflicts("json"));
}

export function evaluationOptions(flags: EvaluationFlags): EvaluateOptions {
  const out: EvaluateOptions = {};
  if (flags.seed !== undefined) {
    if (!/^\d+$/.test(flags.seed) || Number(flags.seed) > 2 ** 32 - 1) throw new UsageError(`--seed expects an integer in [0, 4294967295], got "${flags.seed}"`);
    out.seed = Number(flags.seed);
  }
  if (flags.trajectories !== undefined) {
    out.trajectories = parsePositiveInt("--trajectories", flags.trajectories, 0);
    if (out.trajectories < 2 || out.trajectories > 100_000_000) throw new UsageError(`--trajectories must be between 2 and 100000000, got ${out.trajectories}`);
  }
  if (flags.horizon !== undefined) {
    const h = Number(flags.horizon);
    if (!(h > 0 && h <= 100)) throw new UsageError(`--horizon expects years in (0, 100], got "${flags.horizon}"`);
    out.horizonYears = h;
  }
  return out;
}

export function splitList(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : raw.split(",").map((s) => s.trim()).filter(Boolean);
}
