/**
 * Alignment's pure transition rules (docs/MODEL.md §6, §7) that both steppers call: a crisis the
 * protégé's side yields, and n months of drift in closed form.
 */

/** A crisis the protégé's side yields moves s a share Δ_b of the way toward the challenger, not below the floor. */
export function alignmentAfterBackdown(s: number, backdownShift: number, floor: number): number {
  return Math.max(s + backdownShift * (1 - s), floor);
}

/** The alignment a trajectory starts from: the prior draw, not below the settlement's floor if it was accepted. */
export function initialAlignment(drawn: number, accepted: boolean, floor: number): number {
  return accepted ? Math.max(drawn, floor) : drawn;
}

/** s_n = min(1, max(floor, s* + aⁿ(s₀ − s*))): n steps of s ← clamp(a·s + b) with s* = b/(1 − a) (docs/MODEL.md §6). */
export function alignmentAfter(s0: number, target: number, decay: number, floor: number, n: number): number {
  return alignmentAfterLog(s0, target, Math.log(decay), floor, n);
}

/** alignmentAfter with ln a computed once per span: aⁿ = exp(n·ln a) (a = 0 gives exp(−∞) = 0). */
export function alignmentAfterLog(s0: number, target: number, logDecay: number, floor: number, n: number): number {
  const s = target + Math.exp(n * logDecay) * (s0 - target);
  return Math.min(1, Math.max(floor, s));
}
