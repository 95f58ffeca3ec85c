/**
 * The one contract for what a run may ask for: seed, trajectories, horizon, which options and
 * perspectives, workers, precision target and caps, and a wall-clock limit. The CLI converts its
 * flags into it, the library checks its options with it, and the HTTP API narrows it; every range
 * is written once, here (docs/WEB.md, "Run options"). Browser-safe: no Node modules.
 */
import { z } from "zod";

/** The seed of a run that names none and whose scenario names none. */
export const DEFAULT_SEED = 20251;
/** Trajectories per option and perspective when neither the run nor the scenario names a count. */
export const DEFAULT_TRAJECTORIES = 10_000;
/** Cap on trajectories per option and perspective of a precision run that names no cap. */
export const DEFAULT_MAX_TRAJECTORIES = 1_000_000;

export const RUN_LIMITS = {
  /** seeds are 32-bit unsigned integers: the generator is seeded from 32 bits */
  maxSeed: 2 ** 32 - 1,
  /** two trajectories are the fewest that give a standard error */
  minTrajectories: 2,
  maxTrajectories: 100_000_000,
  /** the simulators step in months: a horizon shorter than one month is no horizon */
  minHorizonYears: 1 / 12,
  maxHorizonYears: 100,
  /** absolute cap on worker threads, whatever the machine; see `workerLimit` for the actual one */
  maxWorkers: 64,
  /** a precision target is a standard error of a probability: in (0, 0.5) */
  maxPrecision: 0.5,
  /** option or perspective ids named in one run */
  maxSelections: 64,
  identifierChars: 100,
  /** one week: longer than any sensible run, short enough to end a stuck one */
  maxTimeLimitSeconds: 7 * 24 * 3600,
} as const;

/**
 * Worker threads a run may use on a machine with `cores` logical cores: twice the cores (a run
 * is CPU-bound, so more only costs memory: about 14 MB a thread), at least 4 so that tests and
 * small machines can still check determinism across workers, and never more than 64.
 */
export function workerLimit(cores: number): number {
  return Math.min(RUN_LIMITS.maxWorkers, Math.max(4, 2 * Math.floor(cores)));
}

const int = (min: number, max: number) => z.number().int().min(min).max(max);

const identifiers = z
  .array(z.string().min(1, "an id must not be empty").max(RUN_LIMITS.identifierChars))
  .min(1, "name at least one")
  .max(RUN_LIMITS.maxSelections)
  .refine((ids) => new Set(ids).size === ids.length, "each id may be named once");

/**
 * The run-options schema with the worker cap of the machine that will run it (`workerLimit`).
 * Every field is optional: a missing one comes from the scenario, else from the defaults above.
 */
export function runOptionsSchema(limits: { workers: number } = { workers: RUN_LIMITS.maxWorkers }) {
  return z.strictObject({
    /** 32-bit seed; default: the scenario's, else DEFAULT_SEED */
    seed: int(0, RUN_LIMITS.maxSeed).optional(),
    /** per option and perspective; default: the scenario's, else DEFAULT_TRAJECTORIES */
    trajectories: int(RUN_LIMITS.minTrajectories, RUN_LIMITS.maxTrajectories).optional(),
    /** default: the scenario's horizon_years */
    horizonYears: z.number().min(RUN_LIMITS.minHorizonYears).max(RUN_LIMITS.maxHorizonYears).optional(),
    /** option ids to evaluate (default: all) */
    options: identifiers.optional(),
    /** perspective ids (default: all the scenario's; "baseline" = its own priors) */
    perspectives: identifiers.optional(),
    /** "event" (default): jump from event to event; "monthly": step every month (the reference) */
    mode: z.enum(["event", "monthly"]).optional(),
    /** worker threads; results are identical for any number */
    workers: int(1, Math.min(limits.workers, RUN_LIMITS.maxWorkers)).optional(),
    /** run until every probability's standard error is at most this */
    precision: z.number().gt(0).lt(RUN_LIMITS.maxPrecision).optional(),
    /** cap on trajectories per option and perspective of a precision run (default DEFAULT_MAX_TRAJECTORIES) */
    maxTrajectories: int(RUN_LIMITS.minTrajectories, RUN_LIMITS.maxTrajectories).optional(),
    /** wall-clock limit of the run in seconds; past it the run stops as failed */
    timeLimitSeconds: z.number().gt(0).max(RUN_LIMITS.maxTimeLimitSeconds).optional(),
  });
}

