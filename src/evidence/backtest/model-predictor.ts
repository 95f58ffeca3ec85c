/**
 * The simulator as a backtest predictor: each historical case gets its own inputs from its
 * covariates (case-inputs.ts): its commitments become an option and its parameter shifts a
 * perspective of one generated scenario (the bundled scenario's priors and mechanisms, generic
 * actors, the evidence priors under every perspective). The simulated
 * P(war resumes within k years | settlement accepted) of the case's option under its profile is the
 * forecast. Cases with the same inputs share one simulation. Which priors it runs under is a choice
 * (docs/EVIDENCE.md §4, §7.8): the registry's evidence priors with or without their calibrated
 * entries, and the cease-fires' spoiler rate from the registry, the inter-state one, or refitted on
 * the training cases (ceasefire-refit.ts; the predictor then learns from its training cases).
 */
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { InputError } from "../../errors.js";
import { loadScenarioText, MAX_SCENARIO_BYTES } from "../../scenario/load.js";
import type { Prior } from "../../scenario/prior.js";
import { readTextFileCapped } from "../../io/read-file.js";
import { evaluate, type EvaluateOptions } from "../../sim/evaluate.js";
import { packageRoot, type CaseSetName, type HistoricalCase } from "../cases/historical-cases.js";
import { DEFAULT_SETTINGS, type CalibrationSettings } from "../calibration/calibrate.js";
import { evidenceOverrides, loadPriors } from "../priors/registry.js";
import { caseInputs, type CaseInputs, type PriorShift } from "./case-inputs.js";
import { refitCeasefireSpoilers, type CeasefireSpoilerRefit } from "./ceasefire-refit.js";
import type { Predictor } from "./predictor.js";

export type { CeasefireSpoilerRefit };

/** Which entries of the priors registry make the evidence priors: all (calibrated ones win), or all but the calibrated ones. */
export type EvidencePriorSet = "calibrated" | "uncalibrated";
export const EVIDENCE_PRIOR_SETS: readonly EvidencePriorSet[] = ["calibrated", "uncalibrated"];

/**
 * The cease-fires' spoiler_rate_scale: the registry's cease-fire prior (fitted to every cease-fire
 * without peacekeepers), the same one as the inter-state dyads (the evidence priors'), or refitted
 * on each training set's cease-fires without peacekeepers.
 */
export type CeasefireSpoilerChoice = "registry" | "interstate" | "refit";
export const CEASEFIRE_SPOILER_CHOICES: readonly CeasefireSpoilerChoice[] = ["registry", "interstate", "refit"];

export interface ModelPredictorOptions {
  caseSet: CaseSetName;
  seed: number;
  trajectories: number;
  /** scenario whose priors and mechanisms are used (default: the bundled ukraine-2025.yaml) */
  scenarioPath?: string;
  /** the same, as text (an edited scenario); takes precedence over scenarioPath */
  scenarioText?: string;
  /** where the simulation's blocks run (a job queue, src/queue/); the numbers do not depend on it */
  executor?: EvaluateOptions["executor"];
  /** worker threads for the simulation (results do not depend on it) */
  workers?: number;
  /** default "calibrated" */
  evidencePriors?: EvidencePriorSet;
  /** cease-fires only; default "registry" under the calibrated priors, "interstate" under the uncalibrated ones (which leave out the registry's cease-fire entry) */
  ceasefireSpoilers?: CeasefireSpoilerChoice;
  /** seed and trajectories per design point of a refit (default: `guarantor calibrate`'s, DEFAULT_SETTINGS) */
  refitSettings?: CalibrationSettings;
}

/** The simulator as a predictor, with the refits of the cease-fires' spoiler rate it made (one per distinct training set; none unless it refits). */
export interface ModelPredictor extends Predictor {
  readonly refits: readonly CeasefireSpoilerRefit[];
}

/** The priors a backtest scenario runs under; the cease-fires' spoiler rate may be a prior given directly (a refit). */
export interface BacktestPriors {
  evidencePriors: EvidencePriorSet;
  ceasefireSpoilers: "registry" | "interstate" | RawPrior;
}

const DEFAULT_PRIORS: BacktestPriors = { evidencePriors: "calibrated", ceasefireSpoilers: "registry" };

type RawPrior = Record<string, unknown> & { dist: string };

