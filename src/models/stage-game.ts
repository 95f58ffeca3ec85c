/**
 * Strategic layer, part 2: the closed forms of the stage game (docs/MODEL.md §4–§7). Pure functions
 * of parameters and state; the simulator calls them every month, the tests check them against
 * brute-force Monte Carlo of the same game, and the game engine checks them as equilibria.
 */
import { normalCdf } from "../math/distributions.js";
import { P } from "../contract/parameters.js";
import { alignmentThreat, audienceCostOfForm, neutralityBinding, type OptionFeatures } from "./commitments.js";
import { effectiveNeutrality, selfBindingCost } from "./neutrality.js";
import { interventionProbability, mixedCoalitionProbability, mixedExpectedCost, mixedExpectedSuccess, nuclearCostFactors, stayingOutCost } from "./intervention.js";
import { fillPerceivedMemberResolve, holdProbability, posteriorCoalitionResolve } from "./beliefs.js";
import type { CrisisLawArguments } from "./crisis.js";

/** P(X > e^ℓ) for X ~ LogNormal(μ, σ): 1 − Φ((ℓ − μ)/σ), with ℓ = ±∞ allowed. */
export function lognormalExceeds(logThreshold: number, logMean: number, logSd: number): number {
  return 1 - normalCdf((logThreshold - logMean) / logSd);
}

/** q_j = P(W + a > k) with W ~ LogNormal(μ_W, σ_W) (docs/MODEL.md §5). */
export function guarantorResolve(stakeLogMean: number, stakeLogSd: number, warCost: number, audienceCost: number): number {
  const threshold = warCost - audienceCost;
  if (threshold <= 0) return 1;
  return lognormalExceeds(Math.log(threshold), stakeLogMean, stakeLogSd);
}

/**
 * q̂: the challenger's belief about the guarantors' resolve. A Beta prior of strength n₀ with
 * mean q(1−d), updated by Bayes' rule on crises where the guarantors stood firm or backed down
 * (docs/MODEL.md §5). With n₀ = ∞ (updating switched off) q̂ = q(1−d).
 */
export function perceivedResolve(resolve: number, discount: number, priorStrength: number, firm: number, backdowns: number): number {
  const priorMean = resolve * (1 - discount);
  if (!Number.isFinite(priorStrength)) return priorMean;
  return (priorStrength * priorMean + firm) / (priorStrength + firm + backdowns);
}

/** V*: the stake above which attacking pays, V(q̂π_G + (1−q̂)π_P) > q̂k_G + (1−q̂)k_P (docs/MODEL.md §4). */
export function attackCutPoint(perceived: number, piG: number, kG: number, piP: number, kP: number): number {
  const expectedCost = perceived * kG + (1 - perceived) * kP;
  const expectedGain = perceived * piG + (1 - perceived) * piP;
  if (expectedGain <= 0) return Infinity;
  return expectedCost / expectedGain;
}

/** P(attack | window) = 1 − Φ((ln V* − μ_V)/σ_V) for V ~ LogNormal(μ_V, σ_V) (docs/MODEL.md §4). */
export function attackProbabilityPerWindow(cutPoint: number, stakeLogMean: number, stakeLogSd: number): number {
  if (cutPoint <= 0) return 1;
  if (!Number.isFinite(cutPoint)) return 0;
  return lognormalExceeds(Math.log(cutPoint), stakeLogMean, stakeLogSd);
}

/** ln V*, the form of the cut point the simulators keep: −∞ when attacking always pays, +∞ when never. */
export function logCutPoint(cutPoint: number): number {
  return cutPoint > 0 ? Math.log(cutPoint) : -Infinity;
}

/** Monthly probability of at least one event of a Poisson process of `ratePerYear` × `share`. */
export function monthlyProbability(ratePerYear: number, share = 1): number {
  return 1 - Math.exp((-ratePerYear * share) / 12);
}

/** μ_V(s) = μ_V0 + β_s(1 − s) + γ_T·max(T, 0) − ν·[neutral] (docs/MODEL.md §15). */
export function challengerStakeLogMean(base: number, slope: number, alignment: number, threatEffect: number, threat: number, neutralityReduction: number, neutral: boolean): number {
  return base + slope * (1 - alignment) + threatEffect * Math.max(threat, 0) - (neutral ? neutralityReduction : 0);
}

/** π_P = min(0.999, π_P0(1 − δ_A·arms)(1 + δ_cap·[force cap])) (docs/MODEL.md §4.1). */
export function challengerSuccessVsProtege(base: number, armsDenial: number, arms: number, capEffect: number, forceCap: boolean): number {
  return Math.min(0.999, base * (1 - armsDenial * arms) * (1 + (forceCap ? capEffect : 0)));
}

/** P(accept) = logistic(α_A − γ_A·T) (docs/MODEL.md §7). */
export function acceptanceProbability(baseLogit: number, threatWeight: number, threat: number): number {
  const z = baseLogit - threatWeight * threat;
  if (z === Infinity) return 1;
  return 1 / (1 + Math.exp(-z));
}

/**
 * One month of alignment drift (docs/MODEL.md §6): s moves toward the leverage L at rate κ and toward 0
 * under integration I at rate ρ; neutrality keeps s ≥ s_N.
 */
export function driftAlignment(s: number, leverage: number, driftRate: number, integrationPull: number, integration: number, floor: number): number {
  const next = s + (driftRate / 12) * (leverage - s) - ((integrationPull * integration) / 12) * s;
  return Math.min(1, Math.max(floor, next));
}

/**
 * A crisis escalates to war inadvertently with probability e (the risk neither side controls:
 * Schelling's threat that leaves something to chance), or deliberately when attacking pays, as in
 * any window (docs/MODEL.md §4, §7.5): e + (1 − e)·P(attack | window).
 */
