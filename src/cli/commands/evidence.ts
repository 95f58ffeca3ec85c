/**
 * `guarantor evidence km|cox|duration|priors`: the historical record behind the model's priors, printed
 * as tables and terminal plots (or --json). A thin adapter over src/evidence.
 */
import { join } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { loadCaseSet, packageRoot, type CaseSet, type CaseSetName, type HistoricalCase } from "../../evidence/cases/historical-cases.js";
import { lossVarianceCoverage, type CoverageReport } from "../../evidence/priors/coverage.js";
import { perspectiveDistances, rootMeanSquareDistance, type ParameterDistances } from "../../evidence/priors/distance.js";
import { checkEstimatedPriors, evidenceOverrides, loadPriors, type Prior as EvidencePrior } from "../../evidence/priors/registry.js";
import { loadScenarioFile, type Scenario } from "../../scenario/load.js";
import { progressBar } from "../progress.js";
import { coxZph } from "../../evidence/stats/cox-zph.js";
import { durationIntervals, fitDurationDependence, spellsOf } from "../../evidence/calibration/duration-dependence.js";
import { fitCox } from "../../evidence/stats/cox.js";
import { kaplanMeier, medianSurvival, survivalAt, type KaplanMeierCurve } from "../../evidence/stats/kaplan-meier.js";
import { logRankTest } from "../../evidence/stats/log-rank.js";
import { survivalSample } from "../../evidence/stats/survival-data.js";
import { parsePositiveInt, runAction } from "../action.js";

const REPORT_YEARS = [1, 2, 5, 10, 20];
const DEFAULT_COVARIATES: Record<CaseSetName, string[]> = {
  interstate: ["major_power_pact", "decisive_outcome", "rivalry"],
  ceasefires: ["peacekeeping", "truce", "victory"],
};

