/**
 * The results summary: under each perspective, which option has the lowest expected loss, by how
 * much, and whether that lead is larger than its standard error; and the loss re-weighted without
 * re-simulating. Pure functions of a result; no DOM here.
 *
 * Loss is Σ_k w_k·x_k per trajectory, averaged (docs/MODEL.md, "Loss and ranking"), so its mean is
 * Σ_k w_k·mean(x_k): new weights give the exact mean loss from the per-outcome means. Its standard
 * error needs the covariances of the outcomes across trajectories, which a result does not carry.
 */
import { lossTerms, sameLossWeights, type LossWeights } from "../../src/contract/loss.js";
import type { Estimate, EvaluationResult, OutcomeName } from "../../src/contract/result.js";
import { OUTCOMES } from "./outcomes.js";

export type Weights = LossWeights;

/** Outcomes a loss can weight: those over all trajectories (docs/MODEL.md), the loss itself excepted. */
export function weightableOutcomes(result: EvaluationResult): OutcomeName[] {
  const present = Object.keys(result.results[0]?.outcomes ?? {}) as OutcomeName[];
  return present.filter((n) => n !== "loss" && OUTCOMES[n] !== undefined && !OUTCOMES[n]!.conditionalOnAcceptance);
}

export const sameWeights = sameLossWeights;

/** Mean loss Σ_k w_k·mean(x_k) of one option under one perspective. */
export function reweightedLoss(outcomes: Partial<Record<OutcomeName, Estimate>>, weights: Weights): number {
  let loss = 0;
  for (const [name, w] of Object.entries(weights) as [OutcomeName, number][]) if (w !== 0) loss += w * (outcomes[name]?.mean ?? NaN);
  return loss;
}

export interface RankedOption {
  option: string;
  loss: number;
  /** null when the weights differ from the run's: the SE cannot be recomputed from the means */
  se: number | null;
}

export interface Verdict {
  perspective: string;
  /** lowest loss first */
  order: RankedOption[];
  /** loss of the runner-up minus loss of the best (≥ 0); null with a single option */
  lead: number | null;
  /**
   * SE_best + SE_runner-up: the standard error of the difference is at most this, whatever the
   * correlation between the two estimates (sd(X − Y) ≤ sd(X) + sd(Y)). The options share random
   * numbers, so √(SE₁² + SE₂²) would be wrong; a paired SE needs per-trajectory differences.
   */
  bound: number | null;
  /** lead > bound: the lead is larger than its standard error; null when there is no SE */
  clear: boolean | null;
}

/** Per perspective, the options ordered by mean loss under `weights` (the run's own when omitted). */
export function summarise(result: EvaluationResult, weights: Weights = result.loss_weights): Verdict[] {
  const own = sameWeights(weights, result.loss_weights);
  return result.perspectives.map(({ id }) => {
    const order = result.results
      .filter((r) => r.perspective === id)
      .map((r): RankedOption => (own
        ? { option: r.option, loss: r.outcomes.loss.mean, se: r.outcomes.loss.se }
        : { option: r.option, loss: reweightedLoss(r.outcomes, weights), se: null }))
      .sort((a, b) => a.loss - b.loss);
    const [best, next] = order;
    if (!best || !next) return { perspective: id, order, lead: null, bound: null, clear: null };
    const lead = next.loss - best.loss;
    const bound = best.se !== null && next.se !== null ? best.se + next.se : null;
    return { perspective: id, order, lead, bound, clear: bound === null ? null : lead > bound };
  });
}

/** "loss = 0.0833·expected_war_months + 2·p_direct_guarantor_war + …" */
export function lossFormula(weights: Weights): string {
  return `loss = ${lossTerms(weights)}`;
}
