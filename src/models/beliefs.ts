/**
 * Model v2: what the challenger believes about the coalition's resolve, and how it learns
 * (docs/MODEL.md §5.4). Learning happens only when the defending side is tested — a war starts
 * (did anyone intervene?) or a crisis is pressed without escalating (did the defending side hold?)
 * — and each test's outcome is drawn from the actual resolve, not from a contest of medians.
 */

/**
 * The likelihood the challenger uses: a test is a Bernoulli trial whose success probability is the
 * coalition's resolve Q, with a Beta prior of mean Q·(1 − d) and strength n₀. After F tests passed
 * (stood firm) and B failed (backed down), the posterior mean is
 *   Q̂ = (n₀·Q(1 − d) + F)/(n₀ + F + B)       (Beta–Bernoulli conjugacy).
 * With n₀ = ∞ (learning switched off) Q̂ = Q(1 − d).
 */
export function posteriorCoalitionResolve(resolve: number, discount: number, priorStrength: number, firm: number, backdowns: number): number {
  const priorMean = resolve * (1 - discount);
  if (!Number.isFinite(priorStrength)) return priorMean;
  return (priorStrength * priorMean + firm) / (priorStrength + firm + backdowns);
}

/**
 * q̂_j = 1 − (1 − q_j)^λ̂ with λ̂ = ln(1 − Q̂)/ln(1 − Q), for the first n states, into `out`: the
 * belief Q̂ about the coalition spread over its members by discounting every member's odds of
 * staying out alike. Q is the actual coalition probability under the coalition law in use
 * (intervention.ts); for independent decisions the members recombine to Q̂ exactly. Corners: Q = 0
 * (nobody can fight): q̂ = 0; Q = 1 (some member certain) and Q̂ < 1: the certain members share the
 * belief, 1 − (1 − Q̂)^{1/#certain}, the others get 0; Q̂ = 1: every member with q_j > 0 is
 * believed certain. Returns 1 − Π(1 − q̂_j). `logStayOut`, if given, holds ln(1 − q_j) already (the
 * simulator keeps them between calls).
 */
export function fillPerceivedMemberResolve(out: Float64Array, q: Float64Array, n: number, resolve: number, perceived: number, logStayOut?: Float64Array): number {
  const target = Math.min(1, Math.max(0, perceived));
  let none = 1;
  if (resolve >= 1 && target < 1) {
    let certain = 0;
    for (let j = 0; j < n; j++) if (q[j] >= 1) certain++;
    const each = certain > 0 ? -Math.expm1(Math.log1p(-target) / certain) : 0;
    for (let j = 0; j < n; j++) {
      out[j] = q[j] >= 1 ? each : 0;
      none *= 1 - out[j];
    }
    return 1 - none;
  }
  const exponent = resolve <= 0 ? 0 : target >= 1 ? Infinity : Math.log1p(-target) / Math.log1p(-resolve);
  for (let j = 0; j < n; j++) {
    const qj = q[j];
    out[j] = qj <= 0 || exponent === 0 ? 0 : exponent === Infinity ? 1 : -Math.expm1(exponent * (logStayOut ? logStayOut[j] : Math.log1p(-qj)));
    none *= 1 - out[j];
  }
  return 1 - none;
}

/**
 * ĥ = Q̂ + (1 − Q̂)(1 − π_P): the challenger's belief that the defending side holds in a pressed
 * crisis — the coalition holds, or failing it the protégé alone holds unless it would lose.
 * With the actual Q in place of Q̂ this is the actual hold probability h.
 */
export function holdProbability(coalitionResolve: number, challengerSuccessAlone: number): number {
  return coalitionResolve + (1 - coalitionResolve) * (1 - challengerSuccessAlone);
}
