/**
 * `guarantor sensitivity FILE --outcome NAME`: Morris screening or Sobol indices of an outcome of
 * one option, or of the difference between two, over the scenario's uncertain parameters.
 * Also holds the flags shared by the analysis commands (sensitivity, cruxes, explain).
 */
import { Option, type Command } from "commander";
import { UsageError } from "../../errors.js";
import { simulatorProbe, type ScenarioProbe } from "../../analysis/probe.js";
import { scenarioSensitivity, type SensitivityReport } from "../../analysis/scenario-sensitivity.js";
import { barChart, formatNumber } from "../../analysis/text-charts.js";
import { loadScenarioFile, type Scenario } from "../../scenario/load.js";
import { DEFAULT_SEED } from "../../contract/run-options.js";
import { OUTCOME_NAMES } from "../../contract/outcomes.js";
import { type OutcomeName } from "../../contract/result.js";
import { parsePositiveInt, runAction } from "../action.js";
import { runOptionsFromFlags, splitList } from "../evaluate-options.js";
import { progressBar } from "../progress.js";
import { queueFromFlag, REDIS_HELP } from "../queue-option.js";

export interface AnalysisFlags {
  seed?: string;
  trajectories?: string;
  batches?: string;
  workers?: string;
  json?: boolean;
  redis?: string;
}

export function addAnalysisFlags(cmd: Command, trajectories: number, batches: number): Command {
  return cmd
    .option("--seed <n>", `random seed (default: the scenario's, else ${DEFAULT_SEED})`)
    .option("--trajectories <n>", `trajectories per simulated setting (default ${trajectories})`)
    .option("--batches <n>", `independent seeds the trajectories are split over, for standard errors (default ${batches})`)
    .option("--workers <n>", "worker threads per simulated setting (default 1: settings are small, a pool pays off only for many thousands of trajectories each)")
    .option("--redis <url>", REDIS_HELP)
    .addOption(new Option("--json", "print the full result as JSON"));
}

export function seedFromFlags(scenario: Scenario, flags: AnalysisFlags): number {
  return runOptionsFromFlags({ seed: flags.seed }).seed ?? scenario.seed ?? DEFAULT_SEED;
}

/** A probe over the simulator from the shared flags; seed, trajectories and workers are checked as for `run`. */
export function probeFromFlags(scenario: Scenario, flags: AnalysisFlags, defaults: { trajectories: number; batches: number }): ScenarioProbe {
  const checked = runOptionsFromFlags({ seed: flags.seed, trajectories: flags.trajectories, workers: flags.workers });
  const seed = checked.seed ?? scenario.seed ?? DEFAULT_SEED;
  const trajectories = checked.trajectories ?? defaults.trajectories;
  const batches = parsePositiveInt("--batches", flags.batches, defaults.batches);
  const queue = queueFromFlag(flags.redis);
  return queue ? queue.probe(scenario, { seed, trajectories, batches }) : simulatorProbe(scenario, { seed, trajectories, batches, workers: checked.workers ?? 1 });
}

export function parseOutcome(raw: string | undefined, fallback: OutcomeName): OutcomeName {
  if (raw === undefined) return fallback;
  if (!(OUTCOME_NAMES as readonly string[]).includes(raw)) throw new UsageError(`unknown outcome "${raw}"; outcomes are ${OUTCOME_NAMES.join(", ")}`);
  return raw as OutcomeName;
}

export function writeJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n");
}

interface Flags extends AnalysisFlags {
  outcome?: string;
  method?: string;
  options?: string;
  perspective?: string;
  parameters?: string;
  samples?: string;
  morrisTrajectories?: string;
  bootstrap?: string;
}

/** Append a column to text lines, aligned after the longest line. */
function withColumns(lines: string[], column: string[]): string[] {
  const width = Math.max(...lines.map((l) => l.length));
  return lines.map((l, i) => `${l.padEnd(width)}   ${column[i]}`);
}