/** A prior with a shift applied: `add` moves a normal prior's mean; `times` scales a positive prior's mean and sd. */
export function shiftedPrior(prior: RawPrior, shift: PriorShift): RawPrior {
  if ("add" in shift) {
    if (prior.dist !== "normal") throw new InputError(`backtest: cannot add to the mean of ${shift.parameter}'s ${prior.dist} prior (a normal prior is expected)`);
    return { ...prior, mean: (prior.mean as number) + shift.add };
  }
  if (prior.dist === "fixed") return { ...prior, value: (prior.value as number) * shift.times };
  if (prior.dist !== "lognormal" && prior.dist !== "gamma") throw new InputError(`backtest: cannot scale ${shift.parameter}'s ${prior.dist} prior (lognormal, gamma or fixed expected)`);
  return { ...prior, mean: (prior.mean as number) * shift.times, sd: (prior.sd as number) * shift.times };
}

/** The cease-fires' own calibrated spoiler rate scale, if the registry has it (docs/EVIDENCE.md §4, §7.3). */
function ceasefireSpoilerScale(): RawPrior | undefined {
  const entry = loadPriors().find((p) => p.id === "calibrated_ceasefire_spoiler_rate_scale");
  const prior = entry?.maps_to.prior;
  return prior && { dist: prior.dist, mean: prior.mean, sd: prior.sd, source: `${entry.citation} (calibrated: ${entry.id})` };
}

/** The registry's evidence priors, with or without its calibrated entries (docs/EVIDENCE.md §7.8, "uncalibrated"). */
export function backtestEvidencePriors(set: EvidencePriorSet): Record<string, Prior> {
  const priors = set === "calibrated" ? loadPriors() : loadPriors().filter((p) => p.status !== "calibrated");
  return Object.fromEntries(Object.entries(evidenceOverrides(priors)).map(([name, p]) => [name, { dist: p.dist, mean: p.mean, sd: p.sd, source: p.source }]));
}

/** The cease-fire spoiler choice in force, refusing choices that mean nothing for these options. */
export function ceasefireSpoilerChoice(caseSet: CaseSetName, evidencePriors: EvidencePriorSet, choice: CeasefireSpoilerChoice | undefined): CeasefireSpoilerChoice {
  if (caseSet === "interstate") {
    if (choice !== undefined) throw new InputError("backtest: the cease-fires' spoiler rate applies to the civil-war cease-fires only; the inter-state dyads have no armed factions outside the agreement");
    return "interstate";
  }
  if (choice === "registry" && evidencePriors === "uncalibrated") {
    throw new InputError("backtest: the registry's cease-fire spoiler rate is one of its calibrated entries, which the uncalibrated evidence priors leave out; choose the inter-state rate or a refit");
  }
  return choice ?? (evidencePriors === "calibrated" ? "registry" : "interstate");
}

/** The distinct inputs among the cases, in first-seen order. */
function distinct<K extends "option" | "profile">(inputs: readonly CaseInputs[], key: K): CaseInputs[] {
  const seen = new Map<string, CaseInputs>();
  for (const i of inputs) if (!seen.has(i[key])) seen.set(i[key], i);
  return [...seen.values()];
}

/**
 * Scenario YAML for the backtest: the base scenario's model, generic actors, one option per set of
 * commitments and one perspective per profile of the given cases (all cases of the set by default).
 */
export function backtestScenarioText(
  base: string, caseSet: CaseSetName, horizonYears: number, cases: readonly HistoricalCase[], priors: BacktestPriors = DEFAULT_PRIORS,
): string {
  const doc = parse(base) as Record<string, unknown>;
  const parameters = doc.parameters as Record<string, RawPrior> | undefined;
  if (!parameters) throw new InputError("backtest: the base scenario has no parameters section");
  if (cases.length === 0) throw new InputError("backtest: no cases to build a scenario for");
  const evidence: Record<string, RawPrior> = backtestEvidencePriors(priors.evidencePriors);
  if (caseSet === "ceasefires" && priors.ceasefireSpoilers !== "interstate") {
    const scale = priors.ceasefireSpoilers === "registry" ? ceasefireSpoilerScale() : priors.ceasefireSpoilers;
    if (scale) evidence.spoiler_rate_scale = scale;
  }
  const inputs = cases.map((c) => caseInputs(caseSet, c));
  const perspectives = Object.fromEntries(distinct(inputs, "profile").map((i) => {
    const overrides: Record<string, RawPrior> = { ...evidence };
    for (const shift of i.shifts) {
      const prior = overrides[shift.parameter] ?? parameters[shift.parameter];
      if (!prior) throw new InputError(`backtest: the base scenario has no parameter ${shift.parameter}`);
      overrides[shift.parameter] = { ...shiftedPrior(prior, shift), source: "assumption: case inputs of the backtest (docs/EVIDENCE.md §4)" };
    }
    return [i.profile, { label: `Evidence priors, ${i.profileLabel}`, source: "guarantor priors registry and the case's covariates", overrides }];
  }));
  const scenario = {
    ...doc,
    name: `Historical backtest (${caseSet})`,
    description: "Generated by guarantor backtest: each case's commitments as an option, its covariates' parameter shifts as a perspective.",
    horizon_years: horizonYears,
    actors: {
      challenger: { id: "CH", name: "Former adversary", nuclear: false },
      protege: { id: "PR", name: "Protected state" },
      guarantors: [{ id: "GP", name: "Third-party major power", nuclear: false }],
      spoilers: inputs[0].spoilers,
    },
    options: distinct(inputs, "option").map((i) => ({ id: i.option, label: i.optionLabel, commitments: i.commitments })),
    // the base scenario's status quo names its own states; a generic case has none
    status_quo: [],
    perspectives,
  };
  return stringify(scenario);
}

