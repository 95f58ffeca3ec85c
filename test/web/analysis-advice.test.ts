/** When an analysis is too small to say anything, the page says so and suggests a size; the tornado shows the sign of each effect. */
import { describe, expect, it } from "vitest";
import type { SensitivityReport } from "../../src/contract/analysis.js";
import { sobolResultNote, sobolSizeWarning } from "../../web/src/analysis-advice.js";
import { direction, tornadoChart } from "../../web/src/charts/analysis-charts.js";

const interval = (estimate: number, halfWidth: number) => ({ estimate, se: halfWidth / 2, low: estimate - halfWidth, high: estimate + halfWidth });
const sobol = (halfWidths: number[]): SensitivityReport => ({
  method: "sobol", target: { outcome: "loss", option: "a" }, label: "loss(a)", perspective: "baseline", evaluations: 100, trajectoriesPerPoint: 50, confidence: 0.95,
  parameters: halfWidths.map((_, i) => `p${i}`),
  rows: halfWidths.map((w, i) => ({ parameter: `p${i}`, first: interval(0.1, w), total: interval(0.2, w) })),
});

describe("advice on the size of a Sobol analysis", () => {
  it("warns below 64 base samples, the default 16 included, and not from 64 on", () => {
    expect(sobolSizeWarning(16)).toMatch(/^With 16 Sobol base samples the indices are mostly noise .* at least 64/);
    expect(sobolSizeWarning(63)).not.toBe("");
    expect(sobolSizeWarning(64)).toBe("");
  });

  it("after a run, suggests four times the size when an interval spans more than 0.5, at most the server's 256", () => {
    expect(sobolResultNote(sobol([0.2, 0.1]), 16)).toBeNull();
    expect(sobolResultNote(sobol([0.1, 1.7]), 16)).toBe("The widest interval spans 3.40: at N = 16 these indices cannot rank the parameters. Try N = 64.");
    expect(sobolResultNote(sobol([0.3]), 128)).toMatch(/Try N = 256\.$/);
    expect(sobolResultNote(sobol([0.3]), 256)).toMatch(/even at N = 256, the largest size offered/);
  });
});

describe("signed effects in the tornado", () => {
  it("μ near +μ* raises the target, near −μ* lowers it, in between (or unknown) is mixed", () => {
    expect(direction(0.9, 1)).toBe("raises");
    expect(direction(-0.9, 1)).toBe("lowers");
    expect(direction(0.1, 1)).toBe("mixed");
    expect(direction(null, 1)).toBe("mixed");
    expect(direction(0, 0)).toBe("mixed");
  });

  it("colours each bar by its direction, with a legend and a direction column in the data", () => {
    const report: SensitivityReport = {
      method: "morris", target: { outcome: "loss", option: "a" }, label: "loss(a)", perspective: "baseline", evaluations: 30, trajectoriesPerPoint: 50, confidence: 0.95,
      parameters: ["moral_hazard", "resolve_discount", "window_rate_per_year"],
      rows: [
        { parameter: "moral_hazard", muStar: interval(3, 0.5), mu: 3, sigma: 0.1 },
        { parameter: "resolve_discount", muStar: interval(2, 0.5), mu: -2, sigma: 0.1 },
        { parameter: "window_rate_per_year", muStar: interval(1, 0.5), mu: 0, sigma: 1 },
      ],
    };
    const { spec, data } = tornadoChart(report);
    const fills = spec.marks.filter((m) => m.type === "rect").map((m) => (m.type === "rect" ? m.fill : ""));
    expect(new Set(fills).size).toBe(3);
    expect(data.rows.map((r) => r[data.columns.indexOf("direction")])).toEqual(["raises", "lowers", "mixed"]);
    expect(spec.legend?.map((l) => l.name)).toEqual(["raising it raises loss", "lowers it", "mixed signs"]);
  });
});
