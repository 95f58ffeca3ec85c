/**
 * Streaming aggregation of trajectories into outcome estimates (docs/MODEL.md §8): sums and sums of
 * squares, first-war months, state occupancy by month and the alignment histogram. Memory does
 * not grow with the number of trajectories; partial aggregates merge in a fixed order, so the
 * result does not depend on how trajectories were split into chunks or workers.
 */
import type { CoalitionShare, Estimate, OptionPerspectiveResult, OutcomeName } from "../contract/result.js";
import { TRAJECTORY_VALUE_NAMES, type TrajectoryValueName } from "../contract/outcomes.js";
import { STATE_COUNT, STATE_NAMES, type StateShares } from "../contract/states.js";

/** Per-trajectory values over all trajectories (the unconditional outcomes, `loss` last). */
export const TRAJECTORY_VALUES = TRAJECTORY_VALUE_NAMES;
export const V = Object.fromEntries(TRAJECTORY_VALUES.map((n, i) => [n, i])) as Record<TrajectoryValueName, number>;
export const VALUE_COUNT = TRAJECTORY_VALUES.length;

export const HISTOGRAM_BINS = 20;

/** Width of a per-trajectory row: the trajectory values, then the month of the first war (−1: none). */
export const ROW_WIDTH = VALUE_COUNT + 1;

/** An aggregate as plain typed arrays, to cross a worker boundary (buffers can be transferred). */
export interface AggregateData {
  n: number;
  accepted: number;
  sum: Float64Array;
  sumSq: Float64Array;
  acceptedSum: Float64Array;
  acceptedSumSq: Float64Array;
  firstWar: Float64Array;
  states: Float64Array;
  stateSpans: Float64Array;
  histogram: Float64Array;
  cross: Float64Array;
  fought: Float64Array;
  rows: Float64Array | null;
}

/** The ratio outcomes' pairs (numerator, denominator) of per-trajectory values, and their scale (docs/MODEL.md §8.2). */
const RATIOS = [
  { all: "wars_per_crisis", accepted: "wars_per_crisis_given_accept", numerator: "expected_crisis_wars", denominator: "expected_crises", scale: 1 },
  { all: "crises_per_peace_year", accepted: "crises_per_peace_year_given_accept", numerator: "expected_crises", denominator: "expected_peace_months", scale: 12 },
] as const;

export class Aggregate {
  n = 0;
  accepted = 0;
  readonly sum = new Float64Array(VALUE_COUNT);
  readonly sumSq = new Float64Array(VALUE_COUNT);
  /** the same sums over accepted trajectories only (the outcomes "given accept") */
  readonly acceptedSum = new Float64Array(VALUE_COUNT);
  readonly acceptedSumSq = new Float64Array(VALUE_COUNT);
  /** firstWar[t]: accepted trajectories whose first war after the settlement began in month t */
  readonly firstWar: Float64Array;
  /** states[s·H + t]: trajectories in state s at the end of month t (month-by-month counts) */
  readonly states: Float64Array;
  /**
   * stateSpans[s·(H+1) + t]: +1 where a span of state s begins, −1 where it ends. The event-driven
   * simulator records whole spans in O(1); `stateCounts()` adds their prefix sums to `states`.
   */
  readonly stateSpans: Float64Array;
  readonly histogram = new Float64Array(HISTOGRAM_BINS);
  /** Σ x·y of each ratio's numerator and denominator, over all trajectories (first RATIOS.length) and accepted ones */
  readonly cross = new Float64Array(2 * RATIOS.length);
  /** fought[j]: trajectories in which state j fought; fought[J + j]: the same over accepted trajectories */
  readonly fought: Float64Array;

  /** rows[i·ROW_WIDTH …]: per-trajectory values, kept only when asked for (--trajectories-out) */
  readonly rows: Float64Array | null;

  constructor(
    readonly months: number,
    rowCapacity = 0,
    /** states that could fight (the scenario's guarantors), for the coalition summary */
    readonly stateCount = 0,
  ) {
    this.fought = new Float64Array(2 * stateCount);
    this.firstWar = new Float64Array(months);
    this.states = new Float64Array(STATE_COUNT * months);
    this.stateSpans = new Float64Array(STATE_COUNT * (months + 1));
    this.rows = rowCapacity > 0 ? new Float64Array(rowCapacity * ROW_WIDTH) : null;
  }

  toData(): AggregateData {
    const { n, accepted, sum, sumSq, acceptedSum, acceptedSumSq, firstWar, states, stateSpans, histogram, cross, fought, rows } = this;
    return { n, accepted, sum, sumSq, acceptedSum, acceptedSumSq, firstWar, states, stateSpans, histogram, cross, fought, rows };
  }

