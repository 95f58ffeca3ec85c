/**
 * Running the case library through the model (docs/EVIDENCE.md §8): each case's actors and agreed
 * design with the bundled scenario's priors and mechanisms, under one of its perspectives, forecast
 * the case's coded outcomes. One job is (case, perspective, seed) → CaseRun, a pure function of its
 * inputs, so jobs can run in any order or place and give the same numbers.
 */
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { CaseForecast, CaseRun } from "../../contract/cases.js";
import { InputError } from "../../errors.js";
import { readTextFileCapped } from "../../io/read-file.js";
import { loadScenarioText, MAX_SCENARIO_BYTES } from "../../scenario/load.js";
import { V, VALUE_COUNT } from "../../sim/aggregate.js";
import { BASELINE, evaluate, type EvaluateOptions, type TrajectoryRows } from "../../sim/evaluate.js";
import { packageRoot } from "./historical-cases.js";
import { addYears, inChallengerSphere, wholeMonthsBetween, type GuaranteeCase } from "./library.js";

/** Rate per year of incidents by each spoiler a case's record names, before spoiler_rate_scale (`assumption`, docs/EVIDENCE.md §8). */
export const CASE_SPOILER_RATE_PER_YEAR = 1;
/** The shortest simulated horizon: the 5- and 10-year questions need ten years. */
const MIN_HORIZON_YEARS = 10;

export interface CaseJob {
  case: GuaranteeCase;
  perspective: string;
  seed: number;
  trajectories: number;
}

/** The bundled scenario as parsed YAML: its priors, mechanisms, loss and perspectives (read once). */
export interface BaseModel {
  text: string;
  perspectives: { id: string; label: string; source: string }[];
}

export function loadBaseModel(path = join(packageRoot(), "scenarios", "ukraine-2025.yaml")): BaseModel {
  const text = readTextFileCapped(path, MAX_SCENARIO_BYTES, "scenario file");
  const scenario = loadScenarioText(text, path);
  return {
    text,
    perspectives: [
      { id: BASELINE, label: "the scenario's own priors", source: scenario.name },
      ...Object.entries(scenario.perspectives).map(([id, p]) => ({ id, label: p.label ?? id, source: p.source ?? "" })),
    ],
  };
}

/** Months from the settlement to the end of the observed record. */
export function observedMonths(c: GuaranteeCase): number {
  return wholeMonthsBetween(c.case.settlement.date, c.case.observed_to);
}

/**
 * The case as a scenario: the bundled scenario's parameters, mechanisms, loss and perspectives
 * (without their conclusions); the case's actors (each spoiler the record names at CASE_SPOILER_RATE_PER_YEAR) and options; no status quo.
 */
export function caseScenarioText(c: GuaranteeCase, base: BaseModel, horizonYears: number): string {
  const doc = parse(base.text) as Record<string, unknown>;
  const declared = new Set((c.scenario.actors.spoilers ?? []).map((s) => s.id));
  const spoilers = [
    ...(c.scenario.actors.spoilers ?? []),
    ...c.case.spoilers.filter((s) => !declared.has(s.id)).map((s) => ({ id: s.id, name: s.name, base_rate_per_year: CASE_SPOILER_RATE_PER_YEAR })),
  ];
  // the perspectives' priors and loss weights, not their written conclusions, which compare the base scenario's options
  const perspectives = Object.fromEntries(Object.entries((doc.perspectives ?? {}) as Record<string, Record<string, unknown>>).map(([id, p]) => [id, { ...p, conclusions: undefined }]));
  return stringify({
    ...doc,
    name: `${c.scenario.name} (case ${c.id})`,
    description: c.scenario.description ?? c.title,
    horizon_years: horizonYears,
    actors: { ...c.scenario.actors, spoilers },
    options: c.scenario.options,
    status_quo: [],
    perspectives,
  });
}

/** What happened by `months` after the settlement: 1 war, 0 peace, null not observed that long. */
function warBy(c: GuaranteeCase, months: number): 0 | 1 | null {
  const war = c.case.outcome.renewed_war;
  if (war.occurred && war.months_after_settlement < months) return 1;
  return observedMonths(c) >= months ? 0 : null;
}

