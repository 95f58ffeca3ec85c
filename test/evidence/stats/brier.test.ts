import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { brierScore } from "../../../src/evidence/stats/brier.js";
import { expectClose, fixtureCsv, fixtureJson } from "../fixtures.js";

interface MurphyFixture {
  brier: number; reliability: number; resolution: number; uncertainty: number; counts: number[];
  mean_forecast: number[]; observed: number[];
}
const expected = fixtureJson<Record<string, MurphyFixture>>("survival", "brier.json");
const { forecast, outcome } = fixtureCsv("survival", "forecasts.csv");

describe("Brier score and Murphy decomposition against a hand computation in R", () => {
  for (const [name, bins] of [["bins10", 10], ["bins5", 5], ["distinct", "distinct"]] as const) {
    it(`${name}: score, reliability, resolution, uncertainty and bins`, () => {
      const result = brierScore(forecast, outcome, bins);
      const e = expected[name];
      expectClose([result.brier, result.reliability, result.resolution, result.uncertainty],
        [e.brier, e.reliability, e.resolution, e.uncertainty], 1e-12, name);
      expect(result.bins.map((b) => b.count)).toEqual(e.counts);
      expectClose(result.bins.map((b) => b.meanForecast), e.mean_forecast, 1e-12, "mean forecast");
      expectClose(result.bins.map((b) => b.observedFrequency), e.observed, 1e-12, "observed");
    });
  }

  it("with one bin per distinct forecast the decomposition is exact", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.boolean()), { minLength: 1, maxLength: 80 }),
      (pairs) => {
        const f = pairs.map(([k]) => k / 10);
        const o = pairs.map(([, y]) => (y ? 1 : 0));
        const r = brierScore(f, o, "distinct");
        expect(Math.abs(r.withinBinResidual)).toBeLessThan(1e-12);
      },
    ));
  });

  it("forecasting the base rate has zero skill and zero reliability error", () => {
    const o = [1, 0, 0, 1, 0];
    const r = brierScore(o.map(() => 0.4), o);
    expect(r.brier).toBeCloseTo(0.24, 14);
    expect(r.skillVersusBaseRate).toBeCloseTo(0, 14);
    expect(r.reliability).toBeCloseTo(0, 14);
  });

  it("rejects forecasts outside [0, 1]", () => {
    expect(() => brierScore([1.2], [1])).toThrow(/forecast 1 must be a probability/);
  });
});
