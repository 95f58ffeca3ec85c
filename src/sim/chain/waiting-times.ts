/**
 * Waiting times of the chain (docs/SIMULATION.md): how many months pass before the first event of
 * a constant monthly hazard, drawn from one uniform. The event-driven stepper jumps by them.
 */

/** A skip beyond any horizon (kept a small integer, so month arithmetic stays in integers). */
export const NEVER = 2 ** 30;

/** Failures before the first success of Bernoulli(p) trials: ⌊ln U / ln(1−p)⌋, so P(≥ m) = (1−p)^m. */
export function geometricSkip(p: number, u: number): number {
  return p >= 1 ? 0 : skipWithLogNo(Math.log1p(-p), u);
}

/** geometricSkip given ln(1 − p) ≤ 0: for monthly probabilities of Poisson events, −(rate/12). */
export function skipWithLogNo(logNo: number, u: number): number {
  const skip = Math.log(u) / logNo; // +∞ when logNo = −0 (no event can happen), 0 when −∞
  return skip < NEVER ? Math.floor(skip) : NEVER;
}
