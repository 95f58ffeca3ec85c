/**
 * Strategic layer, games: the numbers every mechanism game is built from, computed from one
 * option's features and one parameter draw θ with the closed forms of stage-game.ts (so a game
 * and the closed form read the same quantities), plus the few game-only assumptions.
 */
import { P } from "../../contract/parameters.js";
import { alignmentThreat, type OptionFeatures } from "../commitments.js";
import { challengerStakeLogMean, challengerSuccessVsProtege, guarantorResolve } from "../stage-game.js";

export interface ActorFactsForGames {
  challenger: { name: string; nuclear: boolean };
  protege: { name: string };
  guarantors: readonly { id: string; name: string; nuclear: boolean }[];
}

/** Everything a game needs about one option under one θ (no crisis history: q̂ = q(1 − d)). */
export interface StrategicInputs {
  option: string;
  /** player names as the scenario spells them (the guarantor's: the lead one, or "Guarantor") */
  names: { challenger: string; protege: string; guarantor: string };
  /** μ_V(s₀), σ_V: the challenger's stake V ~ LogNormal(μ_V, σ_V) at the initial alignment */
  stakeLogMean: number;
  stakeLogSd: number;
  piG: number;
  kG: number;
  piP: number;
  kP: number;
  /** π_P before the option takes effect (no arms, no force cap): the balance of power today */
  piPNow: number;
  /** the lead guarantor (largest q_j) or null when no guarantor is committed */
  lead: { id: string; name: string } | null;
  /** q of the lead guarantor, 0 without one */
  resolve: number;
  /** q̂ = q(1 − d) */
  perceivedResolve: number;
  /** μ_W, σ_W of the lead guarantor's stake W */
  guarantorStakeLogMean: number;
  guarantorStakeLogSd: number;
  /** k: the guarantor's cost of war with the challenger (× χ when the challenger is nuclear) */
  guarantorWarCost: number;
  /** a_form of the lead guarantor's promise (without troops) */
  audienceCost: number;
  /** a_F·troops/10,000 of the lead guarantor */
  tripwireCost: number;
  /** the lead guarantor's troops in the protégé */
  troops: number;
  /** the forces in place have a UN mandate (they add no targeting exposure) */
  unMandate: boolean;
  /** Δ_b: share of the alignment gap a back-down concedes */
  backdownShift: number;
  /** e: the risk that a pressed crisis slips into war */
  escalationRisk: number;
  /** chance that a spoiler incident becomes a crisis, c·(1 − r_M·[monitoring]) */
  incidentCrisisProbability: number;
}

/**
 * Game-only quantities not in θ (all assumption; docs/MODEL.md "The mechanisms as games" gives
 * the reasons). Stakes and costs are in the units of §1.
 */
export const GAME_ASSUMPTIONS = {
  /** bargaining: offers on a grid of 1/M of the stake, discount factor between the two periods */
  offerGrid: 20,
  bargainingDiscount: 0.9,
  /** bargaining: the protégé's cost of war as a share of the stake */
  protegeWarCost: 0.3,
  /** alliance: the protégé's gain from provoking, its loss in a war defended / alone, the stake rise provoking causes */
  provocationGain: 0.3,
  protegeLossDefended: 0.5,
  protegeLossAlone: 1.5,
  provocationStakeFactor: 1.5,
  /** tripwire: the challenger's cost of a strike, extra cost when the force has a UN mandate */
  strikeCost: 0.05,
  strikeCostUnMandate: 0.5,
  /** tripwire: extra cost to a guarantor of not answering a strike that killed its troops, × a_F·troops */
  strikeCasualtyFactor: 1,
  /** spoiler: gain from an incident, gain from a war the guarantor fights, loss from one it does not */
  spoilerIncidentGain: 1,
  spoilerWarGain: 2,
  spoilerWarLoss: 1,
  /** spoiler: its cost of provoking ~ U(0, κ̄) */
  spoilerCostMax: 4,
  /** spoiler: the challenger's cost of absorbing a crisis without retaliating */
  absorbCost: 0.3,
} as const;

export type GameAssumptions = { -readonly [K in keyof typeof GAME_ASSUMPTIONS]: number };

function audienceCostOfForm(level: number, theta: ArrayLike<number>, o: number): number {
  if (level === 1) return theta[o + P.audience_cost_communique];
  if (level === 2) return theta[o + P.audience_cost_executive];
  if (level === 3) return theta[o + P.audience_cost_treaty];
  return 0;
}

/** The inputs of the games for option `f` under θ = theta[o…], at alignment s₀ of θ. */
export function strategicInputs(f: OptionFeatures, theta: ArrayLike<number>, actors: ActorFactsForGames, o = 0): StrategicInputs {
  const t = (name: keyof typeof P) => theta[o + P[name]];
  const warCost = t("guarantor_war_cost") * (actors.challenger.nuclear ? t("nuclear_cost_multiplier") : 1);
  let lead = -1;
  let resolve = 0;
  actors.guarantors.forEach((_, j) => {
    if (!(f.formLevel[j] > 0 || f.troops[j] > 0)) return;
    const a = audienceCostOfForm(f.formLevel[j], theta, o) + t("tripwire_cost_per_10k_troops") * (f.troops[j] / 10_000);
    const q = guarantorResolve(t("guarantor_stake_log_mean"), t("guarantor_stake_log_sd"), warCost, a);
    if (lead < 0 || q > resolve) {
      lead = j;
      resolve = q;
    }
  });
  const troops = lead >= 0 ? f.troops[lead] : 0;
  return {
    option: f.id,
    names: { challenger: actors.challenger.name, protege: actors.protege.name, guarantor: lead >= 0 ? actors.guarantors[lead].name : "Guarantor" },
    stakeLogMean: challengerStakeLogMean(t("challenger_stake_log_mean"), t("stake_alignment_slope"), t("alignment_initial"), t("threat_stake_effect"), alignmentThreat(f, t("arms_supply_threat"), t("neutrality_threat_relief")), t("neutrality_stake_reduction"), f.neutral),
    stakeLogSd: t("challenger_stake_log_sd"),
    piG: t("challenger_success_vs_guarantors"),
    kG: t("challenger_cost_vs_guarantors"),
    piP: challengerSuccessVsProtege(t("challenger_success_vs_protege"), t("arms_denial_effect"), f.arms, t("force_cap_effect"), f.forceCap),
    kP: t("challenger_cost_vs_protege") * (1 + t("arms_cost_effect") * f.arms),
    piPNow: challengerSuccessVsProtege(t("challenger_success_vs_protege"), 0, 0, 0, false),
    lead: lead >= 0 ? { id: actors.guarantors[lead].id, name: actors.guarantors[lead].name } : null,
    resolve,
    perceivedResolve: resolve * (1 - t("resolve_discount")),
    guarantorStakeLogMean: t("guarantor_stake_log_mean"),
    guarantorStakeLogSd: t("guarantor_stake_log_sd"),
    guarantorWarCost: warCost,
    audienceCost: lead >= 0 ? audienceCostOfForm(f.formLevel[lead], theta, o) : 0,
    tripwireCost: t("tripwire_cost_per_10k_troops") * (troops / 10_000),
    troops,
    unMandate: troops > 0 && f.targetingExposure === 0,
    backdownShift: t("backdown_alignment_shift"),
    escalationRisk: t("crisis_escalation_probability"),
    incidentCrisisProbability: t("incident_crisis_probability") * (f.monitoring ? 1 - t("monitoring_crisis_reduction") : 1),
  };
}
