/**
 * A trajectory's seeds (docs/MODEL.md §9): the purposes its streams are keyed by, and a cache of a
 * block's stream seeds, acceptance and offer draws. They do not depend on the option or the perspective,
 * so every option and perspective of a block reuses them.
 */
import { hashString, seedStreamWithPrefix, trajectoryPrefix, uniformWithPrefix } from "../../math/random.js";

/** The monthly stepper's stream (a fixed number of uniforms a month). */
export const PURPOSE_DYNAMICS = hashString("dynamics");
/** The event-driven stepper's stream. */
export const PURPOSE_EVENTS = hashString("events");
/** The monthly stepper's coalition draws (J + 2 uniforms a war), apart so that its months draw a fixed number. */
export const PURPOSE_COALITION = hashString("coalition");
/** The guarantors' election results. */
export const PURPOSE_ELECTIONS = hashString("elections");
/** The uniform that decides whether the settlement is accepted. */
export const KEY_ACCEPTANCE = hashString("acceptance");
/** The uniform that decides whether the option's treaty-form promises are ratified (offer versus honour, docs/MODEL.md §7.2). */
export const KEY_OFFER = hashString("offer");

/** Trajectories whose seeds are computed at once (a block's worth). */
export const SEED_CACHE = 1024;

export class SeedCache {
  /** seeds of the events and elections streams, 8 words a trajectory, from trajectory `first` on (−1: none) */
  readonly seeds = new Uint32Array(8 * SEED_CACHE);
  readonly acceptanceDraws = new Float64Array(SEED_CACHE);
  readonly offerDraws = new Float64Array(SEED_CACHE);
  first = -1;

  constructor(private readonly seed: number) {}

  /** The slot of trajectory `index`, filling the cache from `index` on if it is not there. */
  slotOf(index: number): number {
    const slot = index - this.first;
    if (this.first >= 0 && slot >= 0 && slot < SEED_CACHE) return slot;
    this.fill(index);
    return 0;
  }

  /** The streams' seeds and the acceptance draw of trajectories first … first + SEED_CACHE − 1. */
  private fill(first: number): void {
    for (let i = 0; i < SEED_CACHE; i++) {
      const prefix = trajectoryPrefix(this.seed, first + i);
      seedStreamWithPrefix(this.seeds, 8 * i, prefix, PURPOSE_EVENTS);
      seedStreamWithPrefix(this.seeds, 8 * i + 4, prefix, PURPOSE_ELECTIONS);
      this.acceptanceDraws[i] = uniformWithPrefix(prefix, KEY_ACCEPTANCE);
      this.offerDraws[i] = uniformWithPrefix(prefix, KEY_OFFER);
    }
    this.first = first;
  }
}
