/**
 * What a trajectory counts as it goes (docs/MODEL.md §5, §7, §8), and the pure transition rules
 * that change the counts: how a crisis ends, how a war starts, who backs down. Both steppers call
 * these, so each rule is written once; the steppers decide only when, from their own draws.
 */
import type { Aggregate } from "../aggregate.js";
import { State } from "./states.js";

export class TrajectoryTally {
  /** crises and wars in which committed guarantors stood firm, and in which they backed down (beliefs, §5) */
  firm = 0;
  backdowns = 0;
  /** 1 once a committed guarantor has backed down */
  backedDown = 0;
  crises = 0;
  /** 1 once a guarantor has fought the challenger directly, 1 once nuclear weapons were used */
  directWar = 0;
  nuclear = 0;
  warMonths = 0;
  /** month of the first war after an accepted settlement, −1: none */
  firstWar = -1;

  start(): void {
    this.firm = this.backdowns = this.backedDown = this.crises = this.directWar = this.nuclear = this.warMonths = 0;
    this.firstWar = -1;
  }

  /** Committed guarantors (if any) back down: the challenger learns they may not fight. */
  guarantorsBackDown(anyCommitted: boolean): void {
    if (anyCommitted) {
      this.backdowns++;
      this.backedDown = 1;
    }
  }

  /** A crisis ended without war: the side with less at stake yielded (§7, brinkmanship). */
  crisisEnds(protegeSideYields: boolean, anyCommitted: boolean): void {
    if (protegeSideYields) this.guarantorsBackDown(anyCommitted);
    else if (anyCommitted) this.firm++;
  }

  /**
   * The challenger attacks in month t: direct war if the guarantors intervene (they do with their
   * actual resolve q, §4), else limited war and they have backed down. `firstOfSettlement`: the
   * war counts as the first after an accepted settlement if none came before.
   */
  warStarts(t: number, firstOfSettlement: boolean, guarantorsIntervene: boolean, anyCommitted: boolean): State {
    if (firstOfSettlement && this.firstWar < 0) this.firstWar = t;
    if (guarantorsIntervene) {
      this.directWar = 1;
      this.firm++;
      return State.DirectWar;
    }
    this.guarantorsBackDown(anyCommitted);
    return State.LimitedWar;
  }

  /** Record the finished trajectory, ending at alignment s, into `agg` (`values`: scratch). */
  record(agg: Aggregate, values: Float64Array, lossWeights: Float64Array, accepted: boolean, s: number): void {
    agg.recordTrajectory(values, lossWeights, accepted, this.warMonths, this.directWar, this.nuclear, s, this.crises, this.backedDown, this.firstWar);
  }
}