export function modelPredictor(options: ModelPredictorOptions): ModelPredictor {
  const evidencePriors = options.evidencePriors ?? "calibrated";
  const spoilers = ceasefireSpoilerChoice(options.caseSet, evidencePriors, options.ceasefireSpoilers);
  const settings = options.refitSettings ?? DEFAULT_SETTINGS;
  const refits: CeasefireSpoilerRefit[] = [];
  const byTrainingSet = new Map<string, CeasefireSpoilerRefit>();
  const baseText = () => options.scenarioText ?? readTextFileCapped(options.scenarioPath ?? join(packageRoot(), "scenarios", "ukraine-2025.yaml"), MAX_SCENARIO_BYTES, "scenario file");

  /** One refit per distinct set of training cease-fires without peacekeepers (a left-out case with peacekeepers leaves it unchanged). */
  async function refitFor(base: string, training: readonly HistoricalCase[], test: readonly HistoricalCase[]): Promise<CeasefireSpoilerRefit> {
    const key = training.filter((c) => c.covariates.peacekeeping !== 1).map((c) => c.id).join("\n");
    let refit = byTrainingSet.get(key);
    if (!refit) {
      refit = await refitCeasefireSpoilers(base, backtestEvidencePriors(evidencePriors), training, settings, options.executor);
      byTrainingSet.set(key, refit);
      refits.push(refit);
    }
    refit.testIds.push(...test.map((c) => c.id));
    return refit;
  }

  return {
    id: "model",
    label: modelLabel(options, evidencePriors, spoilers, settings),
    trainingFree: spoilers !== "refit",
    refits,
    async predict(training, test, horizons) {
      const base = baseText();
      const ceasefireSpoilers = spoilers === "refit"
        ? { ...(await refitFor(base, training, test)).prior, source: "refitted on the backtest's training cease-fires without peacekeepers (docs/EVIDENCE.md §4)" }
        : spoilers;
      const text = backtestScenarioText(base, options.caseSet, Math.ceil(Math.max(...horizons)), test, { evidencePriors, ceasefireSpoilers });
      const scenario = loadScenarioText(text, `backtest-${options.caseSet}.yaml`);
      const result = await evaluate(scenario, {
        seed: options.seed, trajectories: options.trajectories, perspectives: Object.keys(scenario.perspectives), workers: options.workers,
        ...(options.executor ? { executor: options.executor } : {}),
      });
      const risks = new Map<string, number[]>();
      for (const r of result.results) {
        risks.set(`${r.option} ${r.perspective}`, horizons.map((k) => 1 - r.survival.survival[Math.min(r.survival.survival.length - 1, Math.round(12 * k))]));
      }
      return test.map((c) => {
        const i = caseInputs(options.caseSet, c);
        const risk = risks.get(`${i.option} ${i.profile}`);
        if (!risk) throw new InputError(`backtest: the simulator returned no result for option ${i.option} under ${i.profile}`);
        return [...risk];
      });
    },
  };
}

/** Says which priors ran; the default (calibrated priors, the registry's cease-fire rate) keeps its short label. */
function modelLabel(options: ModelPredictorOptions, evidencePriors: EvidencePriorSet, spoilers: CeasefireSpoilerChoice, settings: CalibrationSettings): string {
  const parts = [evidencePriors === "calibrated" ? "evidence priors" : "evidence priors without the registry's calibrated entries"];
  if (options.caseSet === "ceasefires" && spoilers === "interstate") parts.push("the inter-state spoiler rate in the cease-fires");
  if (spoilers === "refit") {
    parts.push(`the cease-fires' spoiler rate refitted on the training cease-fires without peacekeepers (history matching, seed ${settings.seed}, ${settings.trajectories} trajectories per point)`);
  }
  parts.push("each case's own inputs", `${options.trajectories} trajectories`, `seed ${options.seed}`);
  return `guarantor's simulator (${parts.join(", ")})`;
}
