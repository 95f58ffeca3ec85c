import { describe, expect, it } from "vitest";
import type { CalibrationAnswer, CalibratedPriorFit } from "../../src/contract/evidence.js";
import { calibrationFitChart, standardizedInterval } from "../../web/src/charts/calibration-charts.js";
import { renderSvg } from "../../web/src/charts/svg.js";
import type { Mark } from "../../web/src/charts/spec.js";

const fit = (parameter: string, calibrated: [number, number], scenario: [number, number], zs: Record<string, number>): CalibratedPriorFit => ({
  id: `calibrated_${parameter}`, parameter, measures: "m", method: "maximum likelihood", data: "d", citation: "c",
  calibrated: { dist: "lognormal", mean: calibrated[0], sd: calibrated[1] },
  scenario: { dist: "gamma", mean: scenario[0], sd: scenario[1] },
  figures: { n: 10 },
  distances: Object.entries(zs).map(([perspective, z]) => ({ perspective, mean: calibrated[0] + z * calibrated[1], evidenceQuantile: 0.5, standardized: z })),
});

// window rate: evidence 0.2 ± 0.05, scenario 0.5 ± 0.1 → scenario's ±2 sd on z: (0.3−0.2)/0.05 = 2 to (0.7−0.2)/0.05 = 10
// spoiler scale: evidence 10 ± 2, scenario 10 ± 1 → z −1 to 1
const answer: CalibrationAnswer = {
  scenario: "test scenario",
  priors: [
    fit("window_rate_per_year", [0.2, 0.05], [0.5, 0.1], { baseline: 6, deterrence: -1 }),
    fit("spoiler_rate_scale", [10, 2], [10, 1], { baseline: 0, deterrence: 0.5 }),
  ],
  note: "",
};

const rects = (marks: Mark[]) => marks.filter((m): m is Extract<Mark, { type: "rect" }> => m.type === "rect");

describe("calibration fit chart", () => {
  it("maps mean ± 2 sd onto the evidence prior's standardized scale", () => {
    expect(standardizedInterval({ dist: "gamma", mean: 0.5, sd: 0.1 }, { dist: "lognormal", mean: 0.2, sd: 0.05 })).toEqual([expect.closeTo(2, 12), expect.closeTo(10, 12)]);
    expect(standardizedInterval({ dist: "lognormal", mean: 0.2, sd: 0.05 }, { dist: "lognormal", mean: 0.2, sd: 0.05 })).toEqual([expect.closeTo(-2, 12), expect.closeTo(2, 12)]);
  });

  it("draws per parameter the evidence interval at −2 to 2 and the scenario's interval where its mean ± 2 sd lies", () => {
    const { spec, data } = calibrationFitChart(answer);
    expect(spec.y).toMatchObject({ type: "band", domain: ["λ_w (window_rate_per_year)", expect.stringContaining("spoiler_rate_scale")] });
    const [evidenceWindow, scenarioWindow, evidenceSpoiler, scenarioSpoiler] = rects(spec.marks);
    expect(evidenceWindow.x).toEqual([-2, 2]);
    expect(evidenceSpoiler.x).toEqual([-2, 2]);
    expect((scenarioWindow.x as number[])[0]).toBeCloseTo(2, 12);
    expect((scenarioWindow.x as number[])[1]).toBeCloseTo(10, 12);
    expect((scenarioSpoiler.x as number[])[0]).toBeCloseTo(-1, 12);
    expect((scenarioSpoiler.x as number[])[1]).toBeCloseTo(1, 12);
    expect(spec.x.type === "linear" && spec.x.domain[0] <= -2 && spec.x.domain[1] >= 10).toBe(true);
    expect(spec.summary).toMatch(/more than 2 sd from the evidence for λ_w \(window_rate_per_year\)\./);
    expect(data.rows[0]).toEqual(["window_rate_per_year", "lognormal", 0.2, 0.05, "gamma", 0.5, 0.1, expect.closeTo(2, 12), expect.closeTo(10, 12), 6, -1]);
    expect(data.columns.slice(-2)).toEqual(["z_baseline", "z_deterrence"]);
  });

  it("marks each perspective's mean (other than the baseline, which is the scenario's) at its standardized distance", () => {
    const { spec } = calibrationFitChart(answer);
    const dots = spec.marks.filter((m): m is Extract<Mark, { type: "dot" }> => m.type === "dot");
    expect(dots.map((d) => d.name)).toEqual(["deterrence mean"]);
    expect(dots[0].points.map((p) => p.x)).toEqual([-1, 0.5]);
  });

  it("draws what lies beyond ±12 sd at the edge and says so, the CSV keeping the value", () => {
    const far: CalibrationAnswer = { ...answer, priors: [fit("peace_hazard_floor", [0.035, 0.01], [0.5, 0.2], { baseline: 46.5, deterrence: 46.5 }), ...answer.priors] };
    const { spec, data } = calibrationFitChart(far);
    expect(rects(spec.marks)[1].x).toEqual([expect.closeTo(6.5, 12), 12]);
    expect(spec.x.type === "linear" && spec.x.domain[1]).toBe(12);
    expect(spec.summary).toMatch(/beyond ±12 drawn at the edge/);
    expect(data.rows[0][8]).toBeCloseTo(86.5, 12);
  });

  it("carries its title and source into the exports", () => {
    const { spec } = calibrationFitChart(answer);
    expect(spec.title).toMatch(/test scenario/);
    expect(spec.context).toMatchObject({ kind: "calibration-fit", subject: "test scenario", source: expect.stringContaining("priors.yaml") });
    expect(renderSvg(spec)).toContain("<svg");
  });
});
