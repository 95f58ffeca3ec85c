/**
 * Per-trajectory constants: one parameter draw θ combined with one option's features gives the
 * numbers the dynamics need (docs/MODEL.md §4–§7). Filled in place, no allocation. Every state that
 * could fight gets its threshold of intervention here, promise or not (docs/MODEL.md §5); the
 * trajectory's coalition state (src/sim/chain/coalition.ts) turns thresholds into resolve.
 */
import { P } from "../contract/parameters.js";
import { alignmentThreat, audienceCostOfForm, integrationOf, neutralityBinding, type OptionFeatures } from "../models/commitments.js";
import type { StateFacts } from "../models/stage-game.js";

export { audienceCostOfForm };
import { acceptanceProbability, challengerSuccessVsProtege } from "../models/stage-game.js";
import { coalitionSuccessRatio } from "../models/intervention.js";
import { effectiveNeutrality, preventiveGain, selfBindingCost } from "../models/neutrality.js";

export interface ActorFacts extends StateFacts {
  guarantorNuclear: boolean[];
  /** Σ spoilers' base incident rates per year */
  spoilerBaseRate: number;
}

/** Actor facts of a scenario's actors (defaults of docs/MODEL.md §5: w = 1; m = 1/#NATO for NATO states, else 0). */
export function actorFacts(actors: {
  challenger: { nuclear: boolean };
  protege: { nuclear: boolean };
  guarantors: readonly { nuclear: boolean; nato: boolean; stake_weight?: number; military_weight?: number }[];
  spoilers: readonly { base_rate_per_year: number }[];
}): ActorFacts {
  const nato = actors.guarantors.filter((g) => g.nato).length;
  return {
    challengerNuclear: actors.challenger.nuclear,
    protegeNuclear: actors.protege.nuclear,
    guarantorNuclear: actors.guarantors.map((g) => g.nuclear),
    stakeWeight: Float64Array.from(actors.guarantors, (g) => g.stake_weight ?? 1),
    militaryWeight: Float64Array.from(actors.guarantors, (g) => g.military_weight ?? (g.nato && nato > 0 ? 1 / nato : 0)),
    spoilerBaseRate: actors.spoilers.reduce((a, s) => a + s.base_rate_per_year, 0),
  };
}

export class OptionContext {
  features!: OptionFeatures;
  acceptance = 0;
  piP = 0;
  kP = 0;
  piG = 0;
  kG = 0;
  /** μ_V without the alignment term: μ_V0 + γ_T·max(T,0) − ν·n_eff·ℓ */
  stakeBase = 0;
  /** I: Western integration, including what a neutrality's guarantee brings */
  integration = 0;
  /** states with any promise or troops (a failed test with one of them counts as a guarantor backing down) */
  readonly committed: Uint8Array;
  anyCommitted = false;
  /** ln((k − c_j)/w_j): state j fights iff ln W_j exceeds it; −∞ when c_j ≥ k (always), +∞ when w_j = 0 < k − c_j (never) */
  readonly logThreshold: Float64Array;
  /** states whose resolve an election can move (some stake or cost of staying out): the election calendar's states */
  readonly relevant: Uint8Array;
  /** ε_j = [committed] + ξ·supply_j: exposure to being drawn into a limited war */
  readonly exposure: Float64Array;
  /** ϱ^{m_j} and (k_G/k_P)^{m_j}·(1 + κ_N)^{[j nuclear]}: factors of π(C) and k(C) per member (docs/MODEL.md §5) */
  readonly piFactor: Float64Array;
  readonly kFactor: Float64Array;
  readonly nuclear: Uint8Array;
  readonly militaryWeight: Float64Array;
  /** scratch: a_form by form level */
  private readonly formCost = new Float64Array(4);
  /** ϱ^{m_j} and (k_G/k_P)^{m_j} of the last few ratios: the options of one θ share a few arms levels */
  private readonly piPowers: MemberPowers;
  private readonly kPowers: MemberPowers;
  challengerNuclear = false;
  spoilerCrisisRate = 0;
  targetingRate = 0;
  alignmentFloor = 0;
  /** G_prev(0) = δ_P·π_P0·δ_A·a: the preventive motive at the settlement, before any arms are in effect (docs/MODEL.md §4.2) */
  preventiveGain = 0;

