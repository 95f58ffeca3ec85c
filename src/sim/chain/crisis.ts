/**
 * How a crisis ends (docs/MODEL.md §7.5), the rule both steppers share: the crisis law
 * (models/crisis.ts) gives the probabilities at the trajectory's state; one uniform picks war, a
 * crisis the challenger does not press, or a pressed crisis that stays short of war, which tests
 * the defending side (two more uniforms: did the coalition hold; failing it, did the protégé).
 */
import { CRISIS_NOT_PRESSED, CRISIS_WAR, crisisOutcome, crisisOutcomeGivenAttack } from "../../models/crisis.js";
import type { OptionContext } from "../context.js";
import type { Coalition } from "./coalition.js";

export const enum CrisisEnd {
  War = 0,
  NotPressed = 1,
  Pressed = 2,
}

/**
 * The crisis law's probabilities at log-stake mean μ_V into `out` (CRISIS_SLOTS long); `preventive`:
 * G_prev(t), added to the challenger's expected success π̄ (docs/MODEL.md §4.2). `attack`: P(V > k̄/π̄)
 * at this stake and this π̄ if the stepper has just computed it (as P(attack | window)), else NaN.
 */
export function crisisLaw(out: Float64Array, c: OptionContext, coalition: Coalition, stakeLogMean: number, stakeLogSd: number, escalation: number, concession: number, preventive: number, attack = NaN): void {
  const gain = coalition.expectedSuccess + preventive;
  const cost = coalition.expectedCost;
  const hHat = coalition.perceivedHold(c.piP);
  const h = coalition.actualHold(c.piP);
  if (Number.isNaN(attack)) crisisOutcome(out, stakeLogMean, stakeLogSd, gain, cost, escalation, hHat, h, concession);
  else crisisOutcomeGivenAttack(out, attack, stakeLogMean, stakeLogSd, gain, cost, escalation, hHat, h, concession);
}

/** Which way the crisis goes, by the uniform u against the law's cumulative probabilities. */
export function crisisEnd(out: Float64Array, u: number): CrisisEnd {
  if (u < out[CRISIS_WAR]) return CrisisEnd.War;
  if (u < out[CRISIS_WAR] + out[CRISIS_NOT_PRESSED]) return CrisisEnd.NotPressed;
  return CrisisEnd.Pressed;
}
