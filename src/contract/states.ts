/**
 * The one table of the chain's states (docs/MODEL.md §1, §7), in index order: the simulator's state
 * numbers (src/sim/chain/states.ts) index it, and the results' per-month state shares are keyed by it.
 */

export const STATE_NAMES = ["armed_peace", "crisis", "limited_war", "direct_war", "nuclear_use", "no_settlement"] as const;
export type StateName = (typeof STATE_NAMES)[number];
export const STATE_COUNT = STATE_NAMES.length;

/**
 * Per-month share of trajectories in each state (docs/MODEL.md §1); index = month 0..H−1.
 * `no_settlement`: the settlement was rejected and the war goes on (no settlement yet).
 */
export type StateShares = Record<StateName, number[]>;
