/**
 * `guarantor backtest`: scores predictors of renewed war on the bundled historical cases out of
 * sample (Brier score, Murphy decomposition, reliability diagram) against the base rate and a Cox
 * model. A thin adapter over src/evidence/backtest.
 */
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { runBacktest, type BacktestReport, type ValidationScheme } from "../../evidence/backtest/backtest.js";
import { baseRatePredictor, coxPredictor } from "../../evidence/backtest/baselines.js";
import {
  CEASEFIRE_SPOILER_CHOICES, EVIDENCE_PRIOR_SETS, modelPredictor,
  type CeasefireSpoilerChoice, type CeasefireSpoilerRefit, type EvidencePriorSet, type ModelPredictor,
} from "../../evidence/backtest/model-predictor.js";
import type { Predictor } from "../../evidence/backtest/predictor.js";
import type { CaseSetName } from "../../evidence/cases/historical-cases.js";
import type { BrierDecomposition } from "../../evidence/stats/brier.js";
import { parsePositiveInt, runAction } from "../action.js";
import { progressBar } from "../progress.js";
import { queueFromFlag, REDIS_HELP } from "../queue-option.js";
import { caseSet, filterCases, fmt, table } from "./evidence.js";

const DEFAULTS = {
  interstate: { covariates: ["major_power_pact", "decisive_outcome", "rivalry"], splitYear: 1946 },
  ceasefires: { covariates: ["peacekeeping", "truce", "victory"], splitYear: 1989 },
} as const;

interface BacktestFlags {
  data: string;
  scheme: string;
  splitYear?: string;
  horizons: string;
  where?: string;
  json?: boolean;
  model: boolean;
  scenario?: string;
  seed?: string;
  trajectories?: string;
  redis?: string;
  evidencePriors?: string;
  ceasefireSpoilers?: string;
}