  constructor(guarantorCount: number) {
    this.committed = new Uint8Array(guarantorCount);
    this.logThreshold = new Float64Array(guarantorCount);
    this.relevant = new Uint8Array(guarantorCount);
    this.exposure = new Float64Array(guarantorCount);
    this.piFactor = new Float64Array(guarantorCount);
    this.kFactor = new Float64Array(guarantorCount);
    this.nuclear = new Uint8Array(guarantorCount);
    this.militaryWeight = new Float64Array(guarantorCount);
    this.piPowers = new MemberPowers(guarantorCount);
    this.kPowers = new MemberPowers(guarantorCount);
  }

  fill(f: OptionFeatures, theta: Float64Array, o: number, actors: ActorFacts): void {
    this.features = f;
    const consent = theta[o + P.consent_guarantee_binding];
    const binding = neutralityBinding(f, consent);
    const threat = alignmentThreat(f, theta[o + P.arms_supply_threat], theta[o + P.neutrality_threat_relief], consent);
    this.acceptance = acceptanceProbability(theta[o + P.acceptance_base_logit], theta[o + P.acceptance_threat_weight], threat);
    const nEff = f.neutral ? effectiveNeutrality(f.neutrality, f.guaranteeForm, binding) : 0;
    this.integration = integrationOf(f, consent, theta[o + P.pledge_integration_factor]);
    // π_P with the force cap's effect scaled by its bite b (docs/MODEL.md §3.3)
    this.piP = challengerSuccessVsProtege(theta[o + P.challenger_success_vs_protege], theta[o + P.arms_denial_effect], f.arms, theta[o + P.force_cap_effect] * f.capBite, f.capBite > 0);
    const chi = theta[o + P.nuclear_cost_multiplier];
    const kSelf = selfBindingCost(theta[o + P.challenger_self_binding_cost], f.challengerGuaranteeForm);
    this.kP = theta[o + P.challenger_cost_vs_protege] * (1 + theta[o + P.arms_cost_effect] * f.arms) * (actors.protegeNuclear ? chi : 1) + kSelf;
    this.piG = theta[o + P.challenger_success_vs_guarantors];
    this.kG = theta[o + P.challenger_cost_vs_guarantors] + kSelf;
    this.stakeBase = theta[o + P.challenger_stake_log_mean] + theta[o + P.threat_stake_effect] * Math.max(threat, 0) - theta[o + P.neutrality_stake_reduction] * nEff * f.content;
    const warCost = theta[o + P.guarantor_war_cost] * (actors.challengerNuclear ? chi : 1);
    const ratio = coalitionSuccessRatio(this.piP, this.piG);
    const costRatio = this.kG / this.kP;
    const supplyCost = theta[o + P.supply_staying_out_cost];
    const supplyExposure = theta[o + P.supply_entanglement_exposure];
    const tripwire = theta[o + P.tripwire_cost_per_10k_troops] / 10_000;
    // a_form by form level (none, communiqué, executive, treaty): read once, not per state
    const form = this.formCost;
    form[1] = theta[o + P.audience_cost_communique];
    form[2] = theta[o + P.audience_cost_executive];
    form[3] = theta[o + P.audience_cost_treaty];
    const guarantee = binding * form[f.guaranteeForm];
    this.anyCommitted = false;
    this.challengerNuclear = actors.challengerNuclear;
    for (let j = 0; j < this.committed.length; j++) {
      const guarantor = f.neutralityGuarantor[j] === 1;
      const committed = f.formLevel[j] > 0 || f.troops[j] > 0 || guarantor;
      this.committed[j] = committed ? 1 : 0;
      if (committed) this.anyCommitted = true;
      // c_j = a_form + a_F·troops/10⁴ + a_S·supply_j (intervention.ts stayingOutCost, written out)
      const promise = form[f.formLevel[j]];
      const supply = f.supply[j];
      const c = (guarantor && guarantee > promise ? guarantee : promise) + tripwire * f.troops[j] + supplyCost * supply;
      const w = actors.stakeWeight[j];
      const gap = warCost - c;
      this.logThreshold[j] = gap <= 0 ? -Infinity : w <= 0 ? Infinity : Math.log(gap / w);
      this.relevant[j] = w > 0 || committed || supply > 0 ? 1 : 0;
      // ε_j = [committed] + ξ·supply_j (intervention.ts entanglementExposure)
      this.exposure[j] = (committed ? 1 : 0) + supplyExposure * supply;
      this.militaryWeight[j] = actors.militaryWeight[j];
      this.nuclear[j] = actors.guarantorNuclear[j] ? 1 : 0;
    }
    this.piPowers.powers(ratio, actors.militaryWeight, this.piFactor);
    this.kPowers.powers(costRatio, actors.militaryWeight, this.kFactor);
    // a nuclear-armed member multiplies the challenger's cost by (1 + κ_N) (docs/MODEL.md §5); after the cache, which holds the powers alone
    const nuclearFactor = 1 + theta[o + P.nuclear_patron_cost_effect];
    if (nuclearFactor !== 1) for (let j = 0; j < this.kFactor.length; j++) if (this.nuclear[j] === 1) this.kFactor[j] *= nuclearFactor;
    // sizes scale the reductions: full effect from a 20 km zone, 10,000 UN troops, 1,000 monitors (assumption, docs/MODEL.md §3)
    const incidentRate =
      actors.spoilerBaseRate *
      theta[o + P.spoiler_rate_scale] *
      (1 - theta[o + P.dmz_incident_reduction] * Math.min(1, f.dmzWidthKm / 20)) *
      (1 - theta[o + P.peacekeeping_incident_reduction] * Math.min(1, f.peacekeepingTroops / 10_000));
    this.spoilerCrisisRate = incidentRate * theta[o + P.incident_crisis_probability] * (1 - theta[o + P.monitoring_crisis_reduction] * Math.min(1, f.monitors / 1_000));
    this.targetingRate = theta[o + P.targeting_rate_per_year] * f.targetingExposure;
    this.alignmentFloor = theta[o + P.neutrality_alignment_floor] * nEff;
    this.preventiveGain = preventiveGain(theta[o + P.preventive_weight], theta[o + P.challenger_success_vs_protege], theta[o + P.arms_denial_effect], f.arms, 0);
  }
}

