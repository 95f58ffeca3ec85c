import { describe, expect, it } from "vitest";
import { findCruxes, uncertainParameters } from "../../src/analysis/cruxes.js";
import { normalCdf } from "../../src/math/distributions.js";
import { InputError } from "../../src/errors.js";
import { fakeProbe } from "./fake-probe.js";

// loss(a) = 2x, loss(b) = 1 + x, loss(c) = 10: a and b swap at x = 1; c is never lower.
// y moves every option alike (no flip); z is fixed under every perspective (never scanned).
const scenario = {
  options: ["a", "b", "c"],
  parameters: {
    x: { dist: "normal", mean: 1, sd: 0.5 },
    y: { dist: "uniform", min: 0, max: 1 },
    z: { dist: "fixed", value: 3 },
  } as const,
  perspectives: {
    hawk: { x: { dist: "normal", mean: 1.6, sd: 0.2 } },
    dove: { x: { dist: "uniform", min: 0, max: 1.2 } },
  } as const,
  outcome: (option: string, outcome: string, v: Record<string, number>) =>
    outcome !== "loss" ? 0 : option === "a" ? 2 * v.x + v.y : option === "b" ? 1 + v.x + v.y : 10,
  batches: 10,
  sharedNoise: 0.5,
  ownNoise: 0.05,
};

describe("crux finder", () => {
  it("finds the one parameter that flips a against b, its threshold with a band, and who sits where", async () => {
    const probe = fakeProbe(scenario);
    const report = await findCruxes(probe, { gridPoints: 7 });
    expect(report.parametersScanned).toEqual(["x", "y"]);
    expect(report.cruxes.length).toBe(1);
    const crux = report.cruxes[0];
    expect(crux.parameter).toBe("x");
    expect(crux.options).toEqual(["a", "b"]);
    expect(crux.thresholds.length).toBe(1);
    const t = crux.thresholds[0];
    // The exact threshold without noise is 1; the batches' own noise moves the estimate, and the
    // band (z = 1.96 standard errors over a slope of 1) must hold the exact value.
    expect(t.band[0]).toBeLessThanOrEqual(1);
    expect(t.band[1]).toBeGreaterThanOrEqual(1);
    expect(t.band[1] - t.band[0]).toBeLessThan(0.2);
    expect(crux.clear).toBe(true);
    expect(crux.regions.map((r) => r.lower)).toEqual(["a", "b"]);
    const [below, above] = crux.regions;
    expect(below.shares.baseline).toBeCloseTo(normalCdf((t.value - 1) / 0.5), 9);
    expect(below.shares.hawk).toBeCloseTo(normalCdf((t.value - 1.6) / 0.2), 9);
    expect(below.shares.dove).toBeCloseTo(t.value / 1.2, 9);
    for (const p of ["baseline", "hawk", "dove"]) expect(below.shares[p] + above.shares[p]).toBeCloseTo(1, 12);
  });

  it("locates the threshold exactly when the noise is shared by the options (common random numbers)", async () => {
    const probe = fakeProbe({ ...scenario, ownNoise: 0 });
    const report = await findCruxes(probe, { options: ["a", "b"], parameters: ["x"] });
    expect(report.cruxes[0].thresholds[0].value).toBeCloseTo(1, 9);
    const [low, high] = report.cruxes[0].thresholds[0].band;
    expect(high - low).toBeLessThan(1e-9);
  });

  it("scans each grid value once and reuses it for every pair and outcome", async () => {
    const probe = fakeProbe(scenario);
    const report = await findCruxes(probe, { outcomes: ["loss", "p_accept"], gridPoints: 5 });
    const gridRuns = probe.runs.length;
    expect(report.settingsEvaluated).toBe(gridRuns);
    expect(gridRuns).toBeLessThanOrEqual(2 * 5 + 8);
  });

  it("lists the parameters uncertain under some perspective", () => {
    expect(uncertainParameters(fakeProbe(scenario))).toEqual(["x", "y"]);
  });

  it("refuses what it cannot do with a message that says why", async () => {
    await expect(findCruxes(fakeProbe(scenario), { options: ["a"] })).rejects.toThrow(/at least two options/);
    await expect(findCruxes(fakeProbe(scenario), { options: ["a", "q"] })).rejects.toThrow(/unknown option "q"/);
    await expect(findCruxes(fakeProbe(scenario), { parameters: ["z"] })).rejects.toThrow(/not an uncertain parameter/);
    await expect(findCruxes(fakeProbe({ ...scenario, batches: 1 }))).rejects.toThrow(InputError);
  });
});
