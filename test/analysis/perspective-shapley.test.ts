import { describe, expect, it } from "vitest";
import { differingParameters, explainPerspectives, mainContributors } from "../../src/analysis/perspective-shapley.js";
import { fakeProbe } from "./fake-probe.js";

// loss(o) = 2m + 3a + m·a (+ 1 for option q), read at the priors' means. "hawk" has m = 1,
// a = 0; "dove" has m = 2, a = 1 and also changes the inert parameter z. By hand:
// v(∅) = 2, v({m}) = 4, v({a}) = 6, v({m, a}) = 9, so φ_m = ((4−2) + (9−6))/2 = 2.5,
// φ_a = ((6−2) + (9−4))/2 = 4.5, φ_z = 0, and they add up to 9 − 2 = 7.
const scenario = {
  options: ["p", "q"],
  parameters: {
    m: { dist: "normal", mean: 1, sd: 0.1 },
    a: { dist: "normal", mean: 0, sd: 0.1 },
    z: { dist: "uniform", min: 0, max: 1 },
    same: { dist: "uniform", min: 0, max: 1 },
  } as const,
  perspectives: {
    hawk: {},
    dove: { m: { dist: "normal", mean: 2, sd: 0.1 }, a: { dist: "normal", mean: 1, sd: 0.3 }, z: { dist: "fixed", value: 0.9 } },
  } as const,
  outcome: (option: string, _o: string, v: Record<string, number>) => 2 * v.m + 3 * v.a + v.m * v.a + (option === "q" ? 1 : 0),
  batches: 5,
  sharedNoise: 0.4,
  ownNoise: 0.02,
};

describe("why perspectives disagree", () => {
  it("splits the gap between two perspectives into the Shapley values of the parameters they set differently", async () => {
    const probe = fakeProbe(scenario);
    expect(differingParameters(probe, "hawk", "dove")).toEqual(["m", "a", "z"]);
    const report = await explainPerspectives(probe, { from: "hawk", to: "dove", targets: [{ outcome: "loss", option: "p" }] });
    expect(report.method).toBe("exact");
    expect(report.coalitionsEvaluated).toBe(8);
    const [explanation] = report.explanations;
    const phi = Object.fromEntries(explanation.contributions.map((c) => [c.parameter, c.mean]));
    expect(phi.a).toBeCloseTo(4.5, 12);
    expect(phi.m).toBeCloseTo(2.5, 12);
    expect(phi.z).toBeCloseTo(0, 12);
    expect(explanation.gap.mean).toBeCloseTo(7, 12);
    expect(explanation.atTo.mean - explanation.atFrom.mean).toBeCloseTo(7, 12);
    expect(explanation.contributions.map((c) => c.parameter)).toEqual(["a", "m", "z"]);
    expect(mainContributors(explanation)).toEqual(["a", "m"]);
    // Common random numbers: the batches' noise cancels in every contribution.
    expect(explanation.contributions[0].se).toBeCloseTo(0, 12);
  });

  it("explains the difference between two options, where a shift shared by both cancels", async () => {
    const probe = fakeProbe(scenario);
    const report = await explainPerspectives(probe, { from: "hawk", to: "dove", targets: [{ outcome: "loss", option: "q", versus: "p" }] });
    const [explanation] = report.explanations;
    expect(explanation.gap.mean).toBeCloseTo(0, 12);
    expect(explanation.atFrom.mean).toBeCloseTo(1, 1);
  });

  it("says so when there is nothing to explain or a perspective is unknown", async () => {
    const probe = fakeProbe(scenario);
    await expect(explainPerspectives(probe, { from: "baseline", to: "hawk", targets: [{ outcome: "loss", option: "p" }] })).rejects.toThrow(/every parameter alike/);
    await expect(explainPerspectives(probe, { from: "hawk", to: "owl", targets: [{ outcome: "loss", option: "p" }] })).rejects.toThrow(/unknown perspective "owl"/);
  });
});
