/**
 * A perspective's own loss weights (docs/MODEL.md §8) are the weights of its loss everywhere: the
 * simulator's per-trajectory loss, its ranking, and the result's record of them. Two perspectives
 * with the scenario's priors (so the same trajectories: common random numbers) and different
 * weights must give the same outcomes, a loss equal to Σ_k w_k·x̄_k computed by hand from those
 * outcomes with each one's weights, and rankings in the order of those hand-computed losses.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/sim/evaluate.js";
import type { EvaluationResult, OutcomeName } from "../../src/contract/result.js";
import { loadScenarioText } from "../../src/index.js";
import { BUNDLED, mutate } from "../scenario/helpers.js";

const OPTIONS = ["ceasefire-only", "nato-membership", "neutrality-istanbul"];
const WAR_ONLY = { expected_war_months_before_nuclear: 1 / 12, p_direct_guarantor_war: 2, p_nuclear_use: 20, p_sphere_at_horizon: 0 };
const SPHERE_ONLY = { expected_war_months_before_nuclear: 0, p_direct_guarantor_war: 0, p_nuclear_use: 0, p_sphere_at_horizon: 10 };

const yamlWeights = (w: Record<string, number>) => Object.entries(w).map(([k, v]) => `      ${k}: ${v}\n`).join("");
const scenario = loadScenarioText(
  mutate(
    "perspectives:\n",
    `perspectives:\n  war-only:\n    source: test\n    loss_weights:\n${yamlWeights(WAR_ONLY)}  sphere-only:\n    source: test\n    loss_weights:\n${yamlWeights({ p_sphere_at_horizon: 10, expected_war_months_before_nuclear: 0, p_direct_guarantor_war: 0, p_nuclear_use: 0 })}`,
    BUNDLED,
  ),
);

function byHand(result: EvaluationResult, perspective: string, weights: Record<string, number>): { option: string; loss: number }[] {
  return OPTIONS.map((option) => {
    const outcomes = result.results.find((r) => r.perspective === perspective && r.option === option)!.outcomes;
    const loss = Object.entries(weights).reduce((sum, [k, w]) => sum + w * outcomes[k as OutcomeName].mean, 0);
    return { option, loss };
  });
}

describe("a perspective's own loss weights", () => {
  it("change the loss and the ranking exactly as Σ w·x̄ of the component outcomes says", async () => {
    const result = await evaluate(scenario, { trajectories: 1024, seed: 3, options: OPTIONS, perspectives: ["baseline", "war-only", "sphere-only"] });
    expect(result.perspectives.find((p) => p.id === "sphere-only")!.loss_weights).toEqual(SPHERE_ONLY);
    expect(result.perspectives.find((p) => p.id === "baseline")!.loss_weights).toEqual(scenario.lossWeights);
    const orders: string[][] = [];
    for (const [perspective, weights] of [["war-only", WAR_ONLY], ["sphere-only", SPHERE_ONLY], ["baseline", scenario.lossWeights]] as const) {
      const hand = byHand(result, perspective, weights as Record<string, number>);
      for (const { option, loss } of hand) {
        const simulated = result.results.find((r) => r.perspective === perspective && r.option === option)!;
        // the same trajectories under every perspective: only the weights differ
        expect(simulated.outcomes.p_sphere_at_horizon).toEqual(result.results.find((r) => r.perspective === "baseline" && r.option === option)!.outcomes.p_sphere_at_horizon);
        expect(simulated.outcomes.loss.mean, `${perspective} ${option}`).toBeCloseTo(loss, 9);
      }
      const order = result.ranking.find((r) => r.perspective === perspective)!.order.map((e) => e.option);
      expect(order, perspective).toEqual([...hand].sort((a, b) => a.loss - b.loss).map((h) => h.option));
      orders.push(order);
    }
    // the weights alone reorder the options
    expect(orders[0]).not.toEqual(orders[1]);
  }, 120_000);

  it("weigh the monthly stepper's loss too, and across worker threads", async () => {
    for (const opts of [{ mode: "monthly" as const, workers: 1 }, { mode: "event" as const, workers: 2 }]) {
      const result = await evaluate(scenario, { trajectories: 2048, seed: 5, options: OPTIONS, perspectives: ["war-only", "sphere-only"], ...opts });
      for (const [perspective, weights] of [["war-only", WAR_ONLY], ["sphere-only", SPHERE_ONLY]] as const)
        for (const { option, loss } of byHand(result, perspective, weights))
          expect(result.results.find((r) => r.perspective === perspective && r.option === option)!.outcomes.loss.mean, `${opts.mode} ${perspective} ${option}`).toBeCloseTo(loss, 9);
    }
  }, 120_000);
});