export function formatSensitivity(report: SensitivityReport): string {
  const lines = [`Sensitivity of ${report.label} under "${report.perspective}"`];
  const pct = Math.round(report.confidence * 100);
  if (report.method === "morris") {
    lines.push(
      `Morris screening: ${report.evaluations} runs of ${report.trajectoriesPerPoint} trajectories; μ* = mean |change| when a parameter moves by half its prior range (in quantiles), ${pct}% bootstrap intervals`,
      "",
      "μ (signed mean: + means raising the parameter raises the target) and σ (spread: interactions or non-linearity) follow each bar.",
      "",
      ...withColumns(
        barChart(report.rows.map((r) => ({ label: r.parameter, value: r.muStar!.estimate, low: r.muStar!.low, high: r.muStar!.high }))),
        report.rows.map((r) => `μ ${formatNumber(r.mu!).padStart(7)}  σ ${formatNumber(r.sigma!)}`),
      ),
    );
  } else {
    lines.push(
      `Sobol indices: ${report.evaluations} runs of ${report.trajectoriesPerPoint} trajectories (Saltelli design, Jansen estimators); mean ${formatNumber(report.mean!)}, variance ${formatNumber(report.variance!)}; ${pct}% bootstrap intervals`,
      "",
      "total index ST (share of variance involving the parameter):",
      ...barChart(report.rows.map((r) => ({ label: r.parameter, value: Math.max(0, r.total!.estimate), low: r.total!.low, high: r.total!.high }))),
      "",
      "first-order index S (share of variance from the parameter alone):",
      ...barChart(report.rows.map((r) => ({ label: r.parameter, value: Math.max(0, r.first!.estimate), low: r.first!.low, high: r.first!.high }))),
    );
  }
  return lines.join("\n");
}

export function register(program: Command): void {
  addAnalysisFlags(
    program
      .command("sensitivity")
      .description("which parameters an outcome (or the difference between two options) is sensitive to: Morris screening or Sobol indices")
      .argument("<file>", "scenario YAML file")
      .option("--outcome <name>", "outcome to analyse (default: loss)")
      .addOption(new Option("--method <method>", "morris (screening, cheap) or sobol (variance shares)").choices(["morris", "sobol"]).default("morris"))
      .option("--options <ids>", "one option, or two for the difference first − second (default: the scenario's first option)")
      .option("--perspective <id>", 'priors of the parameters (default: "baseline")')
      .option("--parameters <names>", "parameters to vary, comma-separated (default: all uncertain ones)")
      .option("--samples <n>", "Sobol base samples N; the design has N·(k+2) points (default 64)")
      .option("--morris-trajectories <n>", "Morris trajectories r; r·(k+1) points (default 10)")
      .option("--bootstrap <n>", "bootstrap resamples for the intervals (default 1000)"),
    1000,
    1,
  ).action(
    runAction(async (file: string, flags: Flags) => {
      const scenario = loadScenarioFile(file);
      const options = splitList(flags.options) ?? [scenario.options[0].id];
      if (options.length > 2) throw new UsageError(`--options takes one option or two (for a difference), got ${options.length}`);
      const bar = progressBar("sensitivity");
      const probe = probeFromFlags(scenario, flags, { trajectories: 1000, batches: 1 });
      const report = await scenarioSensitivity(probe, {
        method: flags.method === "sobol" ? "sobol" : "morris",
        outcome: parseOutcome(flags.outcome, "loss"),
        option: options[0],
        versus: options[1],
        perspective: flags.perspective,
        parameters: splitList(flags.parameters),
        baseSamples: parsePositiveInt("--samples", flags.samples, 64),
        morrisTrajectories: parsePositiveInt("--morris-trajectories", flags.morrisTrajectories, 10),
        bootstrap: parsePositiveInt("--bootstrap", flags.bootstrap, 1000),
        seed: seedFromFlags(scenario, flags),
        onProgress: (done, total) => bar.update({ done, total }),
      });
      bar.done();
      if (flags.json) writeJson(report);
      else process.stdout.write(formatSensitivity(report) + "\n");
    }),
  );
}