/** Slots of a MemberPowers cache: more than the arms levels a scenario's options usually have. */
const POWER_SLOTS = 4;

/**
 * x^{m_j} for every state j, remembered for the last POWER_SLOTS bases x: the same base gives the
 * same powers, so a hit copies them instead of calling Math.pow (a hot spot of fill).
 */
class MemberPowers {
  private readonly bases = new Float64Array(POWER_SLOTS).fill(NaN);
  private readonly values: Float64Array;
  private next = 0;
  /** the weights the remembered powers are of */
  private weights: Float64Array | null = null;

  constructor(private readonly n: number) {
    this.values = new Float64Array(POWER_SLOTS * n);
  }

  /** out[j] = base^{m_j} (1 where m_j = 0). */
  powers(base: number, weights: Float64Array, out: Float64Array): void {
    const n = this.n;
    const values = this.values;
    if (weights !== this.weights) {
      this.bases.fill(NaN);
      this.weights = weights;
    }
    for (let slot = 0; slot < POWER_SLOTS; slot++) {
      if (this.bases[slot] !== base) continue;
      for (let j = 0; j < n; j++) out[j] = values[slot * n + j];
      return;
    }
    const slot = this.next;
    this.next = (slot + 1) % POWER_SLOTS;
    this.bases[slot] = base;
    for (let j = 0; j < n; j++) {
      const m = weights[j];
      out[j] = values[slot * n + j] = m === 0 ? 1 : Math.pow(base, m);
    }
  }
}

/** P(the challenger accepts the settlement `f`) at parameters theta[o…] (docs/MODEL.md §7); OptionContext.acceptance. */
export function settlementAcceptance(f: OptionFeatures, theta: Float64Array, o: number): number {
  const threat = alignmentThreat(f, theta[o + P.arms_supply_threat], theta[o + P.neutrality_threat_relief], theta[o + P.consent_guarantee_binding]);
  return acceptanceProbability(theta[o + P.acceptance_base_logit], theta[o + P.acceptance_threat_weight], threat);
}