/** Count of accepted trajectories with a first war before `windowMonths`, and of those with a direct guarantor war. */
function interventionCounts(rows: TrajectoryRows[], windowMonths: number): { wars: number; interventions: number } {
  let wars = 0;
  let interventions = 0;
  const width = VALUE_COUNT + 1;
  for (const block of rows) {
    const r = block.rows[0];
    for (let t = 0; t < block.count; t++) {
      const o = t * width;
      const firstWar = r[o + VALUE_COUNT];
      if (r[o + V.p_accept] !== 1 || firstWar < 0 || firstWar >= windowMonths) continue;
      wars++;
      if (r[o + V.p_direct_guarantor_war] === 1) interventions++;
    }
  }
  return { wars, interventions };
}

/** Where a case's simulations run: worker threads here, or the job queue's `executor` (`cases --redis`); never the numbers. */
export interface CaseJobRunner {
  workers?: number;
  executor?: EvaluateOptions["executor"];
}

/** One job: the case under one perspective → forecasts of its coded outcomes (docs/EVIDENCE.md §8). */
export async function runCaseJob(job: CaseJob, base: BaseModel, runner: CaseJobRunner = {}): Promise<CaseRun> {
  const c = job.case;
  if (!base.perspectives.some((p) => p.id === job.perspective)) {
    throw new InputError(`unknown perspective "${job.perspective}"; the bundled scenario has ${base.perspectives.map((p) => p.id).join(", ")}`);
  }
  const windowMonths = observedMonths(c);
  const horizonYears = Math.min(100, Math.max(MIN_HORIZON_YEARS, Math.ceil(windowMonths / 12)));
  const scenario = loadScenarioText(caseScenarioText(c, base, horizonYears), `${c.id}.yaml`);
  const rows: TrajectoryRows[] = [];
  // worker threads change where blocks run, never the numbers (src/sim/evaluate.ts)
  const run = { seed: job.seed, trajectories: job.trajectories, options: [c.case.settlement.option], perspectives: [job.perspective], workers: runner.workers ?? 1, ...(runner.executor ? { executor: runner.executor } : {}) };
  const result = await evaluate(scenario, { ...run, onTrajectories: (r) => rows.push(r) });
  const r = result.results[0];
  const accepted = r.survival.n;
  const risk = (months: number) => 1 - r.survival.survival[Math.min(r.survival.survival.length - 1, months)];
  const forecasts: CaseForecast[] = [];
  const add = (question: CaseForecast["question"], forecast: number, outcome: 0 | 1 | null, trajectories = accepted) => {
    if (outcome !== null) forecasts.push({ question, forecast: Number.isFinite(forecast) ? forecast : 0.5, outcome, trajectories });
  };
  const war = c.case.outcome.renewed_war;
  add("war_in_window", risk(windowMonths), war.occurred ? 1 : 0);
  add("war_5y", risk(60), warBy(c, 60));
  add("war_10y", risk(120), warBy(c, 120));
  if (war.occurred) {
    // Jeffreys' estimate (k + ½)/(n + 1): defined when no simulated war came (docs/EVIDENCE.md §8)
    const { wars, interventions } = interventionCounts(rows, windowMonths);
    add("guarantor_intervention", (interventions + 0.5) / (wars + 1), c.case.outcome.guarantor_intervention === "intervened" ? 1 : 0, wars);
  }
  const alignment = c.case.outcome.alignment.at_5_years;
  if (alignment !== null && addYears(c.case.settlement.date, 5) <= c.case.observed_to) {
    const five = await evaluate(scenario, { ...run, horizonYears: 5 });
    const sphere = five.results[0].outcomes.p_sphere_at_horizon_given_accept;
    add("sphere_5y", sphere.mean, inChallengerSphere(alignment) ? 1 : 0, five.results[0].survival.n);
  }
  return { case: c.id, perspective: job.perspective, seed: job.seed, trajectories: job.trajectories, horizonYears, pAccept: r.outcomes.p_accept.mean, forecasts };
}
