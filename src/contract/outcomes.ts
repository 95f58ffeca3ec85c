/**
 * The one table of outcomes (docs/MODEL.md §8): names, labels, kinds, and whether an outcome is
 * over accepted settlements only. The results' key order, the simulator's per-trajectory values
 * and every list of outcome names are derived from it.
 */

export interface OutcomeInfo {
  name: OutcomeName;
  label: string;
  /** "probability" in [0,1], "months", "count" or "index" (alignment, loss). */
  kind: "probability" | "months" | "count" | "index";
  /**
   * true: only over trajectories whose settlement was accepted, clock from the settlement
   * (docs/MODEL.md §8); these are estimated from the month of the first war. The others are
   * per-trajectory values averaged over all trajectories.
   */
  conditionalOnAcceptance: boolean;
  /**
   * true: a ratio of two sums over trajectories (e.g. wars per crisis: all crises' wars over all
   * crises), not a mean of per-trajectory values; its standard error is the delta method's.
   */
  ratio?: boolean;
}

/** In the order of the results' `outcomes` record; `loss` (a weighted sum of the others) comes last. */
const TABLE = [
  { name: "p_accept", label: "P(settlement accepted)", kind: "probability", conditionalOnAcceptance: false },
  { name: "p_war_resumes_2y", label: "P(major war resumes within 2 years)", kind: "probability", conditionalOnAcceptance: true },
  { name: "p_war_resumes_5y", label: "P(major war resumes within 5 years)", kind: "probability", conditionalOnAcceptance: true },
  { name: "p_war_resumes_10y", label: "P(major war resumes within 10 years)", kind: "probability", conditionalOnAcceptance: true },
  { name: "p_war_resumes_horizon", label: "P(major war resumes within the horizon)", kind: "probability", conditionalOnAcceptance: true },
  { name: "expected_war_months", label: "Expected months of war", kind: "months", conditionalOnAcceptance: false },
  { name: "p_direct_guarantor_war", label: "P(direct war between challenger and a guarantor)", kind: "probability", conditionalOnAcceptance: false },
  { name: "p_nuclear_use", label: "P(nuclear use)", kind: "probability", conditionalOnAcceptance: false },
  { name: "p_sphere_at_horizon", label: "P(protégé in the challenger's sphere at the horizon)", kind: "probability", conditionalOnAcceptance: false },
  { name: "mean_alignment_at_horizon", label: "Mean alignment at the horizon (0 West, 1 challenger)", kind: "index", conditionalOnAcceptance: false },
  { name: "expected_crises", label: "Expected number of crises", kind: "count", conditionalOnAcceptance: false },
  { name: "p_guarantor_backs_down", label: "P(a guarantor backs down at least once)", kind: "probability", conditionalOnAcceptance: false },
  // added in model v2 (fields are only ever added)
  { name: "expected_war_months_before_nuclear", label: "Expected months of war before any nuclear use", kind: "months", conditionalOnAcceptance: false },
  { name: "p_direct_guarantor_war_given_accept", label: "P(direct war between challenger and a guarantor | accepted)", kind: "probability", conditionalOnAcceptance: true },
  { name: "p_nuclear_use_given_accept", label: "P(nuclear use | accepted)", kind: "probability", conditionalOnAcceptance: true },
  { name: "p_sphere_at_horizon_given_accept", label: "P(protégé in the challenger's sphere at the horizon | accepted)", kind: "probability", conditionalOnAcceptance: true },
  { name: "expected_war_months_given_accept", label: "Expected months of war before any nuclear use | accepted", kind: "months", conditionalOnAcceptance: true },
  // added with the per-crisis rates (model v2): the counts they are ratios of, the rates, and the rest given acceptance
  { name: "expected_crisis_wars", label: "Expected number of crises that ended in war", kind: "count", conditionalOnAcceptance: false },
  { name: "expected_peace_months", label: "Expected months at peace (armed peace or crisis)", kind: "months", conditionalOnAcceptance: false },
  { name: "wars_per_crisis", label: "Wars per crisis (share of crises that ended in war)", kind: "probability", conditionalOnAcceptance: false, ratio: true },
  { name: "crises_per_peace_year", label: "Crises per year at peace", kind: "index", conditionalOnAcceptance: false, ratio: true },
  { name: "wars_per_crisis_given_accept", label: "Wars per crisis | accepted", kind: "probability", conditionalOnAcceptance: true, ratio: true },
  { name: "crises_per_peace_year_given_accept", label: "Crises per year at peace | accepted", kind: "index", conditionalOnAcceptance: true, ratio: true },
  { name: "expected_crises_given_accept", label: "Expected number of crises | accepted", kind: "count", conditionalOnAcceptance: true },
  { name: "p_guarantor_backs_down_given_accept", label: "P(a guarantor backs down at least once | accepted)", kind: "probability", conditionalOnAcceptance: true },
  { name: "mean_alignment_at_horizon_given_accept", label: "Mean alignment at the horizon | accepted", kind: "index", conditionalOnAcceptance: true },
  { name: "loss", label: "Expected loss (scenario weights)", kind: "index", conditionalOnAcceptance: false },
] as const;

type Row = (typeof TABLE)[number];
export type OutcomeName = Row["name"];
/** Outcomes that are one value per trajectory, averaged over all trajectories. */
export type TrajectoryValueName = Exclude<Extract<Row, { conditionalOnAcceptance: false }>, { ratio: true }>["name"];

export const OUTCOMES: readonly OutcomeInfo[] = TABLE;

export const OUTCOME_NAMES = TABLE.map((o) => o.name) as unknown as readonly [OutcomeName, ...OutcomeName[]];

/** The per-trajectory values, in table order (so `loss` is last). */
export const TRAJECTORY_VALUE_NAMES = TABLE.filter((o) => !o.conditionalOnAcceptance && !("ratio" in o && o.ratio)).map((o) => o.name) as readonly TrajectoryValueName[];
