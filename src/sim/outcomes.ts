/** What each outcome means and how it is shown (DESIGN 5.5). */
import type { OutcomeInfo } from "./result.js";

export const OUTCOMES: OutcomeInfo[] = [
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
  { name: "loss", label: "Expected loss (scenario weights)", kind: "index", conditionalOnAcceptance: false },
];
