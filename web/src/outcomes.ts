/**
 * How each outcome of a run is shown: the library's labels and units, looked up by name, and an
 * estimate formatted with its standard error.
 */
import { OUTCOMES as OUTCOME_LIST } from "../../src/contract/outcomes.js";
import type { Estimate } from "../../src/contract/result.js";
import type { OutcomeInfo } from "../../src/contract/outcomes.js";

/** The library's table of outcomes (name, label, unit, conditional on acceptance), by name. */
export const OUTCOMES: Record<string, OutcomeInfo | undefined> = Object.fromEntries(OUTCOME_LIST.map((o) => [o.name, o]));

/** Outcomes the display knows, in its order; unknown names (newer results) come last. */
export function outcomeNames(present: string[]): string[] {
  const known = OUTCOME_LIST.map((o) => o.name as string).filter((n) => present.includes(n));
  return [...known, ...present.filter((n) => !(n in OUTCOMES))];
}

export function outcomeLabel(name: string): string {
  return OUTCOMES[name]?.label ?? name;
}

/** "42.1 % ± 1.3" for probabilities, "17.2 ± 0.4" otherwise: never a number without its SE. */
export function formatEstimate(name: string, estimate: Estimate): string {
  const kind = OUTCOMES[name]?.kind ?? "index";
  if (kind === "probability") return `${(estimate.mean * 100).toFixed(1)} % ± ${(estimate.se * 100).toFixed(1)}`;
  const digits = kind === "index" ? 3 : 1;
  return `${estimate.mean.toFixed(digits)} ± ${estimate.se.toFixed(digits)}`;
}
