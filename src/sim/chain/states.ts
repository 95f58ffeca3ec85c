/**
 * The chain's states as small integers (docs/MODEL.md §1): the index of each state in the one
 * state table of the results contract (src/contract/states.ts), which the aggregate counts by.
 */
import type { STATE_NAMES } from "../../contract/states.js";

export const enum State {
  Peace = 0,
  Crisis = 1,
  LimitedWar = 2,
  DirectWar = 3,
  Nuclear = 4,
  NoSettlement = 5,
}

/** Compile-time check that each number names its state in the contract's table. */
type Names = typeof STATE_NAMES;
type Agrees<A extends B, B> = A;
export type StateTableAgrees = [
  Agrees<Names[State.Peace], "armed_peace">,
  Agrees<Names[State.Crisis], "crisis">,
  Agrees<Names[State.LimitedWar], "limited_war">,
  Agrees<Names[State.DirectWar], "direct_war">,
  Agrees<Names[State.Nuclear], "nuclear_use">,
  Agrees<Names[State.NoSettlement], "no_settlement">,
  Agrees<Names["length"], 6>,
];
