/** The flags shared by `run` and `compare`, and how they become evaluation options. */
import { Option, type Command } from "commander";
import { UsageError } from "../errors.js";
import { defaultWorkers, type EvaluateOptions } from "../sim/evaluate.js";
import { parsePositiveInt } from "./action.js";

export interface EvaluationFlags {
  seed?: string;
  trajectories?: string;
  horizon?: string;
  json?: boolean;
  csv?: boolean;
  workers?: string;
  mode?: string;
  precision?: string;
  maxTrajectories?: string;
  trajectoriesOut?: string;
}

export function addEvaluationFlags(cmd: Command): Command {
  return cmd
    .option("--seed <n>", "random seed (default: the scenario's, else 20251)")
    .option("--trajectories <n>", "trajectories per option and perspective (default: the scenario's, else 10000)")
    .option("--horizon <years>", "horizon in years (default: the scenario's)")
    .option("--workers <n>", "worker threads (default: the number of cores); results are identical for any number")
    .addOption(new Option("--mode <mode>", "simulate event by event (exact in law, fast) or month by month (the reference)").choices(["event", "monthly"]))
    .option("--precision <se>", "run until every probability's standard error is at most this (e.g. 0.002); --trajectories is then the first round")
    .option("--max-trajectories <n>", "cap on trajectories per option and perspective for --precision (default 1000000)")
    .option("--trajectories-out <file.csv>", "also write every trajectory's values to this CSV file, in trajectory order")
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
  out.workers = flags.workers === undefined ? defaultWorkers() : parsePositiveInt("--workers", flags.workers, 1);
  if (out.workers > 256) throw new UsageError(`--workers must be at most 256, got ${out.workers}`);
  if (flags.mode !== undefined) out.mode = flags.mode as EvaluateOptions["mode"];
  if (flags.precision !== undefined) {
    const p = Number(flags.precision);
    if (!(p > 0 && p < 0.5)) throw new UsageError(`--precision expects a standard error in (0, 0.5), e.g. 0.002, got "${flags.precision}"`);
    out.precision = p;
  }
  if (flags.maxTrajectories !== undefined) {
    if (flags.precision === undefined) throw new UsageError("--max-trajectories only applies with --precision");
    out.maxTrajectories = parsePositiveInt("--max-trajectories", flags.maxTrajectories, 0);
    if (out.maxTrajectories < 2 || out.maxTrajectories > 100_000_000) throw new UsageError(`--max-trajectories must be between 2 and 100000000, got ${out.maxTrajectories}`);
  }
  return out;
}

export function splitList(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : raw.split(",").map((s) => s.trim()).filter(Boolean);
}
