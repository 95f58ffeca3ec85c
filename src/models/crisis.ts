/**
 * Model v2: the one crisis law (docs/MODEL.md §7.5). A crisis is a window in which
 * the challenger may attack outright, press (run the risk e that the crisis slips into war in the
 * hope that the defending side yields), or back down. The closed form and the brinkmanship game of
 * the games layer both compute this function, so the strategic layer never changes results.
 */
import { lognormalExceeds } from "./stage-game.js";

/** Slots of the `out` array filled by `crisisOutcome` (probabilities that sum to 1). */
/** The numbers of the crisis law: the arguments of `crisisOutcome`, and the crisis game's parameters (models/games/brinkmanship.ts). */
export interface CrisisLawArguments {
  /** μ_V, σ_V of the challenger's stake */
  stakeLogMean: number;
  stakeLogSd: number;
  /** π̄' = π̄ + G_prev and k̄: the challenger's expected success and cost of war under its beliefs */
  expectedGain: number;
  expectedCost: number;
  /** e: the risk that a pressed crisis slips into war */
  escalationRisk: number;
  /** ĥ: the challenger's belief that the defending side holds; h: the actual probability */
  perceivedHold: number;
  actualHold: number;
  /** Δ_b: the concession (share of the stake, and of the alignment gap) when the protégé's side yields */
  concession: number;
}

export const CRISIS_WAR = 0;
export const CRISIS_PROTEGE_YIELDS = 1;
export const CRISIS_DEFENDER_HELD = 2;
export const CRISIS_NOT_PRESSED = 3;
/** P(the challenger attacks outright) and P(it presses or attacks), for diagnostics */
export const CRISIS_ATTACK = 4;
export const CRISIS_PRESS_OR_ATTACK = 5;
export const CRISIS_SLOTS = 6;

/**
 * V_c: the stake above which pressing beats backing down at once. Pressing risks war with
 * probability e (payoff π̄V − k̄) and otherwise wins the concession Δ_b·V when the defending side
 * yields, which the challenger expects with probability 1 − ĥ:
 *   e(π̄V − k̄) + (1 − e)(1 − ĥ)Δ_b·V > 0  ⇔  V > V_c = e·k̄ / (e·π̄ + (1 − e)(1 − ĥ)Δ_b).
 * 0 when e = 0 and a concession is possible (pressing is free); +∞ when pressing can gain nothing.
 */
export function pressCutPoint(escalationRisk: number, expectedGain: number, expectedCost: number, perceivedHold: number, concession: number): number {
  const numerator = escalationRisk * expectedCost;
  const denominator = escalationRisk * expectedGain + (1 - escalationRisk) * (1 - perceivedHold) * concession;
  if (denominator <= 0) return Infinity;
  return numerator / denominator;
}

/**
 * The crisis law (docs/MODEL.md §7.5): with V ~ LogNormal(μ_V, σ_V), attack cut point V* = k̄/π̄ and
 * press cut point V_c ≤ V*,
 *   A = P(V > V*)                     attack outright (deliberate war)
 *   P_c = max(A, P(V > V_c))          press or attack
 *   P(war)            = A + (P_c − A)·e
 *   P(protégé yields) = (P_c − A)(1 − e)(1 − h)
 *   P(defender held)  = (P_c − A)(1 − e)·h        (the challenger pressed and backed down: a test)
 *   P(not pressed)    = 1 − P_c                   (the challenger backed down at once: no test)
 * π̄, k̄ are the challenger's expected success and cost of war under its beliefs (intervention.ts),
 * ĥ its belief that the defending side holds, h the actual probability. With P_c = 1 (the
 * challenger always presses) P(war) = e + (1 − e)A, the law of model v1. Writes into `out`.
 */
export function crisisOutcome(
  out: Float64Array,
  stakeLogMean: number,
  stakeLogSd: number,
  expectedGain: number,
  expectedCost: number,
  escalationRisk: number,
  perceivedHold: number,
  actualHold: number,
  concession: number,
): void {
  const attack = exceeds(expectedGain > 0 ? expectedCost / expectedGain : Infinity, stakeLogMean, stakeLogSd);
  crisisOutcomeGivenAttack(out, attack, stakeLogMean, stakeLogSd, expectedGain, expectedCost, escalationRisk, perceivedHold, actualHold, concession);
}

/**
 * crisisOutcome when A = P(V > V*) with V* = k̄/π̄ is known already: the simulators have just
 * computed it as P(attack | window) at the same stake and beliefs (the same number, not recomputed).
 */
export function crisisOutcomeGivenAttack(
  out: Float64Array,
  attack: number,
  stakeLogMean: number,
  stakeLogSd: number,
  expectedGain: number,
  expectedCost: number,
  escalationRisk: number,
  perceivedHold: number,
  actualHold: number,
  concession: number,
): void {
  const press = Math.max(attack, exceeds(pressCutPoint(escalationRisk, expectedGain, expectedCost, perceivedHold, concession), stakeLogMean, stakeLogSd));
  const pressed = press - attack;
  out[CRISIS_WAR] = attack + pressed * escalationRisk;
  out[CRISIS_PROTEGE_YIELDS] = pressed * (1 - escalationRisk) * (1 - actualHold);
  out[CRISIS_DEFENDER_HELD] = pressed * (1 - escalationRisk) * actualHold;
  out[CRISIS_NOT_PRESSED] = 1 - press;
  out[CRISIS_ATTACK] = attack;
  out[CRISIS_PRESS_OR_ATTACK] = press;
}

/** P(V > x) for V ~ LogNormal(μ, σ), x ∈ [0, ∞]. */
function exceeds(x: number, logMean: number, logSd: number): number {
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return lognormalExceeds(Math.log(x), logMean, logSd);
}
