/**
 * Parameter draws θ_i, one vector per trajectory (docs/SIMULATION.md): θ_ik = F_k⁻¹(u_ik), where u_ik
 * depends only on (seed, i, parameter name). The same trajectory index therefore sees coupled
 * parameter values under every option, perspective and sensitivity point.
 */
import { PARAMETERS, P, type ParameterName } from "../contract/parameters.js";
import type { Mechanism } from "../scenario/schema.js";
import type { Prior } from "../scenario/prior.js";
import { priorQuantileFunction } from "../scenario/prior-quantile.js";
import { hashString, trajectoryPrefix, uniformWithPrefix } from "../math/random.js";

const PARAMETER_KEYS = PARAMETERS.map((p) => hashString(`parameter:${p.name}`));

/**
 * What switching a mechanism off means: the parameter values that remove exactly its effect
 * (docs/MODEL.md §10). Applied after drawing, so the random numbers of everything else are unchanged.
 */
export const MECHANISM_OFF: Record<Mechanism, Partial<Record<ParameterName, number>>> = {
  acceptance: { acceptance_base_logit: Infinity, acceptance_threat_weight: 0 },
  spoilers: { spoiler_rate_scale: 0 },
  moral_hazard: { moral_hazard: 0 },
  targeting: { targeting_rate_per_year: 0 },
  crisis_escalation: { crisis_escalation_probability: 0 },
  bayesian_updating: { belief_prior_strength: Infinity },
  elections: { election_stake_shift_sd: 0 },
  alignment_drift: { alignment_drift_rate_per_year: 0, integration_pull_per_year: 0 },
  resolve_discount: { resolve_discount: 0 },
  existential_threat: { threat_stake_effect: 0 },
  arms_denial: { arms_denial_effect: 0, arms_cost_effect: 0 },
  entanglement: { guarantor_entry_rate_per_year: 0 },
  nuclear_escalation: { nuclear_use_given_direct_war_per_month: 0 },
  later_settlement: { later_settlement_rate_per_year: 0 },
};

/** Priors in θ order plus the values forced by switched-off mechanisms. */
export interface DrawPlan {
  priors: Prior[];
  /** F⁻¹ of each prior, in θ order */
  quantiles: ((u: number) => number)[];
  forced: { index: number; value: number }[];
}

export function drawPlan(priors: Record<string, Prior>, mechanisms: Record<Mechanism, boolean>): DrawPlan {
  const forced: { index: number; value: number }[] = [];
  for (const [m, on] of Object.entries(mechanisms) as [Mechanism, boolean][]) {
    if (on) continue;
    for (const [name, value] of Object.entries(MECHANISM_OFF[m]) as [ParameterName, number][]) forced.push({ index: P[name], value });
  }
  const ordered = PARAMETERS.map((p) => priors[p.name]);
  return { priors: ordered, quantiles: ordered.map(priorQuantileFunction), forced };
}

/** Fill theta[(i − first)·K + k] for trajectories first … first + count − 1. */
export function drawParameters(plan: DrawPlan, seed: number, first: number, count: number, theta: Float64Array): void {
  const K = PARAMETERS.length;
  for (let i = 0; i < count; i++) {
    const o = i * K;
    const prefix = trajectoryPrefix(seed, first + i);
    for (let k = 0; k < K; k++) theta[o + k] = plan.quantiles[k](uniformWithPrefix(prefix, PARAMETER_KEYS[k]));
    for (const f of plan.forced) theta[o + f.index] = f.value;
  }
}

/**
 * Which parameters of `plan` have the same prior object as in `base` (a perspective that does
 * not override them): their draws are equal, so they can be copied instead of recomputed.
 */
export function sharedParameters(plan: DrawPlan, base: DrawPlan): Uint8Array {
  return Uint8Array.from(plan.priors, (p, k) => (p === base.priors[k] ? 1 : 0));
}

/** As drawParameters, but copy the parameters marked in `shared` from `baseTheta` (same trajectories). */
export function drawParametersReusing(plan: DrawPlan, seed: number, first: number, count: number, theta: Float64Array, baseTheta: Float64Array, shared: Uint8Array): void {
  const K = PARAMETERS.length;
  for (let i = 0; i < count; i++) {
    const o = i * K;
    const prefix = trajectoryPrefix(seed, first + i);
    for (let k = 0; k < K; k++) theta[o + k] = shared[k] ? baseTheta[o + k] : plan.quantiles[k](uniformWithPrefix(prefix, PARAMETER_KEYS[k]));
    for (const f of plan.forced) theta[o + f.index] = f.value;
  }
}
