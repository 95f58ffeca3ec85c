/**
 * Benchmarks of the analysis layer: the numerics (Sobol points, Jansen estimators with
 * bootstrap, accuracy and interval widths on Ishigami and the G function as N grows) and the
 * cost of a Sobol analysis of the bundled scenario, timed per design point and extrapolated.
 */
import { fileURLToPath } from "node:url";
import { SobolSequence } from "../../src/analysis/sobol-sequence.js";
import { saltelliDesign, saltelliPoints } from "../../src/analysis/saltelli.js";
import { sobolIndicesFromOutputs } from "../../src/analysis/sobol-indices.js";
import { ishigami, ishigamiIndices, sobolG, sobolGIndices, type KnownIndices } from "../../src/analysis/reference-functions.js";
import { simulatorProbe } from "../../src/analysis/probe.js";
import { scenarioModel, scenarioSensitivity } from "../../src/analysis/scenario-sensitivity.js";
import { loadScenarioFile, type Scenario } from "../../src/scenario/load.js";

const seconds = (start: number) => (performance.now() - start) / 1000;

function numerics(): void {
  const sequence = new SobolSequence(30);
  const out = new Float64Array(30);
  let start = performance.now();
  for (let i = 0; i < 1_000_000; i++) sequence.next(out);
  console.log(`Sobol points, 30 dimensions: ${(1 / seconds(start)).toFixed(2)} M points/s`);

  const design = saltelliDesign(15, 4096, 1);
  const values = new Float64Array(4096 * 17).map((_, i) => Math.sin(i));
  start = performance.now();
  sobolIndicesFromOutputs(values, design, { bootstrap: 1000 });
  console.log(`Jansen estimators + 1,000 bootstrap resamples, k = 15, N = 4,096: ${seconds(start).toFixed(2)} s`);
}

type Model = (points: Float64Array, count: number, dimension: number) => Float64Array;

function convergence(name: string, model: Model, known: KnownIndices): void {
  const k = known.first.length;
  console.log(`\n${name}: N, max |S − S_true|, max |ST − ST_true|, mean 95% width S, mean 95% width ST, true values inside`);
  for (const n of [256, 1024, 4096, 16384]) {
    const design = saltelliDesign(k, n, 17);
    const points = saltelliPoints(design, 0, n);
    const result = sobolIndicesFromOutputs(model(points, n * (k + 2), k), design, { bootstrap: 500, seed: 3 });
    const err = (xs: { estimate: number }[], truth: number[]) => Math.max(...xs.map((x, i) => Math.abs(x.estimate - truth[i])));
    const width = (xs: { low: number; high: number }[]) => xs.reduce((s, x) => s + x.high - x.low, 0) / xs.length;
    const inside = [...result.first.map((x, i) => [x, known.first[i]] as const), ...result.total.map((x, i) => [x, known.total[i]] as const)].filter(
      ([x, t]) => x.low <= t && t <= x.high,
    ).length;
    console.log(
      `  ${String(n).padStart(6)}  ${err(result.first, known.first).toFixed(4)}  ${err(result.total, known.total).toFixed(4)}  ${width(result.first).toFixed(4)}  ${width(result.total).toFixed(4)}  ${inside}/${2 * k}`,
    );
  }
}

/** The 15 parameters the bundled perspectives disagree on most often, in scenario order. */
function contestedParameters(scenario: Scenario): string[] {
  const overridden = new Set(Object.values(scenario.perspectives).flatMap((p) => Object.keys(p.overrides)));
  return Object.keys(scenario.parameters).filter((name) => overridden.has(name)).slice(0, 15);
}

async function scenarioCost(): Promise<void> {
  const file = fileURLToPath(new URL("../../../scenarios/ukraine-2025.yaml", import.meta.url));
  const scenario = loadScenarioFile(file);
  const parameters = contestedParameters(scenario);
  const pair = { outcome: "loss" as const, option: "article5-treaty", versus: "neutrality-istanbul" };
  const k = parameters.length;
  const probe = simulatorProbe(scenario, { seed: 1, trajectories: 1000 });
  const model = scenarioModel(probe, pair, "baseline", parameters);
  const design = saltelliDesign(k, 4096, 1);
  const rows = 2;
  const start = performance.now();
  await model(saltelliPoints(design, 0, rows), rows * (k + 2), k);
  const perPoint = seconds(start) / (rows * (k + 2));
  const points = 4096 * (k + 2);
  console.log(`\nScenario: Sobol of ${pair.outcome}(${pair.option}) − ${pair.outcome}(${pair.versus}) over ${k} parameters, 1,000 trajectories per point`);
  console.log(`  time per design point (2 options × 1,000 trajectories): ${perPoint.toFixed(3)} s`);
  console.log(`  full design N = 4,096: ${points.toLocaleString("en-US")} points → ${(perPoint * points / 3600).toFixed(1)} h on one core (extrapolated; jobs of rows run anywhere)`);

  const small = 32;
  const smallStart = performance.now();
  const report = await scenarioSensitivity(simulatorProbe(scenario, { seed: 1, trajectories: 200 }), {
    method: "sobol",
    ...pair,
    parameters,
    baseSamples: small,
    seed: 1,
    bootstrap: 500,
  });
  const widths = report.rows.map((r) => r.total!.high - r.total!.low);
  const meanWidth = widths.reduce((a, b) => a + b, 0) / widths.length;
  console.log(`  measured at N = ${small}, 200 trajectories per point: ${seconds(smallStart).toFixed(1)} s; mean 95% width of ST ${meanWidth.toFixed(3)}, largest ${Math.max(...widths).toFixed(3)}`);
  console.log(`  top three by ST: ${report.rows.slice(0, 3).map((r) => `${r.parameter} ${r.total!.estimate.toFixed(2)} [${r.total!.low.toFixed(2)}, ${r.total!.high.toFixed(2)}]`).join("; ")}`);
  console.log(`  widths shrink about as 1/√N: at N = 4,096 expect ≈ ${(meanWidth * Math.sqrt(small / 4096)).toFixed(3)} (extrapolated, not measured)`);
}

export async function run(): Promise<void> {
  numerics();
  convergence("Ishigami (a = 7, b = 0.1)", ishigami(7, 0.1), ishigamiIndices(7, 0.1));
  const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
  convergence("G function (a = 0, 1, 4.5, 9, 99, 99, 99, 99)", sobolG(a), sobolGIndices(a));
  await scenarioCost();
}
