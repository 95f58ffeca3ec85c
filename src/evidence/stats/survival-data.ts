/**
 * Right-censored survival data as the statistics routines take it: one time and one event flag
 * per subject, checked once at the edge so that the estimators can assume clean input.
 */
import { InputError } from "../../errors.js";

/** Right-censored observations: `event[i]` is 1 if subject i failed at `time[i]`, 0 if censored then. */
export interface SurvivalSample {
  readonly time: Float64Array;
  readonly event: Uint8Array;
}

/** Build a sample from plain arrays, or explain exactly what is wrong with them. */
export function survivalSample(time: ArrayLike<number>, event: ArrayLike<number | boolean>, what = "data"): SurvivalSample {
  if (time.length !== event.length) {
    throw new InputError(`${what}: ${time.length} times but ${event.length} event flags; they must have the same length`);
  }
  if (time.length === 0) throw new InputError(`${what}: no observations`);
  const times = new Float64Array(time.length);
  const events = new Uint8Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (!Number.isFinite(t) || t < 0) {
      throw new InputError(`${what}: time of observation ${i + 1} must be a finite number ≥ 0, got ${String(t)}`);
    }
    const e = event[i];
    if (e !== 0 && e !== 1 && e !== true && e !== false) {
      throw new InputError(`${what}: event flag of observation ${i + 1} must be 0 or 1, got ${String(e)}`);
    }
    times[i] = t;
    events[i] = e === true || e === 1 ? 1 : 0;
  }
  return { time: times, event: events };
}

/** Indices of the subjects sorted by time ascending (ties: events before censorings, as R does). */
export function orderByTime(sample: SurvivalSample): Uint32Array {
  const order = Uint32Array.from({ length: sample.time.length }, (_, i) => i);
  order.sort((a, b) => sample.time[a] - sample.time[b] || sample.event[b] - sample.event[a]);
  return order;
}

/** Number of events in the sample. */
export function countEvents(sample: SurvivalSample): number {
  let total = 0;
  for (let i = 0; i < sample.event.length; i++) total += sample.event[i];
  return total;
}
