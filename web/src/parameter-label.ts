/**
 * Readable names for the model's parameters (src/contract/parameters.ts, docs/MODEL.md): the
 * symbol and one line of meaning ("λ_w — opportunities for renewed attack per year"), with the
 * snake_case name the scenario YAML uses kept at hand (tooltip, small code text).
 */
import { parameterSpec, type Domain } from "../../src/contract/parameters.js";

const DOMAIN_WORDS: Record<Domain, string> = {
  real: "any real number",
  nonnegative: "≥ 0",
  positive: "> 0",
  probability: "a probability, 0 to 1",
};

/** the description without its docs/MODEL.md section mark ("§4 …") */
function meaning(description: string): string {
  return description.replace(/^§\d+\s+/, "");
}

/** "λ_w — opportunities for renewed attack per year"; a name the model does not know is returned as it is. */
export function parameterLabel(name: string): string {
  const spec = parameterSpec(name);
  return spec ? `${spec.symbol} — ${meaning(spec.description)}` : name;
}

/** "λ_w (window_rate_per_year)": symbol and YAML name, for running text such as chart summaries. */
export function parameterShort(name: string): string {
  const spec = parameterSpec(name);
  return spec ? `${spec.symbol} (${name})` : name;
}

/** The meaning alone (no symbol), or "" for an unknown name: for data tables and CSVs. */
export function parameterMeaning(name: string): string {
  const spec = parameterSpec(name);
  return spec ? meaning(spec.description) : "";
}

/**
 * The unit each parameter is measured in (docs/MODEL.md): costs and stakes are in stake units (the
 * challenger's or a guarantor's stake in the protégé is the yardstick), log-stakes in its natural
 * log, rates per year, shares and probabilities from 0 to 1. Named where a rule would mislead.
 */
const UNITS: Record<string, string> = {
  stake_alignment_slope: "ln stake units per unit of alignment",
  threat_stake_effect: "ln stake units per unit of threat T",
  neutrality_stake_reduction: "ln stake units",
  election_stake_shift_sd: "ln stake units",
  tripwire_cost_per_10k_troops: "stake units per 10,000 troops",
  supply_staying_out_cost: "stake units per unit of supply",
  audience_cost_treaty: "stake units",
  audience_cost_executive: "stake units",
  audience_cost_communique: "stake units",
  challenger_self_binding_cost: "stake units",
  arms_cost_effect: "relative rise (0.5 = +50 %)",
  force_cap_effect: "relative rise (0.5 = +50 %)",
  nuclear_cost_multiplier: "factor (×)",
  spoiler_rate_scale: "factor (×)",
  belief_prior_strength: "crises (pseudo-count)",
  acceptance_base_logit: "log-odds",
  acceptance_threat_weight: "log-odds per unit of threat T",
  arms_supply_threat: "threat T per level of arms supply",
  neutrality_threat_relief: "threat T",
  moral_hazard: "relative rise per unit of guarantee strength",
  supply_entanglement_exposure: "relative exposure (1 = a committed state)",
  guarantor_entry_rate_per_year: "per year, per unit of exposure",
  nuclear_use_given_direct_war_per_month: "probability per month",
  preventive_weight: "weight on the coming fall in the chance of success (unitless)",
  pledge_integration_factor: "factor (×) on the integration of the table",
  nuclear_patron_cost_effect: "relative rise per nuclear-armed member (0.5 = +50 %)",
};

/** "per year", "stake units", "probability (0–1)"…; "" for a name the model does not know. */
export function parameterUnit(name: string): string {
  const spec = parameterSpec(name);
  if (!spec) return "";
  if (UNITS[name]) return UNITS[name];
  if (name.endsWith("_per_year")) return "per year";
  if (name.endsWith("_months")) return "months";
  if (/_log_(mean|sd)$/.test(name)) return "ln stake units";
  if (spec.domain === "probability") return "probability or share (0–1)";
  if (/cost/.test(name)) return "stake units";
  return "";
}

/** The full tooltip: label, the YAML name, its domain and the section of docs/MODEL.md that defines it. */
export function parameterTitle(name: string): string {
  const spec = parameterSpec(name);
  if (!spec) return name;
  const section = /^§(\d+)/.exec(spec.description)?.[1];
  return `${parameterLabel(name)}. In the scenario: ${name}; values ${DOMAIN_WORDS[spec.domain]}${section ? `; docs/MODEL.md §${section}` : ""}.`;
}
