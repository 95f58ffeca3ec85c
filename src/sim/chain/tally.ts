/**
 * What a trajectory counts as it goes (docs/MODEL.md §5, §7, §8), and the pure transition rules
 * that change the counts: how a crisis ends, how a war starts, who backs down. Both steppers call
 * these, so each rule is written once; the steppers decide only when, from their own draws.
 */
import type { Aggregate } from "../aggregate.js";
import { State } from "./states.js";

export class TrajectoryTally {
  /** tests of the defending side passed (someone fought or held) and failed (beliefs, docs/MODEL.md §5.4) */
  firm = 0;
  backdowns = 0;
  /** 1 once a test failed while some state had a promise or troops: a guarantor backed down */
  backedDown = 0;
  crises = 0;
  /** crises that ended in war, and months at peace (armed peace or crisis) */
  crisisWars = 0;
  peaceMonths = 0;
  /** 1 once some state has fought the challenger directly, 1 once nuclear weapons were used */
  directWar = 0;
  nuclear = 0;
  warMonths = 0;
  /** months of war (limited, direct, without a settlement) before any nuclear use */
  warMonthsBeforeNuclear = 0;
  /** month of the first war after an accepted settlement, −1: none */
  firstWar = -1;

  start(): void {
    this.firm = this.backdowns = this.backedDown = this.crises = this.crisisWars = this.peaceMonths = this.directWar = this.nuclear = this.warMonths = this.warMonthsBeforeNuclear = 0;
    this.firstWar = -1;
  }

  /** A test of the defending side: passed, or failed (with committed states: they backed down). */
  tested(passed: boolean, anyCommitted: boolean): void {
    if (passed) {
      this.firm++;
      return;
    }
    this.backdowns++;
    if (anyCommitted) this.backedDown = 1;
  }

  /**
   * The challenger attacks in month t: a direct war if the coalition drawn with actual resolve is not
   * empty (a test passed), else a limited war (a test failed). `firstOfSettlement`: the war counts as
   * the first after an accepted settlement if none came before.
   */
  warStarts(t: number, firstOfSettlement: boolean, someoneFights: boolean, anyCommitted: boolean): State {
    if (firstOfSettlement && this.firstWar < 0) this.firstWar = t;
    this.tested(someoneFights, anyCommitted);
    if (someoneFights) {
      this.directWar = 1;
      return State.DirectWar;
    }
    return State.LimitedWar;
  }

  /** A state is drawn into a limited war: the war becomes direct, and the challenger sees someone fight (a test passed). */
  drawnIn(): void {
    this.directWar = 1;
    this.firm++;
  }

  /** Record the finished trajectory, ending at alignment s, into `agg` (`values`: scratch; `fought`: 1 per state that fought). */
  record(agg: Aggregate, values: Float64Array, lossWeights: Float64Array, accepted: boolean, s: number, fought: Uint8Array): void {
    agg.recordTrajectory(values, lossWeights, accepted, this.warMonths, this.warMonthsBeforeNuclear, this.directWar, this.nuclear, s, this.crises, this.backedDown, this.firstWar, this.crisisWars, this.peaceMonths, fought);
  }
}
