import { describe, expect, it } from "vitest";
import type { HistoricalCase } from "../../../src/evidence/cases/historical-cases.js";
import { runBacktest } from "../../../src/evidence/backtest/backtest.js";
import { baseRatePredictor, breslowCumulativeHazard, coxPredictor } from "../../../src/evidence/backtest/baselines.js";
import { outcomeWithin, type Predictor } from "../../../src/evidence/backtest/predictor.js";

const makeCase = (i: number, yearsAtRisk: number, event: 0 | 1, x = 0, year = 1900 + i): HistoricalCase => ({
  id: `c${i}`, label: `case ${i}`, year, yearsAtRisk, event, covariates: { x },
});
// deterministic pseudo-random cases: group x = 1 fails faster
const cases: HistoricalCase[] = Array.from({ length: 60 }, (_, i) => {
  const x = i % 2;
  const u = ((i * 7919) % 61) / 61 + 0.01;
  const time = -Math.log(u) * (x === 1 ? 3 : 12);
  return time > 15 ? makeCase(i, 15, 0, x) : makeCase(i, Math.round(time * 100) / 100, 1, x);
});

describe("backtest outcomes", () => {
  it("a case is a failure by k if war resumed by k, a success if followed past k, unknown otherwise", () => {
    expect(outcomeWithin(makeCase(0, 3, 1), 5)).toBe(1);
    expect(outcomeWithin(makeCase(0, 7, 1), 5)).toBe(0);
    expect(outcomeWithin(makeCase(0, 7, 0), 5)).toBe(0);
    expect(outcomeWithin(makeCase(0, 3, 0), 5)).toBeNull();
  });
});

describe("baseline predictors", () => {
  it("without censoring the base rate is the share that failed by k", () => {
    const uncensored = [1, 2, 3, 4, 6, 8, 9, 12].map((t, i) => makeCase(i, t, 1));
    const [[risk5]] = baseRatePredictor().predict(uncensored, [uncensored[0]], [5]) as number[][];
    expect(risk5).toBeCloseTo(4 / 8, 14);
  });

  it("with a zero linear predictor the Breslow hazard is the Nelson–Aalen estimator", () => {
    const sample = [makeCase(0, 1, 1), makeCase(1, 2, 0), makeCase(2, 2, 1), makeCase(3, 4, 1), makeCase(4, 5, 0)];
    const hazard = breslowCumulativeHazard(sample, sample.map(() => 0));
    expect(hazard(0.5)).toBe(0);
    expect(hazard(2)).toBeCloseTo(1 / 5 + 1 / 4, 14);
    expect(hazard(10)).toBeCloseTo(1 / 5 + 1 / 4 + 1 / 2, 14);
  });

  it("the Cox predictor gives the faster-failing group the higher risk", () => {
    const [low, high] = coxPredictor(["x"]).predict(cases, [makeCase(100, 1, 0, 0), makeCase(101, 1, 0, 1)], [5]) as number[][];
    expect(high[0]).toBeGreaterThan(low[0]);
  });
});

describe("runBacktest", () => {
  const oracle: Predictor = {
    id: "oracle", label: "knows the answer", trainingFree: true,
    predict: (_t, test, horizons) => test.map((c) => horizons.map((k) => outcomeWithin(c, k) ?? 0.5)),
  };
  const coin: Predictor = { id: "coin", label: "one half", predict: (_t, test, h) => test.map(() => h.map(() => 0.5)) };

  it("a perfect forecaster scores 0 and a coin 0.25", async () => {
    const report = await runBacktest({ cases, predictors: [coin, oracle], horizons: [2, 5], scheme: { kind: "leave-one-out" } });
    for (const h of report.horizons) {
      expect(h.scores[0].score.brier).toBeCloseTo(0.25, 14);
      expect(h.scores[1].score.brier).toBe(0);
      expect(h.scores[1].differenceVsReference.mean).toBeCloseTo(-0.25, 14);
    }
  });

  it("leave-one-out forecasts of a case do not depend on that case's outcome", async () => {
    const flipped = cases.map((c, i) => (i === 3 ? { ...c, event: (1 - c.event) as 0 | 1 } : c));
    const a = await runBacktest({ cases, predictors: [coxPredictor(["x"])], horizons: [5], scheme: { kind: "leave-one-out" } });
    const b = await runBacktest({ cases: flipped, predictors: [coxPredictor(["x"])], horizons: [5], scheme: { kind: "leave-one-out" } });
    expect(a.forecasts[0][3]).toEqual(b.forecasts[0][3]);
    expect(a.forecasts[0][4]).not.toEqual(b.forecasts[0][4]);
  });

  it("a time split trains on earlier cases and tests on later ones", async () => {
    const report = await runBacktest({ cases, predictors: [baseRatePredictor()], horizons: [5], scheme: { kind: "time-split", splitYear: 1930 } });
    expect(report.trainingCases).toBe(30);
    expect(report.testCases).toBe(30);
    expect(report.horizons[0].n + report.horizons[0].censoredBefore).toBe(30);
  });

  it("rejects a split that leaves no training data and forecasts that are not probabilities", async () => {
    await expect(runBacktest({ cases, predictors: [coin], horizons: [5], scheme: { kind: "time-split", splitYear: 1800 } })).rejects.toThrow(/training/);
    const bad: Predictor = { id: "bad", label: "bad", trainingFree: true, predict: (_t, test) => test.map(() => [1.5]) };
    await expect(runBacktest({ cases, predictors: [bad], horizons: [5], scheme: { kind: "leave-one-out" } })).rejects.toThrow(/bad returned/);
  });
});
