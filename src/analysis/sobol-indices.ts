/**
 * Sobol first-order and total sensitivity indices with bootstrap confidence intervals: runs a
 * model over a Saltelli design in independent row blocks (jobs), then applies Jansen's
 * estimators to the full sample and to bootstrap resamples of the base rows.
 */
import { InputError } from "../errors.js";
import { type IntervalEstimate, checkBootstrapOptions, resampleIndices, summariseReplicates } from "./bootstrap.js";
import { AnalysisRandom } from "../math/random.js";
import { type SaltelliDesign, jansenIndices, pointsPerRow, saltelliDesign, saltelliPoints } from "./saltelli.js";

export interface SobolIndices {
  parameters: number;
  baseSamples: number;
  /** model evaluations: N·(k+2) */
  evaluations: number;
  mean: number;
  variance: number;
  /** S_i, one per parameter */
  first: IntervalEstimate[];
  /** ST_i, one per parameter */
  total: IntervalEstimate[];
  confidence: number;
  bootstrap: number;
}

export interface BootstrapOptions {
  /** bootstrap resamples of the base rows (default 1000) */
  bootstrap?: number;
  /** level of the percentile intervals (default 0.95) */
  confidence?: number;
  /** seed of the resampling (default 0) */
  seed?: number;
}

/** Indices from outputs laid out as `saltelliPoints` lays out the design. */
export function sobolIndicesFromOutputs(values: Float64Array, design: SaltelliDesign, options: BootstrapOptions = {}): SobolIndices {
  const resamples = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  checkBootstrapOptions(resamples, confidence);
  const k = design.parameters;
  const expected = design.baseSamples * pointsPerRow(design);
  if (values.length !== expected) {
    throw new InputError(`expected ${expected} model outputs for the design, got ${values.length}`);
  }
  for (let p = 0; p < values.length; p++) {
    if (!Number.isFinite(values[p])) throw new InputError(`model output ${p} is not a finite number (${values[p]})`);
  }
  const full = jansenIndices(values, design);
  const firstReplicates = Array.from({ length: k }, () => new Float64Array(resamples));
  const totalReplicates = Array.from({ length: k }, () => new Float64Array(resamples));
  const random = new AnalysisRandom(options.seed ?? 0, 0xb007);
  const rows = new Uint32Array(design.baseSamples);
  const scratch = { first: new Float64Array(k), total: new Float64Array(k), mean: 0, variance: 0 };
  for (let b = 0; b < resamples; b++) {
    resampleIndices(random, rows);
    jansenIndices(values, design, rows, scratch);
    for (let i = 0; i < k; i++) {
      firstReplicates[i][b] = scratch.first[i];
      totalReplicates[i][b] = scratch.total[i];
    }
  }
  return {
    parameters: k,
    baseSamples: design.baseSamples,
    evaluations: expected,
    mean: full.mean,
    variance: full.variance,
    first: firstReplicates.map((r, i) => summariseReplicates(full.first[i], r, confidence)),
    total: totalReplicates.map((r, i) => summariseReplicates(full.total[i], r, confidence)),
    confidence,
    bootstrap: resamples,
  };
}

/** A model evaluated on a batch of points in the unit cube (row-major, `count` × `dimension`). */
export type BatchModel = (points: Float64Array, count: number, dimension: number, onPoints?: (done: number) => void) => Float64Array | Promise<Float64Array>;

/** A contiguous block of base rows: the unit of work that can run anywhere. */
export interface RowJob {
  fromRow: number;
  toRow: number;
}

/** Split `total` rows into jobs of at most `rowsPerJob`; the split never changes the results. */
export function splitRows(total: number, rowsPerJob: number): RowJob[] {
  if (!Number.isInteger(rowsPerJob) || rowsPerJob < 1) throw new InputError(`rows per job must be a positive integer, got ${rowsPerJob}`);
  const jobs: RowJob[] = [];
  for (let from = 0; from < total; from += rowsPerJob) jobs.push({ fromRow: from, toRow: Math.min(total, from + rowsPerJob) });
  return jobs;
}

export interface SobolAnalysisOptions extends BootstrapOptions {
  parameters: number;
  baseSamples: number;
  /** seed of the design's random digital shift; omit for the plain Sobol sequence */
  designSeed?: number;
  /** base rows per call of the model (default 256); the split never changes the results */
  rowsPerJob?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Run `model` over a Saltelli design, job by job, and estimate the indices. */
export async function sobolAnalysis(model: BatchModel, options: SobolAnalysisOptions): Promise<SobolIndices> {
  const design = saltelliDesign(options.parameters, options.baseSamples, options.designSeed);
  const per = pointsPerRow(design);
  const values = new Float64Array(design.baseSamples * per);
  const jobs = splitRows(design.baseSamples, options.rowsPerJob ?? 256);
  let done = 0;
  for (const job of jobs) {
    const count = (job.toRow - job.fromRow) * per;
    const before = done;
    const outputs = await model(saltelliPoints(design, job.fromRow, job.toRow), count, design.parameters, (n) => options.onProgress?.(before + n, values.length));
    if (outputs.length !== count) throw new InputError(`the model returned ${outputs.length} outputs for ${count} points`);
    values.set(outputs, job.fromRow * per);
    done += count;
    options.onProgress?.(done, values.length);
  }
  return sobolIndicesFromOutputs(values, design, options);
}