export function register(program: Command): void {
  program
    .command("backtest")
    .description("score predictions of renewed war on historical cases against what happened (Brier score, reliability)")
    .option("--data <set>", "interstate | ceasefires", "interstate")
    .option("--scheme <scheme>", "loo (leave-one-out) | time-split", "loo")
    .option("--split-year <year>", "first test year for --scheme time-split (default 1946 interstate, 1989 cease-fires)")
    .option("--horizons <years>", "comma-separated horizons in years", "2,5,10")
    .option("--where <name=value>", "keep only cases with this covariate value")
    .option("--no-model", "leave out the simulator's predictions (baselines only)")
    .option("--scenario <file>", "scenario whose priors and mechanisms the simulator uses (default: scenarios/ukraine-2025.yaml)")
    .option("--seed <n>", "simulator seed", "20251")
    .option("--trajectories <n>", "simulator trajectories per case type", "4000")
    .option("--evidence-priors <set>", "the simulator's evidence priors: calibrated (the registry's, calibrated entries winning) | uncalibrated (the registry without its calibrated entries) (default: calibrated)")
    .option("--ceasefire-spoilers <rate>", "the cease-fires' spoiler rate: registry (fitted to every cease-fire without peacekeepers) | interstate (the dyads' evidence prior) | refit (fitted to the training cases only) (default: registry; interstate with --evidence-priors uncalibrated)")
    .option("--redis <url>", REDIS_HELP)
    .option("--json", "print JSON")
    .action(runAction(async (flags: BacktestFlags) => {
      const set = caseSet(flags.data);
      const defaults = DEFAULTS[set.name];
      const horizons = parseHorizons(flags.horizons);
      const scheme = parseScheme(flags.scheme, flags.splitYear, defaults.splitYear);
      const predictors: Predictor[] = [baseRatePredictor(), coxPredictor(defaults.covariates)];
      const priors = parsePriorChoice(flags, set.name);
      let model: ModelPredictor | undefined;
      if (flags.model) {
        const seed = Number(flags.seed);
        if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed expects a non-negative integer, got "${flags.seed}"`);
        const trajectories = parsePositiveInt("--trajectories", flags.trajectories, 4000);
        const executor = queueFromFlag(flags.redis)?.executor;
        model = modelPredictor({ caseSet: set.name, seed, trajectories, scenarioPath: flags.scenario, ...priors, ...(executor ? { executor } : {}) });
        predictors.push(model);
      }
      const bar = model && !model.trainingFree && scheme.kind === "leave-one-out" ? progressBar("leave-one-out refits of the cease-fires' spoiler rate") : undefined;
      const report = await runBacktest({
        cases: filterCases(set, flags.where), predictors, horizons, scheme,
        ...(bar ? { onProgress: (predictor: string, done: number, total: number) => predictor === "model" && bar.update({ done, total }) } : {}),
      });
      bar?.done();
      const refits = model && !model.trainingFree ? { ceasefireSpoilerRefits: model.refits } : {};
      if (flags.json) return void process.stdout.write(`${JSON.stringify({ data: set.name, ...report, ...refits }, null, 2)}\n`);
      process.stdout.write(`${renderReport(set.title, report, model?.trainingFree === false ? model.refits : undefined)}\n`);
    }));
}

/** --evidence-priors and --ceasefire-spoilers, refused where they would change nothing or contradict each other. */
function parsePriorChoice(flags: BacktestFlags, data: CaseSetName): { evidencePriors?: EvidencePriorSet; ceasefireSpoilers?: CeasefireSpoilerChoice } {
  const { evidencePriors, ceasefireSpoilers } = flags;
  if (evidencePriors !== undefined && !EVIDENCE_PRIOR_SETS.includes(evidencePriors as EvidencePriorSet)) {
    throw new UsageError(`--evidence-priors expects ${EVIDENCE_PRIOR_SETS.join(" or ")}, got "${evidencePriors}"`);
  }
  if (ceasefireSpoilers !== undefined && !CEASEFIRE_SPOILER_CHOICES.includes(ceasefireSpoilers as CeasefireSpoilerChoice)) {
    throw new UsageError(`--ceasefire-spoilers expects ${CEASEFIRE_SPOILER_CHOICES.join(", ")}, got "${ceasefireSpoilers}"`);
  }
  if (!flags.model && (evidencePriors !== undefined || ceasefireSpoilers !== undefined)) {
    throw new UsageError(`${evidencePriors !== undefined ? "--evidence-priors" : "--ceasefire-spoilers"} chooses the simulator's priors, and --no-model leaves the simulator out`);
  }
  if (ceasefireSpoilers !== undefined && data !== "ceasefires") {
    throw new UsageError("--ceasefire-spoilers applies to --data ceasefires only: the inter-state dyads have no armed factions outside the agreement, and their spoiler rate is the evidence priors' (--evidence-priors)");
  }
  if (ceasefireSpoilers === "registry" && evidencePriors === "uncalibrated") {
    throw new UsageError("--ceasefire-spoilers registry uses the registry's calibrated cease-fire entry, which --evidence-priors uncalibrated leaves out; use interstate or refit");
  }
  return {
    ...(evidencePriors !== undefined ? { evidencePriors: evidencePriors as EvidencePriorSet } : {}),
    ...(ceasefireSpoilers !== undefined ? { ceasefireSpoilers: ceasefireSpoilers as CeasefireSpoilerChoice } : {}),
  };
}

function parseHorizons(raw: string): number[] {
  const values = raw.split(",").map((s) => Number(s.trim()));
  if (values.some((v) => !(v > 0 && v <= 100))) throw new UsageError(`--horizons expects years between 0 and 100 separated by commas, got "${raw}"`);
  return values;
}

function parseScheme(raw: string, splitYear: string | undefined, fallbackYear: number): ValidationScheme {
  if (raw === "loo" || raw === "leave-one-out") return { kind: "leave-one-out" };
  if (raw !== "time-split") throw new UsageError(`--scheme expects "loo" or "time-split", got "${raw}"`);
  const year = splitYear === undefined ? fallbackYear : Number(splitYear);
  if (!Number.isInteger(year)) throw new UsageError(`--split-year expects a year, got "${splitYear}"`);
  return { kind: "time-split", splitYear: year };
}

function renderReport(title: string, report: BacktestReport, refits?: readonly CeasefireSpoilerRefit[]): string {
  const scheme = report.scheme.kind === "leave-one-out" ? "leave-one-out" : `time split: train before ${report.scheme.splitYear}, test from it`;
  const out = [`${title}\nbacktest, ${scheme}; ${report.testCases} test cases`, ""];
  report.predictors.forEach((p, k) => out.push(`[${k + 1}] ${p.id}: ${p.label}`));
  if (refits) out.push("", renderRefits(refits));
  for (const h of report.horizons) {
    out.push("", `P(war resumes within ${h.years} years): ${h.n} cases with a known outcome (${h.events} wars), ${h.censoredBefore} censored earlier and left out`);
    out.push(table(["predictor", "Brier ± SE", "reliability", "resolution", "uncertainty", "skill vs base", `Δ vs ${report.predictors[0].id} ± SE`],
      h.scores.map((s) => [
        s.predictor, `${fmt(s.score.brier, 4)} ± ${fmt(s.score.brierStdErr, 4)}`, fmt(s.score.reliability, 4), fmt(s.score.resolution, 4),
        fmt(s.score.uncertainty, 4), fmt(s.score.skillVersusBaseRate, 3),
        `${fmt(s.differenceVsReference.mean, 4)} ± ${fmt(s.differenceVsReference.stdErr, 4)}`,
      ])));
    const skills = report.skills.filter((s) => s.years === h.years);
    out.push("", `skill scores 1 − Brier/Brier_ref at ${h.years} years (positive = better than the reference; ± delta-method SE):`);
    out.push(table(["predictor", "reference", "skill ± SE"], skills.map((s) => [s.predictor, s.reference, `${fmt(s.skill, 3)} ± ${fmt(s.stdErr, 3)}`])));
    const verdict = modelVerdict(h);
    if (verdict) out.push("", verdict);
    for (const s of h.scores.slice(1)) out.push("", `reliability diagram, ${s.predictor}, ${h.years} years:`, reliabilityDiagram(s.score));
  }
  out.push("", "Brier: lower is better; Δ < 0 means better than the base rate case by case. Uncertainty = base-rate variance of the test outcomes.");
  return out.join("\n");
}

/** The target of docs/EVIDENCE.md §4: the model's Brier no worse than the base rate's. Said plainly either way. */
export function modelVerdict(h: BacktestReport["horizons"][number]): string | undefined {
  const model = h.scores.find((s) => s.predictor === "model");
  const base = h.scores[0];
  if (!model || model === base) return undefined;
  const gap = model.score.brier - base.score.brier;
  const diff = model.differenceVsReference;
  const relative = base.score.brier > 0 ? ` (${fmt((100 * gap) / base.score.brier, 0)} % of the base rate's)` : "";
  const noise = Math.abs(diff.mean) < 2 * diff.stdErr ? " The difference is within two standard errors of zero." : "";
  return (gap > 0
    ? `TARGET MISSED at ${h.years} years: the model's Brier score ${fmt(model.score.brier, 4)} is above the base rate's ${fmt(base.score.brier, 4)} by ${fmt(gap, 4)}${relative}; paired difference ${fmt(diff.mean, 4)} ± ${fmt(diff.stdErr, 4)}.`
    : `Target met at ${h.years} years: the model's Brier score ${fmt(model.score.brier, 4)} is not above the base rate's ${fmt(base.score.brier, 4)} (difference ${fmt(gap, 4)}; paired ${fmt(diff.mean, 4)} ± ${fmt(diff.stdErr, 4)}).`) + noise;
}

/** The refitted spoiler rate: every figure of the fit when there is one, their ranges over the leave-one-out fits otherwise. */
function renderRefits(refits: readonly CeasefireSpoilerRefit[]): string {
  if (refits.length === 0) return "";
  const first = refits[0];
  const head = `The cease-fires' spoiler rate σ_S refitted on the training cease-fires without peacekeepers (history matching as guarantor calibrate: ${first.points} design points, ${first.trajectoriesPerPoint} trajectories per point, seed ${first.seed}; kept: implausibility < ${first.cutoff}):`;
  if (refits.length === 1) {
    const r = first;
    return [
      head,
      `  ${r.trainingCases} training cease-fires, ${r.failures} failures; risk of failure at ${r.targets.map((t) => t.years).join(", ")} years: ${r.targets.map((t) => `${fmt(t.observed, 3)} ± ${fmt(t.stdErr, 3)}`).join(", ")}`,
      `  ${r.kept} of ${r.points} points kept (σ_S ${fmt(r.keptRange[0], 2)}–${fmt(r.keptRange[1], 2)}); best implausibility ${fmt(r.best.implausibility, 2)} at σ_S = ${fmt(r.best.scale, 2)} (simulated ${r.best.simulated.map((v) => fmt(v, 3)).join(", ")})`,
      `  prior of σ_S in the cease-fires: lognormal(mean ${r.prior.mean}, sd ${r.prior.sd})`,
    ].join("\n");
  }
  const range = (values: number[], digits: number) => {
    const [low, high] = [fmt(Math.min(...values), digits), fmt(Math.max(...values), digits)];
    return low === high ? `${low} in every fit` : `${low}–${high}`;
  };
  return [
    head,
    `  ${refits.length} fits, one per distinct training set (${refits.reduce((s, r) => s + r.testIds.length, 0)} left-out cases; a left-out case with peacekeepers leaves the set unchanged); --json lists each`,
    `  training cease-fires: ${range(refits.map((r) => r.trainingCases), 0)}; points kept of ${first.points}: ${range(refits.map((r) => r.kept), 0)}; best implausibility: ${range(refits.map((r) => r.best.implausibility), 2)}`,
    `  prior of σ_S, lognormal: mean ${range(refits.map((r) => r.prior.mean), 3)}, sd ${range(refits.map((r) => r.prior.sd), 3)}`,
  ].join("\n");
}

/** One row per forecast bin: mean forecast (│) and observed frequency (●) on a 0–1 bar, with n and the observed ± SE. */
function reliabilityDiagram(score: BrierDecomposition): string {
  const width = 40;
  return score.bins.map((b) => {
    const bar = Array<string>(width + 1).fill("·");
    bar[Math.round(b.meanForecast * width)] = "│";
    bar[Math.round(b.observedFrequency * width)] = "●";
    return `  ${b.lower.toFixed(1)}–${b.upper.toFixed(1)}  n=${String(b.count).padStart(3)}  ${bar.join("")}  forecast ${fmt(b.meanForecast, 2)}, observed ${fmt(b.observedFrequency, 2)} ± ${fmt(b.observedStdErr, 2)}`;
  }).join("\n");
}
