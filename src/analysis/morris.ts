/**
 * Morris elementary-effects screening (Morris 1991; μ* of Campolongo, Cariboni & Saltelli 2007,
 * with optional groups of factors). Cheap: r·(g+1) model runs rank g factors or groups, before
 * a Sobol analysis spends N·(k+2) runs on the few that matter.
 *
 * Grid: p levels (p even), level l ↦ u = (l + ½)/p, the centre of its cell, so that priors with
 * unbounded support are never asked for their 0 or 1 quantile. A step moves a factor by p/2
 * levels (up from the lower half, down from the upper half), i.e. by Δ = ½ in u, whatever p.
 */
import { InputError } from "../errors.js";
import { type IntervalEstimate, checkBootstrapOptions, resampleIndices, summariseReplicates } from "./bootstrap.js";
import { AnalysisRandom } from "../math/random.js";
import type { BatchModel, BootstrapOptions } from "./sobol-indices.js";

export const MORRIS_STEP = 0.5;

export interface MorrisDesignOptions {
  factors: number;
  trajectories: number;
  /** p, even, ≥ 2 (default 4) */
  levels?: number;
  seed?: number;
  /** group index (0..g−1) of each factor; default: each factor its own group */
  groups?: readonly number[];
}

export interface MorrisDesign {
  factors: number;
  trajectories: number;
  levels: number;
  groupCount: number;
  groupOf: Int32Array;
  /** r·(g+1) points of k coordinates in (0,1), trajectory by trajectory */
  points: Float64Array;
  /** r·g: the group moved at each step */
  movedGroup: Int32Array;
  /** r·g: +1 if the (single) factor moved up, −1 if down; +1 for groups of several factors */
  stepSign: Int8Array;
}

function checkGroups(factors: number, groups: readonly number[] | undefined): { groupOf: Int32Array; groupCount: number } {
  if (!groups) return { groupOf: Int32Array.from({ length: factors }, (_, i) => i), groupCount: factors };
  if (groups.length !== factors) throw new InputError(`expected one group index per factor (${factors}), got ${groups.length}`);
  const groupCount = Math.max(...groups) + 1;
  const seen = new Uint8Array(groupCount);
  for (const g of groups) {
    if (!Number.isInteger(g) || g < 0) throw new InputError(`group indices must be integers ≥ 0, got ${g}`);
    seen[g] = 1;
  }
  if (seen.includes(0)) throw new InputError(`group indices must cover 0..${groupCount - 1} without gaps`);
  return { groupOf: Int32Array.from(groups), groupCount };
}

