import { describe, expect, it } from "vitest";
import {
  durationLogLikelihood, exponentialRates, fitDurationDependence, logitNormalMoments, profileBaseHazards, type Spells,
} from "../../../src/evidence/calibration/duration-dependence.js";
import { integratedPeaceHazardFactor } from "../../../src/models/duration.js";
import { AnalysisRandom } from "../../../src/math/random.js";

/** Spells from h(t) = h0(ψ + (1 − ψ)e^{−t/τ}) by inverting H(t) = E, E ~ Exp(1), censored uniformly on [0, C]. */
function simulate(n: number, h0: number, floor: number, tauYears: number, censorYears: number, seed: number): Spells {
  const random = new AnalysisRandom(seed, 7);
  const years = new Float64Array(n);
  const event = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const target = -Math.log(1 - random.nextFloat());
    let lo = 0;
    let hi = 1e4;
    for (let k = 0; k < 100; k++) {
      const mid = (lo + hi) / 2;
      if (h0 * integratedPeaceHazardFactor(mid, floor, tauYears) < target) lo = mid;
      else hi = mid;
    }
    const censor = censorYears * random.nextFloat();
    years[i] = Math.min(lo, censor);
    event[i] = lo <= censor ? 1 : 0;
  }
  return { years, event, group: new Uint8Array(n), groups: 1 };
}

describe("duration-dependence likelihood", () => {
  const data = simulate(4000, 0.4, 0.2, 1.5, 15, 11);

  it("recovers the shape it was simulated from, within three standard errors", () => {
    const fit = fitDurationDependence(data);
    expect(fit.atBoundary).toBe(false);
    expect(Math.abs(Math.log(fit.floor / (1 - fit.floor)) - Math.log(0.2 / 0.8))).toBeLessThan(3 * fit.logitFloorStdErr);
    expect(Math.abs(Math.log(fit.decayMonths) - Math.log(18))).toBeLessThan(3 * fit.logDecayStdErr);
    expect(fit.likelihoodRatio).toBeGreaterThan(20);
  });

  it("with ψ = 1 the base hazard is the exponential MLE events / exposure", () => {
    const events = data.event.reduce((s, e) => s + e, 0);
    const exposure = data.years.reduce((s, t) => s + t, 0);
    expect(exponentialRates(data)[0]).toBeCloseTo(events / exposure, 12);
    // and it maximises the constant-hazard likelihood
    const at = (h: number) => durationLogLikelihood(data, [h], 1, Infinity);
    const h = events / exposure;
    expect(at(h)).toBeGreaterThan(at(h * 1.01));
    expect(at(h)).toBeGreaterThan(at(h * 0.99));
  });

  it("the profiled base hazard maximises the likelihood for a given shape", () => {
    const [h] = profileBaseHazards(data, 0.3, 2);
    const at = (x: number) => durationLogLikelihood(data, [x], 0.3, 2);
    expect(at(h)).toBeGreaterThan(at(h * 1.005));
    expect(at(h)).toBeGreaterThan(at(h * 0.995));
  });

  it("finds no decline in data with a constant hazard", () => {
    const flat = simulate(3000, 0.3, 1, 1, 10, 5);
    const fit = fitDurationDependence(flat);
    expect(fit.likelihoodRatio).toBeLessThan(10);
  });

  it("logit-normal moments match a Monte Carlo estimate", () => {
    const random = new AnalysisRandom(3, 1);
    let s1 = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u1 = random.nextFloat() || 1e-12;
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextFloat());
      const p = 1 / (1 + Math.exp(-(-1 + 0.8 * z)));
      s1 += p;
      s2 += p * p;
    }
    const mean = s1 / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    const exact = logitNormalMoments(-1, 0.8);
    // Monte Carlo SE of the mean ≈ sd/√n ≈ 3.5e-4
    expect(Math.abs(exact.mean - mean)).toBeLessThan(4 * sd / Math.sqrt(n));
    expect(exact.sd).toBeCloseTo(sd, 2);
  });
});