export function crisisEscalationProbability(inadvertent: number, attackPerWindow: number): number {
  return inadvertent + (1 - inadvertent) * attackPerWindow;
}

/** In a crisis that does not escalate, the share of cases where the protégé's side backs down: V/(V + S). */
export function backdownProbability(challengerStake: number, defenderStake: number): number {
  return challengerStake / (challengerStake + defenderStake);
}

/**
 * Alignment when a war ends (docs/MODEL.md §7): s moves a share Δ_w of the way to 1 if the challenger
 * prevails, else a share Δ_w toward 0; neutrality keeps it at or above its floor.
 */
export function alignmentAfterWar(s: number, challengerPrevails: boolean, shift: number, floor: number): number {
  return Math.max(challengerPrevails ? s + shift * (1 - s) : s - shift * s, floor);
}

/** The facts about the states that could fight that the closed forms read (docs/MODEL.md §5). */
export interface StateFacts {
  challengerNuclear: boolean;
  protegeNuclear?: boolean;
  /** per state: w_j (stake relative to the reference state) and m_j (share of the reference coalition) */
  stakeWeight: Float64Array;
  militaryWeight: Float64Array;
  /** per state: nuclear-armed (its fighting multiplies the challenger's cost by 1 + κ_N, docs/MODEL.md §5); none when absent */
  guarantorNuclear?: readonly boolean[];
}

/** Everything the crisis law (models/crisis.ts `crisisOutcome`) reads, at one state of the world. */
export interface CrisisLawInputs extends CrisisLawArguments {
  /** Q and Q̂, π_P, and each state's q_j */
  resolve: number;
  perceived: number;
  piP: number;
  q: Float64Array;
}

/**
 * The crisis law's inputs for option `f` at parameters theta[o…], at alignment s (default: its
 * initial value), before any election or test (docs/MODEL.md §5, §6). The games layer's crisis
 * game and the simulator use the same numbers: the simulator computes them incrementally
 * (src/sim/context.ts, src/sim/chain/coalition.ts) and a test checks that the two agree.
 */
export function crisisLawInputs(f: OptionFeatures, theta: Float64Array, o: number, facts: StateFacts, alignment = theta[o + P.alignment_initial]): CrisisLawInputs {
  const n = facts.stakeWeight.length;
  const consent = theta[o + P.consent_guarantee_binding];
  const binding = neutralityBinding(f, consent);
  const threat = alignmentThreat(f, theta[o + P.arms_supply_threat], theta[o + P.neutrality_threat_relief], consent);
  const nEff = f.neutral ? effectiveNeutrality(f.neutrality, f.guaranteeForm, binding) : 0;
  const piP = challengerSuccessVsProtege(theta[o + P.challenger_success_vs_protege], theta[o + P.arms_denial_effect], f.arms, theta[o + P.force_cap_effect] * f.capBite, f.capBite > 0);
  const chi = theta[o + P.nuclear_cost_multiplier];
  const kSelf = selfBindingCost(theta[o + P.challenger_self_binding_cost], f.challengerGuaranteeForm);
  const kP = theta[o + P.challenger_cost_vs_protege] * (1 + theta[o + P.arms_cost_effect] * f.arms) * (facts.protegeNuclear ? chi : 1) + kSelf;
  const piG = theta[o + P.challenger_success_vs_guarantors];
  const kG = theta[o + P.challenger_cost_vs_guarantors] + kSelf;
  const warCost = theta[o + P.guarantor_war_cost] * (facts.challengerNuclear ? chi : 1);
  const q = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const guarantee = f.neutralityGuarantor[j] ? binding * audienceCostOfForm(f.guaranteeForm, theta, o) : 0;
    const c = stayingOutCost(Math.max(audienceCostOfForm(f.formLevel[j], theta, o), guarantee), theta[o + P.tripwire_cost_per_10k_troops], f.troops[j], theta[o + P.supply_staying_out_cost], f.supply[j]);
    q[j] = interventionProbability(facts.stakeWeight[j], theta[o + P.guarantor_stake_log_mean], theta[o + P.guarantor_stake_log_sd], warCost, c);
  }
  const rho = theta[o + P.coalition_correlation];
  const resolve = mixedCoalitionProbability(q, n, rho);
  const perceived = posteriorCoalitionResolve(resolve, theta[o + P.resolve_discount], theta[o + P.belief_prior_strength], 0, 0);
  const qHat = new Float64Array(n);
  fillPerceivedMemberResolve(qHat, q, n, resolve, perceived);
  const order = new Int32Array(n);
  const stakeBase = theta[o + P.challenger_stake_log_mean] + theta[o + P.threat_stake_effect] * Math.max(threat, 0) - theta[o + P.neutrality_stake_reduction] * nEff * f.content;
  return {
    stakeLogMean: stakeBase + theta[o + P.stake_alignment_slope] * (1 - alignment),
    stakeLogSd: theta[o + P.challenger_stake_log_sd],
    expectedGain: mixedExpectedSuccess(qHat, facts.militaryWeight, n, order, rho, piP, piG),
    expectedCost: mixedExpectedCost(qHat, facts.militaryWeight, n, order, rho, kP, kG, facts.guarantorNuclear && nuclearCostFactors(facts.guarantorNuclear, theta[o + P.nuclear_patron_cost_effect])),
    escalationRisk: theta[o + P.crisis_escalation_probability],
    perceivedHold: holdProbability(perceived, piP),
    actualHold: holdProbability(resolve, piP),
    concession: theta[o + P.backdown_alignment_shift],
    resolve,
    perceived,
    piP,
    q,
  };
}
