/**
 * How each outcome of a run is named and shown: its label, its unit, and whether it is measured
 * only over accepted settlements (DESIGN 5.5). Also formats an estimate with its standard error.
 */
import type { Estimate, OutcomeName } from "../../src/sim/result.js";

export interface OutcomeDisplay {
  label: string;
  kind: "probability" | "months" | "count" | "index";
  conditionalOnAcceptance: boolean;
}

export const OUTCOMES: Record<OutcomeName, OutcomeDisplay> = {
  p_accept: { label: "P(settlement accepted)", kind: "probability", conditionalOnAcceptance: false },
  p_war_resumes_2y: { label: "P(major war resumes within 2 years)", kind: "probability", conditionalOnAcceptance: true },
  p_war_resumes_5y: { label: "P(major war resumes within 5 years)", kind: "probability", conditionalOnAcceptance: true },
  p_war_resumes_10y: { label: "P(major war resumes within 10 years)", kind: "probability", conditionalOnAcceptance: true },
  p_war_resumes_horizon: { label: "P(major war resumes by the horizon)", kind: "probability", conditionalOnAcceptance: true },
  expected_war_months: { label: "Expected months of war", kind: "months", conditionalOnAcceptance: false },
  p_direct_guarantor_war: { label: "P(direct war with a guarantor)", kind: "probability", conditionalOnAcceptance: false },
  p_nuclear_use: { label: "P(nuclear use)", kind: "probability", conditionalOnAcceptance: false },
  p_sphere_at_horizon: { label: "P(protégé in challenger's sphere at horizon)", kind: "probability", conditionalOnAcceptance: false },
  mean_alignment_at_horizon: { label: "Mean alignment at horizon (0 West … 1 challenger)", kind: "index", conditionalOnAcceptance: false },
  expected_crises: { label: "Expected number of crises", kind: "count", conditionalOnAcceptance: false },
  p_guarantor_backs_down: { label: "P(a guarantor backs down at least once)", kind: "probability", conditionalOnAcceptance: false },
  loss: { label: "Expected loss (lower is better)", kind: "index", conditionalOnAcceptance: false },
};

/** Outcomes the display knows, in its order; unknown names (newer results) come last. */
export function outcomeNames(present: string[]): string[] {
  const known = Object.keys(OUTCOMES).filter((n) => present.includes(n));
  return [...known, ...present.filter((n) => !(n in OUTCOMES))];
}

export function outcomeLabel(name: string): string {
  return OUTCOMES[name as OutcomeName]?.label ?? name;
}

/** "42.1 % ± 1.3" for probabilities, "17.2 ± 0.4" otherwise: never a number without its SE. */
export function formatEstimate(name: string, estimate: Estimate): string {
  const kind = OUTCOMES[name as OutcomeName]?.kind ?? "index";
  if (kind === "probability") return `${(estimate.mean * 100).toFixed(1)} % ± ${(estimate.se * 100).toFixed(1)}`;
  const digits = kind === "index" ? 3 : 1;
  return `${estimate.mean.toFixed(digits)} ± ${estimate.se.toFixed(digits)}`;
}
