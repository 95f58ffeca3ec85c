/**
 * The model's parameters (docs/MODEL.md): every uncertain quantity the strategic and dynamics
 * layers read. A scenario must give each a prior with a source; docs/MODEL.md explains each.
 * Order here is the order of the parameter vector θ everywhere in the simulator.
 */

export type Domain = "real" | "nonnegative" | "positive" | "probability";

export interface ParameterSpec {
  name: string;
  symbol: string;
  domain: Domain;
  /** the section of docs/MODEL.md that defines it, and one line of meaning */
  description: string;
}

export const PARAMETERS = [
  // §4 stage game
  { name: "window_rate_per_year", symbol: "λ_w", domain: "nonnegative", description: "§4 opportunities for renewed attack per year" },
  { name: "challenger_stake_log_mean", symbol: "μ_V0", domain: "real", description: "§4 log-mean of the challenger's stake V in the protégé's alignment, at s = 1" },
  { name: "challenger_stake_log_sd", symbol: "σ_V", domain: "positive", description: "§4 log-sd of the challenger's stake V" },
  { name: "stake_alignment_slope", symbol: "β_s", domain: "nonnegative", description: "§4 rise of ln-stake as the protégé aligns with the West: μ_V = μ_V0 + β_s(1−s)" },
  { name: "threat_stake_effect", symbol: "γ_T", domain: "nonnegative", description: "§4 rise of ln-stake per unit of the option's alignment threat T (existential threat)" },
  { name: "neutrality_stake_reduction", symbol: "ν", domain: "nonnegative", description: "§3 fall of ln-stake under a neutrality commitment, times effective neutrality × what it limits (n_eff·ℓ)" },
  { name: "challenger_success_vs_guarantors", symbol: "π_G", domain: "probability", description: "§4 chance the challenger still reaches its aims against the reference coalition (military weight 1)" },
  { name: "challenger_cost_vs_guarantors", symbol: "k_G", domain: "positive", description: "§4 challenger's cost of war with the reference coalition (military weight 1), incl. expected nuclear costs (stake units)" },
  { name: "challenger_success_vs_protege", symbol: "π_P0", domain: "probability", description: "§4 chance the challenger reaches its aims against the protégé alone, no arms supply" },
  { name: "challenger_cost_vs_protege", symbol: "k_P0", domain: "positive", description: "§4 challenger's cost of war with the protégé alone, no arms supply (stake units)" },
  { name: "arms_denial_effect", symbol: "δ_A", domain: "probability", description: "§4 share by which high arms supply cuts π_P (deterrence by denial)" },
  { name: "arms_cost_effect", symbol: "δ_k", domain: "nonnegative", description: "§4 relative rise of k_P under high arms supply" },
  { name: "force_cap_effect", symbol: "δ_cap", domain: "nonnegative", description: "§4 relative rise of π_P under force caps on the protégé" },
  // §5 resolve
  { name: "guarantor_stake_log_mean", symbol: "μ_W", domain: "real", description: "§5 log-mean of a state's stake W in the protégé (stake weight 1)" },
  { name: "guarantor_stake_log_sd", symbol: "σ_W", domain: "positive", description: "§5 log-sd of a guarantor's stake W" },
  { name: "guarantor_war_cost", symbol: "k₀", domain: "positive", description: "§5 a guarantor's cost of war with a non-nuclear challenger (stake units)" },
  { name: "nuclear_cost_multiplier", symbol: "χ", domain: "positive", description: "§5 factor on k when the challenger is nuclear-armed" },
  { name: "audience_cost_treaty", symbol: "a_T", domain: "nonnegative", description: "§5 cost of not honouring a ratified treaty or alliance membership" },
  { name: "audience_cost_executive", symbol: "a_E", domain: "nonnegative", description: "§5 cost of not honouring an executive agreement or backstop" },
  { name: "audience_cost_communique", symbol: "a_C", domain: "nonnegative", description: "§5 cost of not honouring a communiqué or consultative pledge" },
  { name: "tripwire_cost_per_10k_troops", symbol: "a_F", domain: "nonnegative", description: "§5 cost of not fighting when 10,000 of one's own troops are in harm's way" },
  { name: "resolve_discount", symbol: "d", domain: "probability", description: "§5 imbalance of resolve: q̂ = q(1−d) before any crisis" },
  { name: "belief_prior_strength", symbol: "n₀", domain: "positive", description: "§5 weight of the challenger's prior belief, in crises-equivalent (Beta pseudo-count)" },
  { name: "election_stake_shift_sd", symbol: "σ_E", domain: "nonnegative", description: "§5 sd of the shift of ln W redrawn at each election of a guarantor" },
  // §6 alignment
  { name: "alignment_initial", symbol: "s₀", domain: "probability", description: "§6 alignment at the settlement (0 West, 1 challenger's sphere)" },
  { name: "alignment_drift_rate_per_year", symbol: "κ", domain: "nonnegative", description: "§6 rate at which s moves toward the challenger's coercive leverage L" },
  { name: "integration_pull_per_year", symbol: "ρ", domain: "nonnegative", description: "§6 rate at which Western integration pulls s toward 0, per unit integration" },
  { name: "threat_credibility", symbol: "c_T", domain: "probability", description: "§6 credibility of the challenger's conventional threat: L = (1−q̂)·π_P·c_T" },
  { name: "neutrality_alignment_floor", symbol: "s_N", domain: "probability", description: "§6 under neutrality s cannot fall below s_N" },
  { name: "backdown_alignment_shift", symbol: "Δ_b", domain: "probability", description: "§7 share of the gap to 1 that s moves when the protégé's side backs down in a crisis" },
  { name: "war_alignment_shift", symbol: "Δ_w", domain: "probability", description: "§7 share of the gap that s moves toward the winner when a war ends" },
  // §7 acceptance
  { name: "acceptance_base_logit", symbol: "α_A", domain: "real", description: "§7 log-odds that the challenger signs a settlement with no alignment threat" },
  { name: "arms_supply_threat", symbol: "τ_A", domain: "nonnegative", description: "§3 alignment threat T per unit of arms supply level (the challenger's demand for demilitarisation)" },
  { name: "neutrality_threat_relief", symbol: "τ_N", domain: "nonnegative", description: "§3 fall in alignment threat T under permanent neutrality (half for a temporary one)" },
  { name: "acceptance_threat_weight", symbol: "γ_A", domain: "nonnegative", description: "§7 fall in log-odds of acceptance per unit alignment threat T" },
  { name: "later_settlement_rate_per_year", symbol: "λ_L", domain: "nonnegative", description: "§7 after a rejection, rate of a later, weaker settlement (ceasefire only)" },
  // §7 spoilers
  { name: "spoiler_rate_scale", symbol: "σ_S", domain: "nonnegative", description: "§7 factor on the spoilers' base incident rates" },
  { name: "moral_hazard", symbol: "m", domain: "nonnegative", description: "§7 incidents rise by (1 + m·g) with the guarantee strength g the spoilers perceive" },
  { name: "incident_crisis_probability", symbol: "c", domain: "probability", description: "§7 chance that a spoiler incident becomes a crisis" },
  { name: "dmz_incident_reduction", symbol: "r_D", domain: "probability", description: "§7 share of incidents a demilitarised zone prevents" },
  { name: "monitoring_crisis_reduction", symbol: "r_M", domain: "probability", description: "§7 share of incident-to-crisis conversions that monitoring prevents (attribution)" },
  { name: "peacekeeping_incident_reduction", symbol: "r_P", domain: "probability", description: "§7 share of incidents a UN-mandated force prevents" },
  // §7 targeting, crises, war, escalation
  { name: "targeting_rate_per_year", symbol: "λ_T", domain: "nonnegative", description: "§7 strikes per year on foreign forces deployed without a UN mandate (rear deployment)" },
  { name: "crisis_escalation_probability", symbol: "e", domain: "probability", description: "§7 chance that a crisis the challenger presses slips into war, beyond either side's control" },
  { name: "limited_war_end_rate_per_year", symbol: "μ_L", domain: "nonnegative", description: "§7 rate at which a limited war ends" },
  { name: "direct_war_end_rate_per_year", symbol: "μ_D", domain: "nonnegative", description: "§7 rate at which a direct war with the guarantors ends" },
  { name: "guarantor_entry_rate_per_year", symbol: "λ_E", domain: "nonnegative", description: "§7 rate at which states are drawn into a limited war, per unit of exposure ε_j·q_j" },
  { name: "nuclear_use_given_direct_war_per_month", symbol: "h_N", domain: "probability", description: "§7 monthly chance of nuclear use in a direct war in which the challenger or a fighting state is nuclear-armed" },
  // model v2: coalitions, supply, neutrality as a bargain (appended: θ indices of the above are unchanged)
  { name: "coalition_correlation", symbol: "ρ_c", domain: "probability", description: "§5 probability that the states' decisions to fight share one shock (nested coalitions) rather than being independent" },
  { name: "supply_staying_out_cost", symbol: "a_S", domain: "nonnegative", description: "§5 a supplier's cost of staying out of a war over a protégé it arms, per unit of its supply" },
  { name: "supply_entanglement_exposure", symbol: "ξ", domain: "nonnegative", description: "§7 exposure of a supplier to being drawn into a limited war, relative to a committed state" },
  { name: "consent_guarantee_binding", symbol: "ω_c", domain: "probability", description: "§3 how binding a guarantee that needs the consent of all guarantors is, as a share of the same promise without that clause" },
  { name: "challenger_self_binding_cost", symbol: "β_R", domain: "nonnegative", description: "§3 the challenger's cost of attacking a protégé whose neutrality it guaranteed by treaty (⅓, ⅔ of it for a communiqué, executive form)" },
  // model v2: the build-up of arms, duration dependence, offer versus honour (appended likewise)
  { name: "arms_buildup_months", symbol: "T_A", domain: "positive", description: "§4 months until an option's arms supply is fully in effect (the build-up behind the preventive motive)" },
  { name: "preventive_weight", symbol: "δ_P", domain: "nonnegative", description: "§4 weight the challenger gives to the coming fall in its chance of success as arms build up (preventive motive)" },
  { name: "peace_hazard_floor", symbol: "ψ", domain: "probability", description: "§7 long-run factor on the hazards of peace (windows, spoiler incidents) relative to the first months of a peace" },
  { name: "peace_hazard_decay_months", symbol: "T_D", domain: "positive", description: "§7 time constant, in months, of the fall of the hazards of peace toward their floor" },
  { name: "treaty_offer_probability", symbol: "p_O", domain: "probability", description: "§7 probability that a treaty-form promise or membership in an option is actually ratified; otherwise a communiqué with a 'someday' path" },
  // the schools' structural claims: what a "someday" promise integrates, what a nuclear-armed patron adds (appended likewise)
  { name: "pledge_integration_factor", symbol: "η_C", domain: "nonnegative", description: "§3 factor on the integration a communiqué-form promise brings (a consultative pledge, a 'someday' NATO path, a communiqué guarantee of a neutrality); 1 is the integration table" },
  { name: "nuclear_patron_cost_effect", symbol: "κ_N", domain: "nonnegative", description: "§5 relative rise of the challenger's cost of war for each nuclear-armed state that fights beside the protégé: k(C) gains a factor (1 + κ_N) per nuclear member" },
] as const satisfies readonly ParameterSpec[];

export type ParameterName = (typeof PARAMETERS)[number]["name"];
export const PARAMETER_NAMES: readonly ParameterName[] = PARAMETERS.map((p) => p.name);
export const PARAMETER_COUNT = PARAMETERS.length;

/** Index of each parameter in θ. */
export const P = Object.fromEntries(PARAMETERS.map((p, i) => [p.name, i])) as Record<ParameterName, number>;

export function parameterSpec(name: string): ParameterSpec | undefined {
  return (PARAMETERS as readonly ParameterSpec[]).find((p) => p.name === name);
}

export function domainBounds(domain: Domain): [number, number] {
  switch (domain) {
    case "real":
      return [-Infinity, Infinity];
    case "nonnegative":
      return [0, Infinity];
    case "positive":
      return [0, Infinity];
    case "probability":
      return [0, 1];
  }
}