  /** The buffers of `toData()`, for a zero-copy postMessage. */
  static transferList(d: AggregateData): ArrayBuffer[] {
    const list = [d.sum, d.sumSq, d.acceptedSum, d.acceptedSumSq, d.firstWar, d.states, d.stateSpans, d.histogram, d.cross, d.fought].map((a) => a.buffer as ArrayBuffer);
    if (d.rows) list.push(d.rows.buffer as ArrayBuffer);
    return list;
  }

  /** Record that one trajectory was in `state` during months from … to − 1. */
  addStateSpan(state: number, from: number, to: number): void {
    if (to <= from) return;
    const o = state * (this.months + 1);
    this.stateSpans[o + from]++;
    this.stateSpans[o + to]--;
  }

  /** Trajectories in each state by month: direct counts plus the prefix sums of the spans. */
  stateCounts(): Float64Array {
    const H = this.months;
    const out = Float64Array.from(this.states);
    for (let k = 0; k < STATE_COUNT; k++) {
      let running = 0;
      for (let t = 0; t < H; t++) {
        running += this.stateSpans[k * (H + 1) + t];
        out[k * H + t] += running;
      }
    }
    return out;
  }

  /** Record one finished trajectory's values (`values` has VALUE_COUNT entries; `fought`: 1 per state that fought). */
  addTrajectory(values: Float64Array, firstWarMonth: number, fought: Uint8Array | null = null): void {
    if (this.rows) {
      const o = this.n * ROW_WIDTH;
      for (let k = 0; k < VALUE_COUNT; k++) this.rows[o + k] = values[k];
      this.rows[o + VALUE_COUNT] = firstWarMonth;
    }
    this.n++;
    for (let k = 0; k < VALUE_COUNT; k++) {
      const x = values[k];
      this.sum[k] += x;
      this.sumSq[k] += x * x;
    }
    const accepted = values[V.p_accept] === 1;
    const J = this.stateCount;
    for (let r = 0; r < RATIOS.length; r++) {
      const xy = values[V[RATIOS[r].numerator]] * values[V[RATIOS[r].denominator]];
      this.cross[r] += xy;
      if (accepted) this.cross[RATIOS.length + r] += xy;
    }
    if (fought)
      for (let j = 0; j < J; j++)
        if (fought[j]) {
          this.fought[j]++;
          if (accepted) this.fought[J + j]++;
        }
    if (accepted) {
      this.accepted++;
      for (let k = 0; k < VALUE_COUNT; k++) {
        const x = values[k];
        this.acceptedSum[k] += x;
        this.acceptedSumSq[k] += x * x;
      }
      if (firstWarMonth >= 0) this.firstWar[firstWarMonth]++;
    }
    const s = values[V.mean_alignment_at_horizon];
    this.histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(s * HISTOGRAM_BINS))]++;
  }

  /** Add another aggregate (or its data from a worker); merge in block order for reproducible bits. */
  /**
   * Record one finished trajectory from its end state: fills `values` (scratch, VALUE_COUNT long),
   * computes its loss Σ w_k·x_k with `lossWeights`, and adds it. Shared by both simulators.
   */
  recordTrajectory(
    values: Float64Array,
    lossWeights: Float64Array,
    accepted: boolean,
    warMonths: number,
    warMonthsBeforeNuclear: number,
    directWar: number,
    nuclear: number,
    alignment: number,
    crises: number,
    backedDown: number,
    firstWarMonth: number,
    crisisWars: number,
    peaceMonths: number,
    fought: Uint8Array | null,
  ): void {
    values[V.p_accept] = accepted ? 1 : 0;
    values[V.expected_war_months] = warMonths;
    values[V.expected_war_months_before_nuclear] = warMonthsBeforeNuclear;
    values[V.p_direct_guarantor_war] = directWar;
    values[V.p_nuclear_use] = nuclear;
    values[V.p_sphere_at_horizon] = alignment > 0.5 ? 1 : 0;
    values[V.mean_alignment_at_horizon] = alignment;
    values[V.expected_crises] = crises;
    values[V.p_guarantor_backs_down] = backedDown;
    values[V.expected_crisis_wars] = crisisWars;
    values[V.expected_peace_months] = peaceMonths;
    let loss = 0;
    for (let k = 0; k < VALUE_COUNT - 1; k++) loss += lossWeights[k] * values[k];
    values[V.loss] = loss;
    this.addTrajectory(values, firstWarMonth, fought);
  }

  merge(other: AggregateData): void {
    this.n += other.n;
    this.accepted += other.accepted;
    addInto(this.sum, other.sum);
    addInto(this.sumSq, other.sumSq);
    addInto(this.acceptedSum, other.acceptedSum);
    addInto(this.acceptedSumSq, other.acceptedSumSq);
    addInto(this.firstWar, other.firstWar);
    addInto(this.states, other.states);
    addInto(this.stateSpans, other.stateSpans);
    addInto(this.histogram, other.histogram);
    addInto(this.cross, other.cross);
    addInto(this.fought, other.fought);
  }

  /** P(first war within `months` of the settlement | accepted) with its standard error. */
  warWithin(months: number): Estimate {
    let count = 0;
    for (let t = 0; t < Math.min(months, this.months); t++) count += this.firstWar[t];
    return bernoulliEstimate(count, this.accepted);
  }

  /** Every outcome's estimate and standard error (docs/MODEL.md §8). */
  finishOutcomes(): Record<OutcomeName, Estimate> {
    const outcomes = {} as Record<OutcomeName, Estimate>;
    TRAJECTORY_VALUES.forEach((name, k) => (outcomes[name] = meanEstimate(this.sum[k], this.sumSq[k], this.n)));
    outcomes.p_war_resumes_2y = this.warWithin(24);
    outcomes.p_war_resumes_5y = this.warWithin(60);
    outcomes.p_war_resumes_10y = this.warWithin(120);
    outcomes.p_war_resumes_horizon = this.warWithin(this.months);
    const given = (k: number) => meanEstimate(this.acceptedSum[k], this.acceptedSumSq[k], this.accepted);
    outcomes.p_direct_guarantor_war_given_accept = given(V.p_direct_guarantor_war);
    outcomes.p_nuclear_use_given_accept = given(V.p_nuclear_use);
    outcomes.p_sphere_at_horizon_given_accept = given(V.p_sphere_at_horizon);
    outcomes.expected_war_months_given_accept = given(V.expected_war_months_before_nuclear);
    outcomes.expected_crises_given_accept = given(V.expected_crises);
    outcomes.p_guarantor_backs_down_given_accept = given(V.p_guarantor_backs_down);
    outcomes.mean_alignment_at_horizon_given_accept = given(V.mean_alignment_at_horizon);
    RATIOS.forEach((r, i) => {
      const [x, y] = [V[r.numerator], V[r.denominator]];
      outcomes[r.all] = ratioEstimate(this.sum[x], this.sum[y], this.sumSq[x], this.sumSq[y], this.cross[i], this.n, r.scale);
      outcomes[r.accepted] = ratioEstimate(this.acceptedSum[x], this.acceptedSum[y], this.acceptedSumSq[x], this.acceptedSumSq[y], this.cross[RATIOS.length + i], this.accepted, r.scale);
    });
    return outcomes;
  }

  /** P(state j fought) over all and over accepted trajectories, for states named `stateIds` (in order). */
  coalitionShares(stateIds: readonly string[]): CoalitionShare[] {
    const J = this.stateCount;
    return stateIds.slice(0, J).map((state, j) => ({
      state,
      p_fought: meanEstimate(this.fought[j], this.fought[j], this.n),
      p_fought_given_accept: meanEstimate(this.fought[J + j], this.fought[J + j], this.accepted),
    }));
  }

  finish(option: string, perspective: string, stateIds: readonly string[] = []): OptionPerspectiveResult {
    const outcomes = this.finishOutcomes();
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
    const counts = this.stateCounts();
    const share = (k: number) => Array.from(counts.subarray(k * H, (k + 1) * H), (c) => c / this.n);
    return {
      option,
      perspective,
      trajectories: this.n,
      outcomes,
      survival: { months, survival, se, n: this.accepted },
      states: Object.fromEntries(STATE_NAMES.map((name, k) => [name, share(k)])) as StateShares,
      alignment_at_horizon: {
        edges: Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => i / HISTOGRAM_BINS),
        counts: Array.from(this.histogram),
      },
      ...(this.stateCount > 0 ? { coalition: this.coalitionShares(stateIds) } : {}),
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

/**
 * R = scale·Σx/Σy with the delta method's standard error √((s_x² − 2R·s_xy + R²·s_y²)/(n·ȳ²)) (R and
 * the moments unscaled): the ratio of two sums over trajectories, e.g. wars per crisis. NaN when Σy = 0.
 */
export function ratioEstimate(sumX: number, sumY: number, sumXX: number, sumYY: number, sumXY: number, n: number, scale = 1): Estimate {
  if (n === 0 || sumY === 0) return { mean: NaN, se: NaN };
  const r = sumX / sumY;
  if (n === 1) return { mean: scale * r, se: NaN };
  const [mx, my] = [sumX / n, sumY / n];
  const vx = (sumXX - n * mx * mx) / (n - 1);
  const vy = (sumYY - n * my * my) / (n - 1);
  const cxy = (sumXY - n * mx * my) / (n - 1);
  const variance = Math.max(0, (vx - 2 * r * cxy + r * r * vy) / (n * my * my));
  return { mean: scale * r, se: scale * Math.sqrt(variance) };
}

function bernoulliEstimate(count: number, n: number): Estimate {
  return meanEstimate(count, count, n);
}
