/**
 * Per-trajectory constants: one parameter draw θ combined with one option's features gives the
 * numbers the dynamics need every month (docs/MODEL.md §4–§7). Filled in place, no allocation.
 */
import { P } from "../contract/parameters.js";
import { alignmentThreat, type OptionFeatures } from "../models/commitments.js";
import { acceptanceProbability, backdownProbability, challengerSuccessVsProtege, crisisEscalationProbability, lognormalExceeds } from "../models/stage-game.js";
import { strategicInputs, type ActorFactsForGames } from "../models/games/inputs.js";
import { brinkmanshipParameters } from "../models/games/brinkmanship.js";
import { crisisLawGame } from "../models/mechanisms/registry.js";
import { CRISIS_PROTEGE_YIELDS, CRISIS_WAR } from "../models/crisis.js";

export interface ActorFacts {
  challengerNuclear: boolean;
  guarantorNuclear: boolean[];
  /** Σ spoilers' base incident rates per year */
  spoilerBaseRate: number;
  /** set when the scenario's strategic_layer is "games": the actors as the mechanism games name them */
  games?: ActorFactsForGames;
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
  /** a_j: cost of not honouring, per committed guarantor (0 for the others) */
  readonly audience: Float64Array;
  /** ln(k − a_j), or −∞ when a_j ≥ k (the guarantor always intervenes); set for committed guarantors only */
  readonly logThreshold: Float64Array;
  anyCommitted = false;
  nuclearPossible = false;
  spoilerCrisisRate = 0;
  targetingRate = 0;
  alignmentFloor = 0;
  /**
   * Games layer (docs/MODEL.md, "The mechanisms as games"): a crisis with a committed guarantor ends
   * as the brinkmanship game's equilibrium says, spoilers provoke by the spoiler game's factor, and
   * forces without a mandate are struck as the tripwire game says (targetingRate). NaN: closed forms.
   */
  crisisWar = NaN;
  crisisGuarantorYields = NaN;
  spoilerFactor = NaN;

  constructor(guarantorCount: number) {
    this.committed = new Uint8Array(guarantorCount);
    this.audience = new Float64Array(guarantorCount);
    this.logThreshold = new Float64Array(guarantorCount);
  }

