/**
 * Scoring probability forecasts of a binary event: the Brier score, Murphy's (1973)
 * decomposition into reliability, resolution and uncertainty over forecast bins, and the bins
 * of a reliability diagram (mean forecast against observed frequency, with its binomial SE).
 */
import type { BrierDecomposition, ReliabilityBin } from "../../contract/evidence.js";
import { InputError } from "../../errors.js";

export type { BrierDecomposition, ReliabilityBin };

/**
 * Brier score and decomposition. `bins` is the number of equal-width forecast bins on [0, 1]
 * (forecast f goes to bin min(K−1, ⌊fK⌋)), or "distinct" for one bin per distinct forecast value,
 * which makes the decomposition exact.
 */
export function brierScore(forecast: ArrayLike<number>, outcome: ArrayLike<number>, bins: number | "distinct" = 10): BrierDecomposition {
  const n = checkForecasts(forecast, outcome);
  let squaredSum = 0;
  let squaredSquares = 0;
  let baseRate = 0;
  for (let i = 0; i < n; i++) {
    const error = (forecast[i] - outcome[i]) ** 2;
    squaredSum += error;
    squaredSquares += error * error;
    baseRate += outcome[i];
  }
  const brier = squaredSum / n;
  baseRate /= n;
  const variance = n > 1 ? (squaredSquares - n * brier * brier) / (n - 1) : 0;
  const grouped = groupForecasts(forecast, outcome, n, bins);
  let reliability = 0;
  let resolution = 0;
  for (const bin of grouped) {
    reliability += (bin.count * (bin.meanForecast - bin.observedFrequency) ** 2) / n;
    resolution += (bin.count * (bin.observedFrequency - baseRate) ** 2) / n;
  }
  const uncertainty = baseRate * (1 - baseRate);
  return {
    n, brier, brierStdErr: Math.sqrt(Math.max(0, variance) / n), reliability, resolution, uncertainty,
    withinBinResidual: brier - (reliability - resolution + uncertainty),
    skillVersusBaseRate: uncertainty > 0 ? 1 - brier / uncertainty : Number.NaN,
    baseRate, bins: grouped,
  };
}

function groupForecasts(forecast: ArrayLike<number>, outcome: ArrayLike<number>, n: number, bins: number | "distinct"): ReliabilityBin[] {
  const keyOf = (f: number): number => (bins === "distinct" ? f : Math.min(bins - 1, Math.floor(f * bins)));
  const groups = new Map<number, { count: number; forecastSum: number; outcomeSum: number; lo: number; hi: number }>();
  for (let i = 0; i < n; i++) {
    const key = keyOf(forecast[i]);
    const group = groups.get(key) ?? { count: 0, forecastSum: 0, outcomeSum: 0, lo: Infinity, hi: -Infinity };
    group.count++;
    group.forecastSum += forecast[i];
    group.outcomeSum += outcome[i];
    group.lo = Math.min(group.lo, forecast[i]);
    group.hi = Math.max(group.hi, forecast[i]);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, g]) => {
      const observedFrequency = g.outcomeSum / g.count;
      return {
        lower: bins === "distinct" ? g.lo : key / bins,
        upper: bins === "distinct" ? g.hi : (key + 1) / bins,
        count: g.count,
        meanForecast: g.forecastSum / g.count,
        observedFrequency,
        observedStdErr: Math.sqrt((observedFrequency * (1 - observedFrequency)) / g.count),
      };
    });
}

function checkForecasts(forecast: ArrayLike<number>, outcome: ArrayLike<number>): number {
  if (forecast.length !== outcome.length) {
    throw new InputError(`Brier score: ${forecast.length} forecasts but ${outcome.length} outcomes`);
  }
  if (forecast.length === 0) throw new InputError("Brier score: no forecasts to score");
  for (let i = 0; i < forecast.length; i++) {
    if (!(forecast[i] >= 0 && forecast[i] <= 1)) {
      throw new InputError(`Brier score: forecast ${i + 1} must be a probability in [0, 1], got ${String(forecast[i])}`);
    }
    if (outcome[i] !== 0 && outcome[i] !== 1) {
      throw new InputError(`Brier score: outcome ${i + 1} must be 0 or 1, got ${String(outcome[i])}`);
    }
  }
  return forecast.length;
}
