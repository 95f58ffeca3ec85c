/**
 * The flags shared by `run` and `compare` (and the seed and workers of the analysis commands), and
 * how they become run options: each flag's text is read strictly as a number of the right kind,
 * then the whole is checked against the one run-options contract (src/contract/run-options.ts),
 * so the CLI refuses exactly what the library and the HTTP API refuse, naming the flag.
 */
import { Option, type Command } from "commander";
import { availableParallelism } from "node:os";
import { checkRunOptions, describeRunOptionsProblems, DEFAULT_SEED, DEFAULT_TRAJECTORIES, DEFAULT_MAX_TRAJECTORIES, workerLimit, type RunOptionName, type RunOptions } from "../contract/run-options.js";
import { UsageError } from "../errors.js";
import { defaultWorkers, type EvaluateOptions } from "../sim/evaluate.js";

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
  timeLimit?: string;
  trajectoriesOut?: string;
}

/**
 * The evaluation flags on `cmd`. `outputs: false` leaves out --csv and --trajectories-out, for a
 * command that prints a judgement of the results rather than the results themselves (audit,
 * conclusions): a flag it would ignore is not offered.
 */
export function addEvaluationFlags(cmd: Command, { outputs = true }: { outputs?: boolean } = {}): Command {
  cmd
    .option("--seed <n>", `random seed (default: the scenario's, else ${DEFAULT_SEED})`)
    .option("--trajectories <n>", `trajectories per option and perspective (default: the scenario's, else ${DEFAULT_TRAJECTORIES})`)
    .option("--horizon <years>", "horizon in years, at least one month (default: the scenario's)")
    .option("--workers <n>", `worker threads (default: the number of cores, at most ${workerLimit(availableParallelism())} here); results are identical for any number`)
    .addOption(new Option("--mode <mode>", "simulate event by event (exact in law, fast) or month by month (the reference)").choices(["event", "monthly"]))
    .option("--precision <se>", "run until every probability's standard error is at most this (e.g. 0.002); --trajectories is then the first round")
    .option("--max-trajectories <n>", `cap on trajectories per option and perspective for --precision (default ${DEFAULT_MAX_TRAJECTORIES})`)
    .option("--time-limit <seconds>", "stop the run as failed once it has run this long");
  if (!outputs) return cmd.option("--json", "print the results as JSON");
  return cmd
    .option("--trajectories-out <file.csv>", "also write every trajectory's values to this CSV file, in trajectory order")
    .addOption(new Option("--json", "print the results as JSON (stable contract)").conflicts("csv"))
    .addOption(new Option("--csv", "print option,perspective,outcome,mean,se rows").conflicts("json"));
}

type Kind = "integer" | "decimal" | "list" | "text";
const FIELDS: { field: RunOptionName; flag: keyof EvaluationFlags; name: string; kind: Kind }[] = [
  { field: "seed", flag: "seed", name: "--seed", kind: "integer" },
  { field: "trajectories", flag: "trajectories", name: "--trajectories", kind: "integer" },
  { field: "horizonYears", flag: "horizon", name: "--horizon", kind: "decimal" },
  { field: "workers", flag: "workers", name: "--workers", kind: "integer" },
  { field: "mode", flag: "mode", name: "--mode", kind: "text" },
  { field: "precision", flag: "precision", name: "--precision", kind: "decimal" },
  { field: "maxTrajectories", flag: "maxTrajectories", name: "--max-trajectories", kind: "integer" },
  { field: "timeLimitSeconds", flag: "timeLimit", name: "--time-limit", kind: "decimal" },
];

/** Plain decimal notation only: "0x10", "1_000", "Infinity" and "" are not numbers on a command line. */
const INTEGER = /^\d+$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function readNumber(name: string, raw: string, kind: "integer" | "decimal"): number {
  const text = raw.trim();
  if (kind === "integer" && !INTEGER.test(text)) throw new UsageError(`${name} expects a whole number written in digits, got "${raw.slice(0, 80)}"`);
  if (kind === "decimal" && !DECIMAL.test(text)) throw new UsageError(`${name} expects a decimal number such as 20 or 2.5, got "${raw.slice(0, 80)}"`);
  return Number(text);
}

export interface Selection {
  /** the flag as the command names it ("--option" or "--options") and its text */
  options?: { name: string; raw: string | undefined };
  perspectives?: { name: string; raw: string | undefined };
}

/**
 * Flags → run options checked against the contract, with the machine's worker cap. Every problem
 * is reported at once, each naming its flag and what was given. Workers default to the cores.
 */
export function runOptionsFromFlags(flags: EvaluationFlags, selection: Selection = {}): RunOptions {
  const input: Record<string, unknown> = {};
  const shown: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const { field, flag, name, kind } of FIELDS) {
    names[field] = name;
    const raw = flags[flag];
    if (typeof raw !== "string") continue;
    shown[field] = JSON.stringify(raw.slice(0, 80));
    input[field] = kind === "integer" || kind === "decimal" ? readNumber(name, raw, kind) : raw;
  }
  for (const field of ["options", "perspectives"] as const) {
    const chosen = selection[field];
    if (!chosen) continue;
    names[field] = chosen.name;
    if (chosen.raw === undefined) continue;
    shown[field] = JSON.stringify(chosen.raw.slice(0, 80));
    input[field] = splitList(chosen.raw);
  }
  if (input.maxTrajectories !== undefined && input.precision === undefined) throw new UsageError("--max-trajectories only applies with --precision");
  const checked = checkRunOptions(input, { workers: workerLimit(availableParallelism()) }, shown);
  if (!checked.ok) throw new UsageError(describeRunOptionsProblems(checked.problems, (field) => names[field] ?? field));
  return checked.options;
}

/** Flags → the library's evaluation options (workers default to this machine's cores, within the limit). */
export function evaluationOptions(flags: EvaluationFlags, selection: Selection = {}): EvaluateOptions {
  const options = runOptionsFromFlags(flags, selection);
  return { ...options, workers: options.workers ?? Math.min(defaultWorkers(), workerLimit(availableParallelism())) };
}

/** "a, b,,c" → ["a", "b", "c"]; a list of nothing ("" or ",") stays empty, so the contract refuses it. */
export function splitList(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : raw.split(",").map((s) => s.trim()).filter(Boolean);
}