  fill(f: OptionFeatures, theta: Float64Array, o: number, actors: ActorFacts): void {
    this.features = f;
    const threat = alignmentThreat(f, theta[o + P.arms_supply_threat], theta[o + P.neutrality_threat_relief]);
    this.acceptance = settlementAcceptance(f, theta, o);
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
      if (!committed) {
        this.audience[j] = 0;
        this.logThreshold[j] = NaN;
        continue;
      }
      const a = audienceCostOfForm(f.formLevel[j], theta, o) + theta[o + P.tripwire_cost_per_10k_troops] * (f.troops[j] / 10_000);
      this.audience[j] = a;
      this.logThreshold[j] = warCost > a ? Math.log(warCost - a) : -Infinity;
      this.anyCommitted = true;
      if (actors.guarantorNuclear[j]) this.nuclearPossible = true;
    }
    const incidentRate =
      actors.spoilerBaseRate *
      theta[o + P.spoiler_rate_scale] *
      (f.dmz ? 1 - theta[o + P.dmz_incident_reduction] : 1) *
      (f.peacekeeping ? 1 - theta[o + P.peacekeeping_incident_reduction] : 1);
    this.spoilerCrisisRate = incidentRate * theta[o + P.incident_crisis_probability] * (f.monitoring ? 1 - theta[o + P.monitoring_crisis_reduction] : 1);
    this.targetingRate = theta[o + P.targeting_rate_per_year] * f.targetingExposure;
    this.alignmentFloor = f.neutral ? theta[o + P.neutrality_alignment_floor] : 0;
    this.crisisWar = this.crisisGuarantorYields = this.spoilerFactor = NaN;
    if (actors.games && this.anyCommitted) this.fillFromGames(f, theta, o, actors.games);
  }

  /**
   * The leading guarantor, whose q_j = 1 − Φ((ln(k − a_j) − μ_W − shift_j)/σ_W) is the largest:
   * the committed j with the smallest ln(k − a_j) − shift_j (the first on ties), or −1 for none.
   * q is then one Φ, not one per guarantor (docs/MODEL.md §5).
   */
  leadingGuarantor(shift: Float64Array): number {
    let lead = -1;
    let best = Infinity;
    for (let j = 0; j < this.committed.length; j++) {
      if (!this.committed[j]) continue;
      const margin = this.logThreshold[j] - shift[j];
      if (margin < best || lead < 0) {
        best = margin;
        lead = j;
      }
    }
    return lead;
  }

  /** q_j = P(W_j + a_j > k) of committed guarantor j whose stake W_j has log-mean μ (docs/MODEL.md §5). */
  resolveOf(j: number, stakeLogMean: number, stakeLogSd: number): number {
    const lt = this.logThreshold[j];
    return lt === -Infinity ? 1 : lognormalExceeds(lt, stakeLogMean, stakeLogSd);
  }

  /** Spoiler provocation relative to no guarantee: the spoiler game's factor, or 1 + m·q (docs/MODEL.md §7). */
  spoilerMultiplier(moralHazard: number, resolve: number): number {
    return Number.isNaN(this.spoilerFactor) ? 1 + moralHazard * resolve : this.spoilerFactor;
  }

  /** P(war | crisis): the brinkmanship game's, or e + (1 − e)·P(attack | window) (docs/MODEL.md §7). */
  crisisWarProbability(inadvertent: number, attackPerWindow: number): number {
    return Number.isNaN(this.crisisWar) ? crisisEscalationProbability(inadvertent, attackPerWindow) : this.crisisWar;
  }

  /**
   * P(the protégé's side backs down | a crisis that stays short of war): the brinkmanship game's, or
   * the contest V/(V + S) with the challenger's median stake V = e^μ and the defending side's S
   * (`defenderStake`). A protégé alone has S = V(1 − π_P)/π_P, so it yields with probability π_P
   * (docs/MODEL.md §7).
   */
  protegeSideYields(stakeLogMean: number, defenderStake: number): number {
    if (!Number.isNaN(this.crisisWar)) return this.crisisWar < 1 ? this.crisisGuarantorYields / (1 - this.crisisWar) : 0;
    if (!this.anyCommitted) return this.piP;
    return backdownProbability(1, defenderStake * Math.exp(-stakeLogMean)); // V/(V + S) with V scaled to 1
  }

  /** S with guarantors: the leading guarantor's stake e^μ_lead plus its cost a of not honouring (docs/MODEL.md §7). */
  defenderStake(leadStakeLogMean: number, lead: number): number {
    return this.anyCommitted ? Math.exp(leadStakeLogMean) + this.audience[lead] : NaN;
  }

  /**
   * The strategic layer `games`: the crisis law read off the equilibrium of the registered
   * crisis-law game (once per trajectory and option). The spoiler and tripwire games are
   * explanatory only (docs/MODEL.md, "The mechanisms as games"): moral hazard and strikes on
   * forces keep their closed forms.
   */
  private fillFromGames(f: OptionFeatures, theta: Float64Array, o: number, actors: ActorFactsForGames): void {
    const inputs = strategicInputs(f, theta, actors, o);
    const law = crisisLawGame().crisisLaw(brinkmanshipParameters(inputs), inputs.names);
    this.crisisWar = law[CRISIS_WAR];
    this.crisisGuarantorYields = law[CRISIS_PROTEGE_YIELDS];
  }
}

/** P(the challenger accepts the settlement `f`) at parameters theta[o…] (docs/MODEL.md §7); OptionContext.acceptance. */
export function settlementAcceptance(f: OptionFeatures, theta: Float64Array, o: number): number {
  const threat = alignmentThreat(f, theta[o + P.arms_supply_threat], theta[o + P.neutrality_threat_relief]);
  return acceptanceProbability(theta[o + P.acceptance_base_logit], theta[o + P.acceptance_threat_weight], threat);
}

/** a for a promise of the given form level (0 none, 1 communiqué, 2 executive, 3 treaty) (docs/MODEL.md §5). */
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