/** The schema with the absolute worker cap (for documents and browsers; Node adapters pass the machine's). */
export const RunOptions = runOptionsSchema();
export type RunOptions = z.infer<typeof RunOptions>;
export type RunOptionName = keyof RunOptions;

/** What each field expects, in words, for messages built from a failed check. */
export function expectations(limits: { workers: number } = { workers: RUN_LIMITS.maxWorkers }): Record<RunOptionName, string> {
  const workers = Math.min(limits.workers, RUN_LIMITS.maxWorkers);
  return {
    seed: `an integer in [0, ${RUN_LIMITS.maxSeed}]`,
    trajectories: `an integer in [${RUN_LIMITS.minTrajectories}, ${RUN_LIMITS.maxTrajectories}]`,
    horizonYears: `years in [${RUN_LIMITS.minHorizonYears.toFixed(4)} (one month), ${RUN_LIMITS.maxHorizonYears}]`,
    options: `1 to ${RUN_LIMITS.maxSelections} distinct, non-empty option ids`,
    perspectives: `1 to ${RUN_LIMITS.maxSelections} distinct, non-empty perspective ids`,
    mode: `"event" or "monthly"`,
    workers: `an integer in [1, ${workers}] (the limit is twice this machine's cores, at least 4, at most ${RUN_LIMITS.maxWorkers})`,
    precision: `a standard error in (0, ${RUN_LIMITS.maxPrecision}), e.g. 0.002`,
    maxTrajectories: `an integer in [${RUN_LIMITS.minTrajectories}, ${RUN_LIMITS.maxTrajectories}]`,
    timeLimitSeconds: `seconds in (0, ${RUN_LIMITS.maxTimeLimitSeconds}]`,
  };
}

export interface RunOptionsProblem {
  /** the field (`workers`), or "" for the whole object */
  field: string;
  /** "must be an integer in [1, 8] …" or "is not a run option" */
  message: string;
}

/**
 * Checks `input` against the schema; the problems are data (field and message), so that each
 * adapter can name the field its own way (`--workers`, `workers`).
 */
export function checkRunOptions(
  input: unknown,
  limits: { workers: number } = { workers: RUN_LIMITS.maxWorkers },
  /** how to show a field's given value when it is refused (e.g. the flag's text); default: the value */
  shownValues: Record<string, string> = {},
): { ok: true; options: RunOptions } | { ok: false; problems: RunOptionsProblem[] } {
  const parsed = runOptionsSchema(limits).safeParse(input);
  if (parsed.success) return { ok: true, options: parsed.data };
  const expected = expectations(limits);
  const problems: RunOptionsProblem[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems.push({ field: key, message: "is not a run option" });
      continue;
    }
    const field = String(issue.path[0] ?? "");
    const known = field in expected ? expected[field as RunOptionName] : undefined;
    if (problems.some((p) => p.field === field)) continue;
    const received = field && typeof input === "object" && input !== null ? (input as Record<string, unknown>)[field] : input;
    const detail = field === "options" || field === "perspectives" ? ` (${issue.message})` : "";
    problems.push({ field, message: known ? `must be ${known}${detail}, got ${shownValues[field] ?? shown(received)}` : issue.message });
  }
  return { ok: false, problems };
}

function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 80));
  if (typeof value === "number") return String(value);
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.slice(0, 80);
}

/** One line per problem, each field named by `name` (e.g. `workers` → `--workers`). */
export function describeRunOptionsProblems(problems: RunOptionsProblem[], name: (field: string) => string = (f) => f): string {
  return problems.map((p) => (p.field ? `${name(p.field)} ${p.message}` : p.message)).join("\n");
}
