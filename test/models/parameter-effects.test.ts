/**
 * Every parameter of the model acts on the bundled scenario: fixing it at two values of its
 * baseline prior (the quartiles; for a fixed prior, its value and a larger one) changes some
 * option's numbers. A parameter no option of the scenario reads would be a prior with no effect,
 * which docs/MODEL.md §2 does not allow; this test fails on one.
 */
import { describe, expect, it } from "vitest";
import { PARAMETERS, type ParameterSpec } from "../../src/contract/parameters.js";
import { loadScenarioFile, type Scenario } from "../../src/scenario/load.js";
import type { Prior } from "../../src/scenario/prior.js";
import { priorQuantileFunction } from "../../src/scenario/prior-quantile.js";
import { evaluate } from "../../src/sim/evaluate.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");

/** Two values of the parameter inside its domain: its prior's quartiles, or for a point prior its value and a larger one. */
function twoValues(spec: ParameterSpec, prior: Prior): [number, number] {
  const quantile = priorQuantileFunction(prior);
  const [low, high] = [quantile(0.25), quantile(0.75)];
  if (low !== high) return [low, high];
  const larger = spec.domain === "probability" ? Math.min(0.99, low + 0.3) : low + Math.max(0.5, Math.abs(low));
  return [low, larger];
}

async function numbersWith(name: string, value: number): Promise<string> {
  const fixed: Scenario = { ...scenario, parameters: { ...scenario.parameters, [name]: { dist: "fixed", value, source: "test" } as Prior } };
  const result = await evaluate(fixed, { seed: 3, trajectories: 1024, perspectives: ["baseline"] });
  return JSON.stringify(result.results.map((r) => [r.outcomes, r.survival, r.states, r.alignment_at_horizon]));
}

describe("every parameter acts on the bundled scenario", () => {
  for (const spec of PARAMETERS) {
    it(`${spec.name} (${spec.symbol})`, async () => {
      const [low, high] = twoValues(spec, scenario.parameters[spec.name]);
      expect(await numbersWith(spec.name, high)).not.toBe(await numbersWith(spec.name, low));
    });
  }
});
