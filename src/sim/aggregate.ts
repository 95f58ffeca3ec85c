/**
 * Streaming aggregation of trajectories into outcome estimates (DESIGN 5.5): sums and sums of
 * squares, first-war months, state occupancy by month and the alignment histogram. Memory does
 * not grow with the number of trajectories; partial aggregates merge in a fixed order, so the
 * result does not depend on how trajectories were split into chunks or workers.
 */
import type { Estimate, OptionPerspectiveResult, OutcomeName } from "./result.js";

/** Per-trajectory values over all trajectories (unconditional outcomes). */
export const TRAJECTORY_VALUES = [
  "p_accept",
  "expected_war_months",
  "p_direct_guarantor_war",
  "p_nuclear_use",
  "p_sphere_at_horizon",
  "mean_alignment_at_horizon",
  "expected_crises",
  "p_guarantor_backs_down",
  "loss",
] as const satisfies readonly OutcomeName[];
export const V = Object.fromEntries(TRAJECTORY_VALUES.map((n, i) => [n, i])) as Record<(typeof TRAJECTORY_VALUES)[number], number>;
export const VALUE_COUNT = TRAJECTORY_VALUES.length;

export const STATES = ["armed_peace", "crisis", "limited_war", "direct_war", "nuclear_use", "no_settlement"] as const;
export const STATE_COUNT = STATES.length;
export const HISTOGRAM_BINS = 20;

export class Aggregate {
  n = 0;
  accepted = 0;
  readonly sum = new Float64Array(VALUE_COUNT);
  readonly sumSq = new Float64Array(VALUE_COUNT);
  /** firstWar[t]: accepted trajectories whose first war after the settlement began in month t */
  readonly firstWar: Float64Array;
  /** states[s·H + t]: trajectories in state s at the end of month t */
  readonly states: Float64Array;
  readonly histogram = new Float64Array(HISTOGRAM_BINS);

  constructor(readonly months: number) {
    this.firstWar = new Float64Array(months);
    this.states = new Float64Array(STATE_COUNT * months);
  }

  /** Record one finished trajectory's values (`values` has VALUE_COUNT entries). */
  addTrajectory(values: Float64Array, firstWarMonth: number): void {
    this.n++;
    for (let k = 0; k < VALUE_COUNT; k++) {
      const x = values[k];
      this.sum[k] += x;
      this.sumSq[k] += x * x;
    }
    if (values[V.p_accept] === 1) {
      this.accepted++;
      if (firstWarMonth >= 0) this.firstWar[firstWarMonth]++;
    }
    const s = values[V.mean_alignment_at_horizon];
    this.histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(s * HISTOGRAM_BINS))]++;
  }

  merge(other: Aggregate): void {
    this.n += other.n;
    this.accepted += other.accepted;
    addInto(this.sum, other.sum);
    addInto(this.sumSq, other.sumSq);
    addInto(this.firstWar, other.firstWar);
    addInto(this.states, other.states);
    addInto(this.histogram, other.histogram);
  }

  /** P(first war within `months` of the settlement | accepted) with its standard error. */
  warWithin(months: number): Estimate {
    let count = 0;
    for (let t = 0; t < Math.min(months, this.months); t++) count += this.firstWar[t];
    return bernoulliEstimate(count, this.accepted);
  }

  finish(option: string, perspective: string): OptionPerspectiveResult {
    const outcomes = {} as Record<OutcomeName, Estimate>;
    TRAJECTORY_VALUES.forEach((name, k) => (outcomes[name] = meanEstimate(this.sum[k], this.sumSq[k], this.n)));
    outcomes.p_war_resumes_2y = this.warWithin(24);
    outcomes.p_war_resumes_5y = this.warWithin(60);
    outcomes.p_war_resumes_10y = this.warWithin(120);
    outcomes.p_war_resumes_horizon = this.warWithin(this.months);
    const H = this.months;
    const months: number[] = [];
    const survival: number[] = [];
    const se: number[] = [];
    let alive = this.accepted;
    for (let t = 0; t <= H; t++) {
      months.push(t);
      const s = this.accepted > 0 ? alive / this.accepted : NaN;
      survival.push(s);
      se.push(this.accepted > 1 ? Math.sqrt((s * (1 - s)) / this.accepted) : NaN);
      if (t < H) alive -= this.firstWar[t];
    }
    const share = (k: number) => Array.from(this.states.subarray(k * H, (k + 1) * H), (c) => c / this.n);
    return {
      option,
      perspective,
      trajectories: this.n,
      outcomes,
      survival: { months, survival, se, n: this.accepted },
      states: {
        armed_peace: share(0),
        crisis: share(1),
        limited_war: share(2),
        direct_war: share(3),
        nuclear_use: share(4),
        no_settlement: share(5),
      },
      alignment_at_horizon: {
        edges: Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => i / HISTOGRAM_BINS),
        counts: Array.from(this.histogram),
      },
    };
  }
}

function addInto(a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}

/** Sample mean and its standard error √(s²/n) from a sum and a sum of squares. */
export function meanEstimate(sum: number, sumSq: number, n: number): Estimate {
  if (n === 0) return { mean: NaN, se: NaN };
  const mean = sum / n;
  if (n === 1) return { mean, se: NaN };
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  return { mean, se: Math.sqrt(variance / n) };
}

function bernoulliEstimate(count: number, n: number): Estimate {
  return meanEstimate(count, count, n);
}
