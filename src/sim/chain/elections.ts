/**
 * The guarantors' elections (docs/MODEL.md §5): the timetable of when each guarantor votes, the
 * ballots (one standard normal per election, the same whatever the option) and each regime's
 * calendar of the elections that move its committed guarantors' stakes.
 */
import type { OptionFeatures } from "../../models/commitments.js";
import { Stream } from "../../math/random.js";
import { NEVER } from "./waiting-times.js";

export interface GuarantorTimetable {
  /** months between elections, 0 = none modelled */
  interval: Int32Array;
  /** month of the first election */
  first: Int32Array;
  /** 1 in months where some guarantor holds an election */
  anyInMonth: Uint8Array;
}

/**
 * Every election of every guarantor before the horizon has a ballot: its index in a trajectory's
 * row of standard normals (guarantor by guarantor, then in order). first[j] is guarantor j's first
 * ballot; `count` is the row's length.
 */
export function ballotLayout(el: GuarantorTimetable, horizon: number): { first: Int32Array; count: number } {
  const first = new Int32Array(el.interval.length);
  let count = 0;
  for (let j = 0; j < el.interval.length; j++) {
    first[j] = count;
    if (el.interval[j] > 0 && el.first[j] < horizon) count += Math.ceil((horizon - el.first[j]) / el.interval[j]);
  }
  return { first, count };
}

/**
 * The elections of a regime's committed guarantors before the horizon, by month then guarantor:
 * e-th election in `months[e]`, held by `guarantors[e]` with ballot `ballots[e]`; `supersededAt[e]`
 * is the month of that guarantor's next election (or NEVER). Only a guarantor's latest election
 * counts when several are caught up at once (during a war), since each draws its stake afresh.
 */
export interface ElectionCalendar {
  months: Int32Array;
  guarantors: Int32Array;
  ballots: Int32Array;
  supersededAt: Int32Array;
}

export function electionCalendar(el: GuarantorTimetable, committed: Uint8Array, horizon: number): ElectionCalendar {
  const layout = ballotLayout(el, horizon);
  const held: { month: number; guarantor: number; ballot: number; next: number }[] = [];
  for (let j = 0; j < el.interval.length; j++) {
    const iv = el.interval[j];
    if (!committed[j] || iv <= 0) continue;
    for (let t = el.first[j], n = 0; t < horizon; t += iv, n++)
      held.push({ month: t, guarantor: j, ballot: layout.first[j] + n, next: t + iv < horizon ? t + iv : NEVER });
  }
  held.sort((a, b) => a.month - b.month || a.guarantor - b.guarantor);
  return {
    months: Int32Array.from(held, (h) => h.month),
    guarantors: Int32Array.from(held, (h) => h.guarantor),
    ballots: Int32Array.from(held, (h) => h.ballot),
    supersededAt: Int32Array.from(held, (h) => h.next),
  };
}

/** Each regime's election calendar, built once per regime (its features) and shared by its trajectories. */
export class RegimeCalendars {
  private readonly calendars = new Map<OptionFeatures, ElectionCalendar>();
  /** the regime of `last` (a one-entry cache in front of the map) */
  private lastFeatures: OptionFeatures | null = null;
  private last: ElectionCalendar = { months: new Int32Array(0), guarantors: new Int32Array(0), ballots: new Int32Array(0), supersededAt: new Int32Array(0) };

  constructor(
    private readonly timetable: GuarantorTimetable,
    private readonly horizon: number,
  ) {}

  of(features: OptionFeatures, committed: Uint8Array): ElectionCalendar {
    if (features === this.lastFeatures) return this.last;
    let calendar = this.calendars.get(features);
    if (!calendar) {
      calendar = electionCalendar(this.timetable, committed, this.horizon);
      this.calendars.set(features, calendar);
    }
    this.lastFeatures = features;
    this.last = calendar;
    return calendar;
  }
}

/**
 * The election results of one trajectory: one standard normal per ballot (ballotLayout), drawn in
 * ballot order from its elections stream when first needed. They do not depend on the option, so
 * every settlement of a trajectory meets the same election results.
 */
export class Ballots {
  readonly values: Float64Array;
  private readonly stream = new Stream();
  /** the trajectory whose ballots `values` holds, −1: none */
  of = -1;

  constructor(timetable: GuarantorTimetable, horizon: number) {
    this.values = new Float64Array(ballotLayout(timetable, horizon).count);
  }

  /** Make `values` trajectory `trajectory`'s ballots, its elections stream saved in seeds[offset…offset+3]. */
  ensure(trajectory: number, seeds: Uint32Array, offset: number): void {
    if (this.of === trajectory) return;
    this.stream.restore(seeds, offset);
    drawStandardNormals(this.stream, this.values);
    this.of = trajectory;
  }
}

/** Standard normals by Marsaglia's polar method, two per accepted pair of uniforms. */
function drawStandardNormals(stream: Stream, out: Float64Array): void {
  for (let b = 0; b < out.length; b += 2) {
    let x = 0;
    let y = 0;
    let r = 0;
    do {
      x = 2 * stream.next() - 1;
      y = 2 * stream.next() - 1;
      r = x * x + y * y;
    } while (r >= 1);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    out[b] = x * f;
    if (b + 1 < out.length) out[b + 1] = y * f;
  }
}