export function register(program: Command): void {
  const evidence = program.command("evidence").description("the historical record: survival curves, Cox models and the priors registry");
  evidence
    .command("km")
    .description("Kaplan–Meier survival of peace, optionally by a covariate, with a log-rank test")
    .option("--data <set>", "interstate | ceasefires", "interstate")
    .option("--by <covariate>", "split the curves by this covariate")
    .option("--where <name=value>", "keep only cases with this covariate value, e.g. post_cold_war=1")
    .option("--json", "print JSON")
    .action(runAction((opts: { data: string; by?: string; where?: string; json?: boolean }) => {
      const set = caseSet(opts.data);
      const cases = filterCases(set, opts.where);
      const groups = opts.by ? groupBy(set, cases, opts.by) : new Map([["all", cases]]);
      const curves = [...groups].map(([group, members]) => ({ group, curve: kaplanMeier(sampleOf(members)) }));
      const test = opts.by ? logRankTest(sampleOf(cases), cases.map((c) => String(c.covariates[opts.by!]))) : undefined;
      if (opts.json) return print(JSON.stringify({ data: set.name, where: opts.where ?? null, by: opts.by ?? null, curves, logRank: test ?? null }, null, 2));
      print(`${set.title}${opts.where ? ` — ${opts.where}` : ""}\nP(peace holds t years), Kaplan–Meier with 95% interval (log scale):\n`);
      print(table(["group", "n", "wars", ...REPORT_YEARS.map((y) => `${y}y`), "median"], curves.map(({ group, curve }) => [
        opts.by ? `${opts.by}=${group}` : group, String(curve.n), String(curve.events),
        ...REPORT_YEARS.map((y) => formatSurvival(curve, y)), fmt(medianSurvival(curve), 1),
      ])));
      print(`\n${stepPlot(curves.map((c) => ({ label: opts.by ? `${opts.by}=${c.group}` : c.group, curve: c.curve })))}`);
      if (test) print(`\nlog-rank test: χ² = ${fmt(test.chiSquare, 3)} on ${test.degreesOfFreedom} df, p = ${fmtP(test.pValue)}`);
    }));
  evidence
    .command("cox")
    .description("Cox proportional-hazards model of renewed war (Efron ties) with a proportional-hazards check")
    .option("--data <set>", "interstate | ceasefires", "interstate")
    .option("--covariates <list>", "comma-separated covariates (default depends on --data)")
    .option("--where <name=value>", "keep only cases with this covariate value")
    .option("--json", "print JSON")
    .action(runAction((opts: { data: string; covariates?: string; where?: string; json?: boolean }) => {
      const set = caseSet(opts.data);
      const cases = filterCases(set, opts.where);
      const names = opts.covariates ? opts.covariates.split(",").map((s) => s.trim()) : DEFAULT_COVARIATES[set.name];
      for (const n of names) checkCovariate(set, n);
      const data = { sample: sampleOf(cases), names, covariates: Float64Array.from(cases.flatMap((c) => names.map((n) => c.covariates[n]))) };
      const fit = fitCox(data);
      const ph = coxZph(data, fit);
      if (opts.json) return print(JSON.stringify({ data: set.name, where: opts.where ?? null, fit, proportionalHazards: ph.table }, null, 2));
      print(`${set.title}${opts.where ? ` — ${opts.where}` : ""}\nCox model, n = ${fit.n}, wars = ${fit.events}\n`);
      print(table(["covariate", "coef", "SE", "HR", "95% CI", "p", "PH test p"], names.map((n, j) => [
        n, fmt(fit.coefficients[j], 3), fmt(fit.standardErrors[j], 3), fmt(fit.hazardRatios[j], 3),
        `${fmt(fit.hazardRatioLower[j], 2)}–${fmt(fit.hazardRatioUpper[j], 2)}`, fmtP(fit.pValues[j]), fmtP(ph.table[j].pValue),
      ])));
      const t = (name: string, x: { statistic: number; degreesOfFreedom: number; pValue: number }) =>
        `${name} ${fmt(x.statistic, 2)} on ${x.degreesOfFreedom} df, p = ${fmtP(x.pValue)}`;
      print(`\n${t("likelihood ratio", fit.likelihoodRatioTest)}; ${t("Wald", fit.waldTest)}; ${t("score", fit.scoreTest)}`);
      print(`global proportional-hazards test: p = ${fmtP(ph.table[ph.table.length - 1].pValue)} (scaled Schoenfeld residuals, KM time)`);
      for (const w of fit.warnings) print(`warning: ${w}`);
    }));
  evidence
    .command("duration")
    .description("duration dependence of the hazard of renewed war, h(t) = h0·(ψ + (1 − ψ)e^(−t/T_D)), by maximum likelihood")
    .option("--data <set>", "interstate | ceasefires", "ceasefires")
    .option("--where <name=value>", "keep only cases with this covariate value, e.g. post_cold_war=0")
    .option("--json", "print JSON")
    .action(runAction((opts: { data: string; where?: string; json?: boolean }) => {
      const set = caseSet(opts.data);
      const cases = filterCases(set, opts.where);
      const fit = fitDurationDependence(spellsOf([cases]));
      if (opts.json) return print(JSON.stringify({ data: set.name, where: opts.where ?? null, fit, intervals: durationIntervals(fit) }, null, 2));
      print(`${set.title}${opts.where ? ` — ${opts.where}` : ""}\nDuration dependence, h(t) = h0·(ψ + (1 − ψ)e^(−t/T_D)), maximum likelihood (docs/EVIDENCE.md §7.2); n = ${fit.n}, wars = ${fit.events}\n`);
      const intervals = durationIntervals(fit);
      const interval = (range: [number, number] | undefined, digits: number) => (range ? `${fmt(range[0], digits)}–${fmt(range[1], digits)}` : "—");
      print(table(["quantity", "estimate", "95% interval"], [
        ["ψ, the long-run factor on the hazard", fmt(fit.floor, 4), interval(intervals?.floor, 4)],
        ["T_D, months", fmt(fit.decayMonths, 1), interval(intervals?.decayMonths, 1)],
        ["h0, wars per year at the start", fmt(fit.baseHazardPerYear[0], 3), ""],
      ]));
      print(`\nlog-likelihood ${fmt(fit.logLikelihood, 2)}; a constant hazard ${fmt(fit.exponentialLogLikelihood, 2)}; likelihood ratio ${fmt(fit.likelihoodRatio, 2)} (ψ = 1 lies on the edge of the parameter space, so no χ² p-value is given)`);
      if (fit.atBoundary) {
        print("warning: the likelihood is largest at an edge of the search box (ψ in [0.0001, 0.9999], T_D in [0.1, 2000] months); the normal approximation's intervals mean nothing there, so none is given");
      }
    }));
  evidence
    .command("priors")
    .description("the evidence priors registry: distributions, sources, how far each perspective lies from the evidence, and the share of the loss's variance with a data source")
    .option("--check", "recompute the estimated-here priors from the bundled data (skips the coverage figure)")
    .option("--scenario <file>", "scenario whose perspectives are compared with the evidence (default: the bundled ukraine-2025.yaml)")
    .option("--no-coverage", "skip the Sobol coverage figure (it runs the simulator)")
    .option("--samples <n>", `coverage: base samples N of the pick–freeze design, 3N runs (default ${COVERAGE_DEFAULTS.samples})`)
    .option("--trajectories <n>", `coverage: trajectories per run (default ${COVERAGE_DEFAULTS.trajectories})`)
    .option("--seed <n>", `coverage: seed of the design and the simulator (default ${COVERAGE_DEFAULTS.seed})`)
    .option("--json", "print JSON")
    .action(runAction(async (opts: PriorsFlags) => {
      const priors = loadPriors();
      const checks = opts.check ? checkEstimatedPriors(priors) : [];
      const scenario = loadScenarioFile(opts.scenario ?? join(packageRoot(), "scenarios", "ukraine-2025.yaml"));
      const distances = perspectiveDistances(scenario, priors);
      const coverage = opts.coverage && !opts.check ? await coverageOf(scenario, priors, opts) : undefined;
      if (opts.json) return print(JSON.stringify({ priors, checks, distances, coverage: coverage ?? null }, null, 2));
      for (const p of priors) {
        const d = p.distribution;
        print(`${p.id}  [${p.status}${p.verified === false ? ", not re-verified" : ""}]`);
        print(`  measures: ${p.measures}`);
        print(`  prior:    ${d.dist}(mean ${d.mean}, sd ${d.sd}); estimate ${p.estimate}`);
        print(`  source:   ${p.citation}`);
        if (p.calibration) print(`  method:   ${p.calibration.method}\n  data:     ${p.calibration.data}\n  re-derive: ${p.calibration.script} (tolerance ${p.calibration.tolerance})`);
        const target = p.maps_to.parameter ?? p.maps_to.quantity ?? "";
        const mapped = p.maps_to.prior ? ` ← ${p.maps_to.prior.dist}(mean ${p.maps_to.prior.mean}, sd ${p.maps_to.prior.sd})` : "";
        print(`  maps to:  ${p.maps_to.kind} ${target}${mapped}\n`);
      }
      for (const c of checks) print(`${c.agrees ? "ok  " : "DIFF"} ${c.id}: stored ${c.stored}, recomputed ${fmt(c.recomputed, 4)}`);
      if (distances.length > 0) print(formatDistances(distances));
      if (coverage) print(formatCoverage(coverage));
      if (checks.some((c) => !c.agrees)) process.exitCode = 1;
    }));
}