export function morrisDesign(options: MorrisDesignOptions): MorrisDesign {
  const { factors, trajectories } = options;
  const levels = options.levels ?? 4;
  if (!Number.isInteger(factors) || factors < 1) throw new InputError(`Morris screening needs at least one factor, got ${factors}`);
  if (!Number.isInteger(trajectories) || trajectories < 2) throw new InputError(`Morris screening needs at least 2 trajectories, got ${trajectories}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new InputError(`the number of Morris levels must be an even integer ≥ 2, got ${levels}`);
  const { groupOf, groupCount } = checkGroups(factors, options.groups);
  const per = groupCount + 1;
  const points = new Float64Array(trajectories * per * factors);
  const movedGroup = new Int32Array(trajectories * groupCount);
  const stepSign = new Int8Array(trajectories * groupCount);
  const level = new Int32Array(factors);
  const order = new Int32Array(groupCount);
  const half = levels / 2;
  for (let t = 0; t < trajectories; t++) {
    // One stream per trajectory: trajectory t is the same however the work is split.
    const random = new AnalysisRandom(options.seed ?? 0, t);
    for (let i = 0; i < factors; i++) level[i] = random.nextInt(levels);
    for (let g = 0; g < groupCount; g++) order[g] = g;
    random.shuffle(order);
    writePoint(points, (t * per) * factors, level, levels);
    for (let s = 0; s < groupCount; s++) {
      const group = order[s];
      let sign = 0;
      let members = 0;
      for (let i = 0; i < factors; i++) {
        if (groupOf[i] !== group) continue;
        sign = level[i] < half ? 1 : -1;
        level[i] += sign * half;
        members++;
      }
      movedGroup[t * groupCount + s] = group;
      stepSign[t * groupCount + s] = members === 1 ? sign : 1;
      writePoint(points, (t * per + s + 1) * factors, level, levels);
    }
  }
  return { factors, trajectories, levels, groupCount, groupOf, points, movedGroup, stepSign };
}

function writePoint(points: Float64Array, at: number, level: Int32Array, levels: number): void {
  for (let i = 0; i < level.length; i++) points[at + i] = (level[i] + 0.5) / levels;
}

export interface MorrisEffect {
  /** μ*: mean absolute elementary effect, per unit of u (the prior's quantile scale) */
  muStar: IntervalEstimate;
  /** μ: mean signed effect (meaningless for groups of several factors: NaN) */
  mu: number;
  /** σ: standard deviation of the effects (interactions and non-linearity) */
  sigma: number;
}

export interface MorrisResult {
  trajectories: number;
  levels: number;
  evaluations: number;
  /** one per group (per factor when there are no groups) */
  effects: MorrisEffect[];
}

/** Elementary effects EE = sign·(f(x after) − f(x before))/Δ from outputs laid out as `design.points`. */
export function elementaryEffects(design: MorrisDesign, outputs: Float64Array): Float64Array {
  const g = design.groupCount;
  const expected = design.trajectories * (g + 1);
  if (outputs.length !== expected) throw new InputError(`expected ${expected} model outputs for the Morris design, got ${outputs.length}`);
  const effects = new Float64Array(design.trajectories * g);
  for (let t = 0; t < design.trajectories; t++) {
    for (let s = 0; s < g; s++) {
      const before = outputs[t * (g + 1) + s];
      const after = outputs[t * (g + 1) + s + 1];
      if (!Number.isFinite(before) || !Number.isFinite(after)) throw new InputError(`Morris model output in trajectory ${t} is not a finite number`);
      effects[t * g + design.movedGroup[t * g + s]] = (design.stepSign[t * g + s] * (after - before)) / MORRIS_STEP;
    }
  }
  return effects;
}

export function morrisEffects(design: MorrisDesign, outputs: Float64Array, options: BootstrapOptions = {}): MorrisResult {
  const resamples = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  checkBootstrapOptions(resamples, confidence);
  const g = design.groupCount;
  const r = design.trajectories;
  const effects = elementaryEffects(design, outputs);
  const groupSizes = new Int32Array(g);
  for (const group of design.groupOf) groupSizes[group]++;
  const random = new AnalysisRandom(options.seed ?? 0, 0x5eed);
  const rows = new Uint32Array(r);
  const replicates = Array.from({ length: g }, () => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    resampleIndices(random, rows);
    for (let j = 0; j < g; j++) {
      let sum = 0;
      for (let t = 0; t < r; t++) sum += Math.abs(effects[rows[t] * g + j]);
      replicates[j][b] = sum / r;
    }
  }
  const result: MorrisEffect[] = [];
  for (let j = 0; j < g; j++) {
    let sum = 0;
    let sumAbs = 0;
    for (let t = 0; t < r; t++) {
      sum += effects[t * g + j];
      sumAbs += Math.abs(effects[t * g + j]);
    }
    const mu = sum / r;
    let squares = 0;
    for (let t = 0; t < r; t++) squares += (effects[t * g + j] - mu) ** 2;
    result.push({
      muStar: summariseReplicates(sumAbs / r, replicates[j], confidence),
      mu: groupSizes[j] === 1 ? mu : NaN,
      sigma: Math.sqrt(squares / (r - 1)),
    });
  }
  return { trajectories: r, levels: design.levels, evaluations: outputs.length, effects: result };
}

export interface MorrisAnalysisOptions extends MorrisDesignOptions, BootstrapOptions {
  trajectoriesPerJob?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Run `model` over a Morris design, a block of trajectories at a time, and summarise the effects. */
export async function morrisAnalysis(model: BatchModel, options: MorrisAnalysisOptions): Promise<MorrisResult> {
  const design = morrisDesign(options);
  const per = design.groupCount + 1;
  const k = design.factors;
  const outputs = new Float64Array(design.trajectories * per);
  const block = options.trajectoriesPerJob ?? 64;
  for (let from = 0; from < design.trajectories; from += block) {
    const to = Math.min(design.trajectories, from + block);
    const count = (to - from) * per;
    const values = await model(design.points.subarray(from * per * k, to * per * k), count, k, (n) => options.onProgress?.(from * per + n, outputs.length));
    if (values.length !== count) throw new InputError(`the model returned ${values.length} outputs for ${count} points`);
    outputs.set(values, from * per);
    options.onProgress?.(to * per, outputs.length);
  }
  return morrisEffects(design, outputs, options);
}
