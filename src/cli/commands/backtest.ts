/**
 * `guarantor backtest`: scores predictors of renewed war on the bundled historical cases out of
 * sample (Brier score, Murphy decomposition, reliability diagram) against the base rate and a Cox
 * model. A thin adapter over src/evidence/backtest.
 */
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { runBacktest, type BacktestReport, type ValidationScheme } from "../../evidence/backtest/backtest.js";
import { baseRatePredictor, coxPredictor } from "../../evidence/backtest/baselines.js";
import { modelPredictor } from "../../evidence/backtest/model-predictor.js";
import type { Predictor } from "../../evidence/backtest/predictor.js";
import type { BrierDecomposition } from "../../evidence/stats/brier.js";
import { parsePositiveInt, runAction } from "../action.js";
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
    .option("--redis <url>", REDIS_HELP)
    .option("--json", "print JSON")
    .action(runAction(async (flags: BacktestFlags) => {
      const set = caseSet(flags.data);
      const defaults = DEFAULTS[set.name];
      const horizons = parseHorizons(flags.horizons);
      const scheme = parseScheme(flags.scheme, flags.splitYear, defaults.splitYear);
      const predictors: Predictor[] = [baseRatePredictor(), coxPredictor(defaults.covariates)];
      if (flags.model) {
        const seed = Number(flags.seed);
        if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed expects a non-negative integer, got "${flags.seed}"`);
        const trajectories = parsePositiveInt("--trajectories", flags.trajectories, 4000);
        const executor = queueFromFlag(flags.redis)?.executor;
        predictors.push(modelPredictor({ caseSet: set.name, seed, trajectories, scenarioPath: flags.scenario, ...(executor ? { executor } : {}) }));
      }
      const report = await runBacktest({ cases: filterCases(set, flags.where), predictors, horizons, scheme });
      if (flags.json) return void process.stdout.write(`${JSON.stringify({ data: set.name, ...report }, null, 2)}\n`);
      process.stdout.write(`${renderReport(set.title, report)}\n`);
    }));
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

function renderReport(title: string, report: BacktestReport): string {
  const scheme = report.scheme.kind === "leave-one-out" ? "leave-one-out" : `time split: train before ${report.scheme.splitYear}, test from it`;
  const out = [`${title}\nbacktest, ${scheme}; ${report.testCases} test cases`, ""];
  report.predictors.forEach((p, k) => out.push(`[${k + 1}] ${p.id}: ${p.label}`));
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