interface PriorsFlags {
  check?: boolean;
  json?: boolean;
  scenario?: string;
  coverage: boolean;
  samples?: string;
  trajectories?: string;
  seed?: string;
}

const COVERAGE_DEFAULTS = { samples: 64, trajectories: 300, seed: 16 };

async function coverageOf(scenario: Scenario, priors: EvidencePrior[], opts: PriorsFlags): Promise<CoverageReport | undefined> {
  if (!scenario.perspectives.evidence) return undefined;
  const sourced = Object.keys(evidenceOverrides(priors)).filter((name) => name in scenario.perspectives.evidence.overrides);
  const bar = progressBar("coverage (Sobol)");
  const report = await lossVarianceCoverage({
    scenario, perspective: "evidence", sourced,
    baseSamples: parsePositiveInt("--samples", opts.samples, COVERAGE_DEFAULTS.samples),
    trajectories: parsePositiveInt("--trajectories", opts.trajectories, COVERAGE_DEFAULTS.trajectories),
    seed: parsePositiveInt("--seed", opts.seed, COVERAGE_DEFAULTS.seed),
    onProgress: (done, total) => bar.update({ done, total }),
  });
  bar.done();
  return report;
}

function formatDistances(rows: ParameterDistances[]): string {
  const names = rows[0].perspectives.map((p) => p.perspective);
  const rms = rootMeanSquareDistance(rows);
  const lines = ["How far each perspective's prior lies from the evidence (calibrated priors): z = (perspective mean − evidence mean)/evidence sd, F = evidence CDF at the perspective mean\n"];
  lines.push(table(["parameter", "evidence prior", ...names], [
    ...rows.map((r) => [r.parameter, `${r.evidence.dist}(${r.evidence.mean}, ${r.evidence.sd})`,
      ...r.perspectives.map((p) => `z ${fmt(p.standardized, 1)}, F ${fmt(p.evidenceQuantile, 3)}`)]),
    ["root mean square z", "", ...names.map((n) => fmt(rms[n], 1))],
  ]));
  return lines.join("\n");
}

