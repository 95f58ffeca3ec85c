/**
 * Loss weights (docs/MODEL.md §8, "Loss and ranking"): the scenario's weights, and a perspective's
 * own partial override of them. One definition, read by the simulator's plan, the audit, the CLI,
 * the report and the web app alike.
 */
import type { EvaluationResult, OutcomeName } from "./result.js";

export type LossWeights = Partial<Record<OutcomeName, number>>;

/**
 * The weights of a perspective's loss: the scenario's, with the perspective's own weights replacing
 * those it names (a weight of 0 drops a component). Keys with weight 0 are kept, so that the result
 * says what the perspective set.
 */
export function perspectiveLossWeights(scenarioWeights: LossWeights, own: LossWeights | undefined): LossWeights {
  return own ? { ...scenarioWeights, ...own } : { ...scenarioWeights };
}

/** The weights a result's loss was computed with under one perspective (older results: the scenario's). */
export function lossWeightsOf(result: Pick<EvaluationResult, "loss_weights" | "perspectives">, perspective: string): LossWeights {
  return result.perspectives.find((p) => p.id === perspective)?.loss_weights ?? result.loss_weights;
}

/** Two sets of weights are the same loss: equal weight on every outcome (absent = 0). */
export function sameLossWeights(a: LossWeights, b: LossWeights): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as OutcomeName[]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/** "0.0833·expected_war_months_before_nuclear + 2·p_direct_guarantor_war + …" (zero weights left out). */
export function lossTerms(weights: LossWeights): string {
  const terms = (Object.entries(weights) as [OutcomeName, number][]).filter(([, w]) => w !== 0).map(([k, w]) => `${Number(w.toPrecision(4))}·${k}`);
  return terms.length ? terms.join(" + ") : "0";
}
