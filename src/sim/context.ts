/**
 * Per-trajectory constants: one parameter draw θ combined with one option's features gives the
 * numbers the dynamics need every month (DESIGN 5.1–5.4). Filled in place, no allocation.
 */
import { P } from "../models/parameters.js";
import { alignmentThreat, type OptionFeatures } from "../models/commitments.js";
import { acceptanceProbability, challengerSuccessVsProtege } from "../models/stage-game.js";

export interface ActorFacts {
  challengerNuclear: boolean;
  guarantorNuclear: boolean[];
  /** Σ spoilers' base incident rates per year */
  spoilerBaseRate: number;
}

export class OptionContext {
  features!: OptionFeatures;
  acceptance = 0;
  piP = 0;
  kP = 0;
  piG = 0;
  kG = 0;
  /** μ_V without the alignment term: μ_V0 + γ_T·max(T,0) − ν·[neutral] */
  stakeBase = 0;
  /** guarantors with any promise or troops */
  readonly committed: Uint8Array;
  /** a_j: cost of not honouring, per guarantor */
  readonly audience: Float64Array;
  /** ln(k − a_j), or −∞ when a_j ≥ k (the guarantor always intervenes) */
  readonly logThreshold: Float64Array;
  anyCommitted = false;
  nuclearPossible = false;
  spoilerCrisisRate = 0;
  targetingRate = 0;
  alignmentFloor = 0;

  constructor(guarantorCount: number) {
    this.committed = new Uint8Array(guarantorCount);
    this.audience = new Float64Array(guarantorCount);
    this.logThreshold = new Float64Array(guarantorCount);
  }

  fill(f: OptionFeatures, theta: Float64Array, o: number, actors: ActorFacts): void {
    this.features = f;
    const threat = alignmentThreat(f, theta[o + P.arms_supply_threat], theta[o + P.neutrality_threat_relief]);
    this.acceptance = acceptanceProbability(theta[o + P.acceptance_base_logit], theta[o + P.acceptance_threat_weight], threat);
    this.piP = challengerSuccessVsProtege(theta[o + P.challenger_success_vs_protege], theta[o + P.arms_denial_effect], f.arms, theta[o + P.force_cap_effect], f.forceCap);
    this.kP = theta[o + P.challenger_cost_vs_protege] * (1 + theta[o + P.arms_cost_effect] * f.arms);
    this.piG = theta[o + P.challenger_success_vs_guarantors];
    this.kG = theta[o + P.challenger_cost_vs_guarantors];
    this.stakeBase =
      theta[o + P.challenger_stake_log_mean] + theta[o + P.threat_stake_effect] * Math.max(threat, 0) - (f.neutral ? theta[o + P.neutrality_stake_reduction] : 0);
    const warCost = theta[o + P.guarantor_war_cost] * (actors.challengerNuclear ? theta[o + P.nuclear_cost_multiplier] : 1);
    this.anyCommitted = false;
    this.nuclearPossible = actors.challengerNuclear;
    for (let j = 0; j < this.committed.length; j++) {
      const committed = f.formLevel[j] > 0 || f.troops[j] > 0;
      this.committed[j] = committed ? 1 : 0;
      const a = audienceCostOfForm(f.formLevel[j], theta, o) + theta[o + P.tripwire_cost_per_10k_troops] * (f.troops[j] / 10_000);
      this.audience[j] = a;
      this.logThreshold[j] = warCost > a ? Math.log(warCost - a) : -Infinity;
      if (committed) {
        this.anyCommitted = true;
        if (actors.guarantorNuclear[j]) this.nuclearPossible = true;
      }
    }
    const incidentRate =
      actors.spoilerBaseRate *
      theta[o + P.spoiler_rate_scale] *
      (f.dmz ? 1 - theta[o + P.dmz_incident_reduction] : 1) *
      (f.peacekeeping ? 1 - theta[o + P.peacekeeping_incident_reduction] : 1);
    this.spoilerCrisisRate = incidentRate * theta[o + P.incident_crisis_probability] * (f.monitoring ? 1 - theta[o + P.monitoring_crisis_reduction] : 1);
    this.targetingRate = theta[o + P.targeting_rate_per_year] * f.targetingExposure;
    this.alignmentFloor = f.neutral ? theta[o + P.neutrality_alignment_floor] : 0;
  }
}

/** a for a promise of the given form level (0 none, 1 communiqué, 2 executive, 3 treaty) (DESIGN 5.2). */
function audienceCostOfForm(level: number, theta: Float64Array, o: number): number {
  switch (level) {
    case 1:
      return theta[o + P.audience_cost_communique];
    case 2:
      return theta[o + P.audience_cost_executive];
    case 3:
      return theta[o + P.audience_cost_treaty];
    default:
      return 0;
  }
}