function formatCoverage(c: CoverageReport): string {
  const pct = (x: { estimate: number; se: number }) => `${fmt(100 * x.estimate, 1)}% ± ${fmt(100 * x.se, 1)}`;
  const lines = [`\nCoverage: share of each option's loss variance (Sobol, under the "${c.perspective}" priors) from the ${c.sourced.length} of ${c.parameters} uncertain parameters with a data source (${c.sourced.join(", ")})`];
  lines.push(`pick–freeze, N = ${c.baseSamples} (${c.evaluations} runs of ${c.trajectories} trajectories), seed ${c.seed}; ± bootstrap SE\n`);
  lines.push(table(["option", "first order S_G", "total T_G", "MC noise / V"], [
    ...c.options.map((o) => [o.option, pct(o.first), pct(o.total), fmt(o.noiseShare, 3)]),
    ["mean over options", pct(c.meanFirst), pct(c.meanTotal), ""],
  ]));
  lines.push("first order: variance the sourced parameters explain alone; total: including their interactions with the others");
  return lines.join("\n");
}

export function caseSet(name: string): CaseSet {
  if (name !== "interstate" && name !== "ceasefires") throw new UsageError(`--data expects "interstate" or "ceasefires", got "${name}"`);
  return loadCaseSet(name);
}

function checkCovariate(set: CaseSet, name: string): void {
  if (!set.covariateNames.includes(name)) {
    throw new UsageError(`unknown covariate "${name}" for ${set.name}; available: ${set.covariateNames.join(", ")}`);
  }
}

export function filterCases(set: CaseSet, where: string | undefined): HistoricalCase[] {
  if (!where) return set.cases;
  const match = /^([a-z_]+)=(-?\d+(?:\.\d+)?)$/.exec(where);
  if (!match) throw new UsageError(`--where expects name=value, e.g. post_cold_war=1, got "${where}"`);
  checkCovariate(set, match[1]);
  const kept = set.cases.filter((c) => c.covariates[match[1]] === Number(match[2]));
  if (kept.length === 0) throw new UsageError(`no ${set.name} case has ${where}`);
  return kept;
}

function groupBy(set: CaseSet, cases: HistoricalCase[], covariate: string): Map<string, HistoricalCase[]> {
  checkCovariate(set, covariate);
  const groups = new Map<string, HistoricalCase[]>();
  for (const c of [...cases].sort((a, b) => a.covariates[covariate] - b.covariates[covariate])) {
    const key = String(c.covariates[covariate]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return groups;
}

const sampleOf = (cases: readonly HistoricalCase[]) => survivalSample(cases.map((c) => c.yearsAtRisk), cases.map((c) => c.event));
const print = (text: string) => void process.stdout.write(`${text}\n`);

export function fmt(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "—";
}
export function fmtP(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

function formatSurvival(curve: KaplanMeierCurve, years: number): string {
  let index = -1;
  for (let i = 0; i < curve.time.length && curve.time[i] <= years; i++) index = i;
  if (curve.time.length === 0 || years > curve.time[curve.time.length - 1]) return "—";
  const s = survivalAt(curve, years);
  return index === -1 ? "1.00" : `${s.toFixed(2)} (${fmt(curve.lower[index], 2)}–${fmt(curve.upper[index], 2)})`;
}

/** Left-aligned text table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Step plot of survival curves on a 60 × 12 character grid, one marker per curve. */
function stepPlot(series: { label: string; curve: KaplanMeierCurve }[]): string {
  const width = 60;
  const height = 12;
  const markers = ["●", "○", "▲", "△", "■"];
  const maxTime = Math.max(...series.map((s) => s.curve.time[s.curve.time.length - 1] ?? 1));
  const grid = Array.from({ length: height + 1 }, () => Array<string>(width + 1).fill(" "));
  series.forEach(({ curve }, k) => {
    for (let x = 0; x <= width; x++) {
      const t = (x / width) * maxTime;
      if (curve.time.length && t > curve.time[curve.time.length - 1]) break;
      const y = Math.round(survivalAt(curve, t) * height);
      grid[height - y][x] = markers[k % markers.length];
    }
  });
  const rows = grid.map((row, i) => `${i % 3 === 0 ? ((height - i) / height).toFixed(2) : "    "} │${row.join("")}`);
  rows.push(`     └${"─".repeat(width + 1)}`);
  rows.push(`      0${" ".repeat(width - 10)}${maxTime.toFixed(0).padStart(4)} years`);
  rows.push(series.map((s, k) => `${markers[k % markers.length]} ${s.label}`).join("   "));
  return rows.join("\n");
}
