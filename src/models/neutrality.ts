/**
 * Model v2: neutrality as a bargain (docs/MODEL.md §3.3). The challenger's relief from a
 * neutrality commitment depends on what the neutrality actually limits — alliance membership,
 * the size of the protégé's forces, Western arms, foreign bases — and is cancelled by a guarantee
 * of the same content as an alliance: a neutral with a binding Western defence treaty is aligned
 * under another label. Also here: the preventive motive that a build-up of arms gives the
 * challenger (the commitment problem), which neutral and aligned protégés alike face.
 */

/**
 * Weights of what a neutrality limits (assumption): renouncing alliance membership is the core of
 * any neutrality; a force cap, forgoing Western arms and forgoing foreign bases make up the rest.
 * They sum to 1, so full neutrality (Istanbul-style, unarmed, no bases, a binding cap) has ℓ = 1.
 */
export const NEUTRALITY_CONTENT = { alliance: 0.4, forceCap: 0.2, arms: 0.2, noBases: 0.2 } as const;

/**
 * Alignment threat of a guarantee by its form (none, communiqué, executive, treaty), the same
 * whatever the commitment is called: a consultative pledge, an unratified and a ratified
 * collective-defence treaty (docs/MODEL.md §3.3). A neutrality guarantee is read by content.
 */
export const GUARANTEE_THREAT = [0, 0.05, 0.6, 0.8] as const;

/** Western integration I of a guarantee by its form, read by content like GUARANTEE_THREAT (docs/MODEL.md §3.3). */
export const GUARANTEE_INTEGRATION = [0, 0.1, 0.5, 0.6] as const;

/** I_N = β·I_g(form): the integration a neutrality's guarantee brings (0 for a guarantee-free neutrality). */
export function guaranteeIntegration(formLevel: number, binding: number): number {
  return binding * GUARANTEE_INTEGRATION[formLevel];
}

/** b = clip(1 − cap/F₀, 0, 1): how much a force cap binds, against the protégé's peacetime forces F₀. */
export function forceCapBite(cap: number | undefined, peacetimeForces: number): number {
  if (cap === undefined || !(peacetimeForces > 0)) return 0;
  return Math.min(1, Math.max(0, 1 - cap / peacetimeForces));
}

/** ℓ = 0.4 + 0.2·b + 0.2·(1 − a) + 0.2·[no foreign bases] ∈ [0.4, 1]: what the neutrality limits. */
export function neutralityContent(capBite: number, arms: number, foreignBases: boolean): number {
  const w = NEUTRALITY_CONTENT;
  return w.alliance + w.forceCap * capBite + w.arms * (1 - arms) + (foreignBases ? 0 : w.noBases);
}

/**
 * β = ω_c if assistance needs the consent of all guarantors (the challenger or its partners can
 * veto it), else 1: how binding a neutrality guarantee is, as a share of the same promise without
 * a consent clause.
 */
export function guaranteeBinding(consentRequired: boolean, consentBinding: number): number {
  return consentRequired ? consentBinding : 1;
}

/**
 * A(form)·β = (T_guarantee(form)/T_guarantee(treaty))·β: the share of the neutrality that a
 * guarantee of this form and binding cancels. A ratified treaty without consent clause cancels it
 * fully; a communiqué cancels 1/16 of it.
 */
export function alignedShare(formLevel: number, binding: number): number {
  return (GUARANTEE_THREAT[formLevel] / GUARANTEE_THREAT[3]) * binding;
}

/**
 * n_eff = n·(1 − A(form)·β): effective neutrality, n = 1 permanent, ½ temporary. Every effect of
 * neutrality — the threat relief, the fall in the challenger's stake ν, the alignment floor s_N —
 * scales with n_eff.
 */
export function effectiveNeutrality(permanence: number, formLevel: number, binding: number): number {
  return permanence * (1 - alignedShare(formLevel, binding));
}

/**
 * T_N = −τ_N·n_eff·ℓ + β·T_guarantee(form): the neutrality's part of the alignment threat. With a
 * ratified, unconditional Western guarantee n_eff = 0 and T_N = 0.8, the threat of an
 * Article-5-like treaty: the same promise under another label gets the same number.
 */
export function neutralityThreat(reliefScale: number, permanence: number, content: number, formLevel: number, binding: number): number {
  return -reliefScale * effectiveNeutrality(permanence, formLevel, binding) * content + binding * GUARANTEE_THREAT[formLevel];
}

/**
 * k_self = β_R·(form level)/3: the challenger's own cost of attacking a protégé whose neutrality it
 * guaranteed (its audience and reputation cost, Fearon 1994, applied to the challenger); added to
 * its cost of war k_P and k_G. 0 when it guaranteed nothing.
 */
export function selfBindingCost(selfBinding: number, formLevel: number): number {
  return (selfBinding * formLevel) / 3;
}

/** a(t) = a·min(1, t/T_A): the arms supply in effect t months after the settlement (a build-up). */
export function armsInEffect(arms: number, month: number, rampMonths: number): number {
  if (!(rampMonths > 0)) return arms;
  return arms * Math.min(1, month / rampMonths);
}

/**
 * G_prev(t) = δ_P·π_P0·δ_A·(a − a(t)): the preventive motive (Fearon 1995; Powell 2006). The
 * challenger's chance of success will fall by π_P0·δ_A·(a − a(t)) as the build-up completes; a
 * war now avoids that decline, valued at weight δ_P. It is added to the challenger's expected
 * success in the attack and press conditions: V·(π̄ + G_prev) > k̄. Non-increasing in t, 0 from T_A.
 */
export function preventiveGain(preventiveWeight: number, piP0: number, armsDenial: number, arms: number, armsNow: number): number {
  return preventiveWeight * piP0 * armsDenial * Math.max(0, arms - armsNow);
}

/**
 * G_prev(t) = G_prev(0)·max(0, 1 − t/T_A), with G_prev(0) = δ_P·π_P0·δ_A·a: `preventiveGain` along
 * the linear build-up a(t) = a·min(1, t/T_A), from its value at the settlement (a per-trajectory
 * constant, so the simulators need no power or exponential per month).
 */
export function preventiveGainAt(initialGain: number, month: number, rampMonths: number): number {
  if (!(rampMonths > 0) || month >= rampMonths) return 0;
  return initialGain * (1 - month / rampMonths);
}
