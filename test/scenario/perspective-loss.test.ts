/**
 * A perspective's own loss weights (docs/MODEL.md §8, "Loss and ranking"): validation of the
 * `loss_weights` key of a perspective, as for the scenario's `loss.weights`.
 */
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../src/index.js";
import { perspectiveLossWeights } from "../../src/contract/loss.js";
import { issuesOf, locate, mutate, onlyIssue } from "./helpers.js";

/** The bundled scenario with `weights` (YAML lines, 6 spaces deep) as the deterrence perspective's own loss weights. */
const withDeterrenceWeights = (lines: string) => mutate("  deterrence:\n    label: Deterrence\n", `  deterrence:\n    label: Deterrence\n    loss_weights:\n${lines}`);

describe("a perspective's own loss weights", () => {
  it("are a partial override of the scenario's weights", () => {
    const s = loadScenarioText(withDeterrenceWeights("      p_sphere_at_horizon: 6\n      p_direct_guarantor_war: 0\n"));
    expect(s.perspectives.deterrence.loss_weights).toEqual({ p_sphere_at_horizon: 6, p_direct_guarantor_war: 0 });
    expect(perspectiveLossWeights(s.lossWeights, s.perspectives.deterrence.loss_weights)).toEqual({
      expected_war_months_before_nuclear: s.lossWeights.expected_war_months_before_nuclear,
      p_direct_guarantor_war: 0,
      p_nuclear_use: 20,
      p_sphere_at_horizon: 6,
    });
  });

  it("refuse an unknown outcome name with a did-you-mean hint", () => {
    const text = withDeterrenceWeights("      p_sphere_at_horizn: 6\n");
    expect(onlyIssue(text)).toMatchObject({
      ...locate(text, "p_sphere_at_horizn"),
      path: "perspectives.deterrence.loss_weights.p_sphere_at_horizn",
      message: 'unknown key "p_sphere_at_horizn"',
      hint: 'did you mean "p_sphere_at_horizon"?',
    });
  });

  it("refuse a negative weight", () => {
    const text = withDeterrenceWeights("      p_nuclear_use: -5\n");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "-5", "p_nuclear_use: -5"), path: "perspectives.deterrence.loss_weights.p_nuclear_use", message: "out of range", expected: "a number ≥ 0", received: "the number -5" });
  });

  it("refuse an outcome conditional on acceptance, with the reason", () => {
    const text = withDeterrenceWeights("      p_war_resumes_5y: 1\n");
    expect(onlyIssue(text)).toMatchObject({
      path: "perspectives.deterrence.loss_weights.p_war_resumes_5y",
      message: "p_war_resumes_5y cannot be weighted in the loss: it is conditional on acceptance",
    });
  });

  it("refuse a rate that is a ratio of two means, with the reason", () => {
    const text = withDeterrenceWeights("      crises_per_peace_year: 1\n");
    expect(onlyIssue(text)).toMatchObject({
      path: "perspectives.deterrence.loss_weights.crises_per_peace_year",
      message: "crises_per_peace_year cannot be weighted in the loss: it is a ratio of two means, not a value of each trajectory",
    });
  });

  it("report every bad weight at once", () => {
    const issues = issuesOf(withDeterrenceWeights("      p_nuclear_us: 20\n      p_accept: -1\n"));
    expect(issues.map((i) => i.path)).toEqual(["perspectives.deterrence.loss_weights.p_nuclear_us", "perspectives.deterrence.loss_weights.p_accept"]);
  });

  it("the scenario's own loss weights also get a did-you-mean hint for an unknown outcome", () => {
    const text = mutate("    p_sphere_at_horizon: 3\n", "    p_sphere_at_horizn: 3\n");
    expect(onlyIssue(text)).toMatchObject({ path: "loss.weights.p_sphere_at_horizn", hint: 'did you mean "p_sphere_at_horizon"?' });
  });
});
