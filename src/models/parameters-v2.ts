/**
 * Model v2: the parameters its new mechanisms add (docs/MODEL.md §11), with the priors proposed for
 * the bundled scenario and their sources. All twelve are in PARAMETERS (src/contract/parameters.ts) and
 * read by the simulator; this list keeps the record of what each was proposed as.
 */
import type { ParameterSpec } from "../contract/parameters.js";

export interface ProposedParameter extends ParameterSpec {
  /** the bundled scenario's prior, in the scenario's own notation */
  prior: { dist: "beta" | "gamma" | "lognormal" | "normal"; mean: number; sd: number } | { dist: "fixed"; value: number };
  source: string;
}

export const PARAMETERS_V2 = [
  {
    name: "coalition_correlation",
    symbol: "ρ_c",
    domain: "probability",
    description: "coalitions: probability that the states' decisions share one shock (nested coalitions) rather than being independent",
    prior: { dist: "beta", mean: 0.7, sd: 0.15 },
    source: "assumption: Western decisions to fight have moved together (2014, 2022: none intervened)",
  },
  {
    name: "supply_staying_out_cost",
    symbol: "a_S",
    domain: "nonnegative",
    description: "intervention: a supplier's cost of staying out of a war over a protégé it arms, per unit of its supply",
    prior: { dist: "gamma", mean: 0.3, sd: 0.2 },
    source: "assumption (sunk costs and reputation of a supplier)",
  },
  {
    name: "supply_entanglement_exposure",
    symbol: "ξ",
    domain: "nonnegative",
    description: "entanglement: exposure of a supplier to being drawn into a limited war (strikes on supply lines), relative to a committed guarantor",
    prior: { dist: "gamma", mean: 0.4, sd: 0.25 },
    source: "assumption",
  },
  {
    name: "consent_guarantee_binding",
    symbol: "ω_c",
    domain: "probability",
    description: "neutrality: how binding a guarantee is that needs the consent of all guarantors, as a share of the same promise without that clause",
    prior: { dist: "beta", mean: 0.2, sd: 0.1 },
    source: "assumption (a guarantor can veto; the 2022 Istanbul draft made assistance depend on consultation)",
  },
  {
    name: "challenger_self_binding_cost",
    symbol: "β_R",
    domain: "nonnegative",
    description: "neutrality: the challenger's cost of attacking a protégé whose neutrality it guaranteed by treaty (⅓, ⅔ of it for a communiqué, executive form)",
    prior: { dist: "gamma", mean: 0.15, sd: 0.1 },
    source: "assumption (audience costs, Fearon 1994, applied to the challenger)",
  },
  {
    name: "arms_buildup_months",
    symbol: "T_A",
    domain: "positive",
    description: "commitment problem: months until an option's arms supply is fully in effect",
    prior: { dist: "gamma", mean: 24, sd: 12 },
    source: "assumption",
  },
  {
    name: "preventive_weight",
    symbol: "δ_P",
    domain: "nonnegative",
    description: "commitment problem: weight the challenger gives to the coming fall in its chance of success (Powell 2006's shift in power, linearised)",
    prior: { dist: "gamma", mean: 0.5, sd: 0.3 },
    source: "assumption (form after Fearon 1995 and Powell 2006)",
  },
  {
    name: "peace_hazard_floor",
    symbol: "ψ",
    domain: "probability",
    description: "duration dependence: long-run factor on the hazards of peace (windows, spoiler incidents) relative to the first months",
    prior: { dist: "beta", mean: 0.5, sd: 0.2 },
    source: "assumption; direction as in Fortna 2004 (the hazard of cease-fire failure falls with time)",
  },
  {
    name: "peace_hazard_decay_months",
    symbol: "T_D",
    domain: "positive",
    description: "duration dependence: time constant of the fall of the hazards of peace",
    prior: { dist: "gamma", mean: 36, sd: 18 },
    source: "assumption; direction as in Fortna 2004",
  },
  {
    name: "treaty_offer_probability",
    symbol: "p_O",
    domain: "probability",
    description: "offer vs honour: probability that a treaty-form promise or membership offered in an option is actually ratified; otherwise it is a communiqué with a 'someday' path",
    prior: { dist: "beta", mean: 0.7, sd: 0.15 },
    source: "assumption",
  },
  {
    name: "pledge_integration_factor",
    symbol: "η_C",
    domain: "nonnegative",
    description: "integration: factor on the integration a communiqué-form promise brings (a consultative pledge, a 'someday' NATO path, a communiqué guarantee of a neutrality)",
    prior: { dist: "gamma", mean: 1, sd: 0.3 },
    source: "assumption, centred on the integration table of docs/MODEL.md §3",
  },
  {
    name: "nuclear_patron_cost_effect",
    symbol: "κ_N",
    domain: "nonnegative",
    description: "coalitions: relative rise of the challenger's cost of war for each nuclear-armed state that fights beside the protégé",
    prior: { dist: "fixed", value: 0 },
    source: "assumption: no effect beyond resolve, weight and k_G, which leaves the calibrated no-commitment option unchanged; the deterrence perspective's gamma(0.5, 0.25) takes its direction from Fuhrmann & Sechser 2014",
  },
] as const satisfies readonly ProposedParameter[];
