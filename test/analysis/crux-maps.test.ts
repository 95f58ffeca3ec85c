import { describe, expect, it } from "vitest";
import { bestOptionMap } from "../../src/analysis/crux-maps.js";
import { fakeProbe } from "./fake-probe.js";

// loss(a) = x + y, loss(b) = 1, loss(c) = 10: a is best below the line x + y = 1.
const scenario = {
  options: ["a", "b", "c"],
  parameters: { x: { dist: "uniform", min: 0, max: 1 }, y: { dist: "uniform", min: 0, max: 1 } } as const,
  perspectives: {},
  outcome: (option: string, outcome: string, v: Record<string, number>) =>
    outcome === "p_accept" ? (option === "c" ? 0.9 : 0.1) : option === "a" ? v.x + v.y : option === "b" ? 1 : 10,
  batches: 6,
  sharedNoise: 1,
  ownNoise: 0.01,
};

describe("two-parameter maps of the best option", () => {
  it("mark each cell with the option of lowest loss, and the margin over the runner-up", async () => {
    const map = await bestOptionMap(fakeProbe(scenario), { x: "x", y: "y", resolution: 5 });
    // Uniform(0,1) priors: the grid is at the quantiles 0.1, 0.3, 0.5, 0.7, 0.9.
    expect(map.x.values.map((v) => Number(v.toFixed(9)))).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    map.cells.forEach((row, yi) =>
      row.forEach((cell, xi) => {
        const sum = map.x.values[xi] + map.y.values[yi];
        if (Math.abs(sum - 1) < 1e-6) return;
        expect(cell.best).toBe(sum < 1 ? "a" : "b");
        expect(cell.margin.mean).toBeCloseTo(Math.abs(1 - sum), 1);
        expect(cell.clear).toBe(true);
      }),
    );
  });

  it("takes more as better for the probability of acceptance", async () => {
    const map = await bestOptionMap(fakeProbe(scenario), { x: "x", y: "y", resolution: 2, outcome: "p_accept" });
    expect(map.cells.flat().every((c) => c.best === "c")).toBe(true);
  });

  it("rejects the same parameter twice and unknown parameters", async () => {
    await expect(bestOptionMap(fakeProbe(scenario), { x: "x", y: "x" })).rejects.toThrow(/two different parameters/);
    await expect(bestOptionMap(fakeProbe(scenario), { x: "x", y: "w" })).rejects.toThrow(/"w" is not an uncertain parameter/);
  });
});
