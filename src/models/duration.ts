/**
 * Model v2: duration dependence of the hazards of peace (docs/MODEL.md §7.8). The longer a peace has
 * held, the less likely it is to break: windows for attack and spoiler incidents arrive at their
 * base rates times g(t), t the months since the settlement or since the last war ended.
 */

/**
 * g(t) = ψ + (1 − ψ)·e^{−t/T_D}: 1 at t = 0, falling to the floor ψ with time constant T_D months.
 * ψ = 1 (or T_D = ∞) switches duration dependence off. Non-increasing in t, so the value at the
 * start of a span of peace bounds the hazard over the whole span (thinning).
 */
export function peaceHazardFactor(monthsAtPeace: number, floor: number, decayMonths: number): number {
  if (!(decayMonths > 0) || decayMonths === Infinity) return decayMonths === Infinity ? 1 : floor;
  return floor + (1 - floor) * Math.exp(-monthsAtPeace / decayMonths);
}

/**
 * ∫₀^t g(u) du = ψt + (1 − ψ)T_D(1 − e^{−t/T_D}): the integrated factor, so the expected number of
 * events of a base rate λ (per month) over the first t months of peace is λ·G(t).
 */
export function integratedPeaceHazardFactor(monthsAtPeace: number, floor: number, decayMonths: number): number {
  if (decayMonths === Infinity) return monthsAtPeace;
  if (!(decayMonths > 0)) return floor * monthsAtPeace;
  return floor * monthsAtPeace + (1 - floor) * decayMonths * -Math.expm1(-monthsAtPeace / decayMonths);
}
