import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CRISIS_ATTACK,
  CRISIS_DEFENDER_HELD,
  CRISIS_NOT_PRESSED,
  CRISIS_PRESS_OR_ATTACK,
  CRISIS_PROTEGE_YIELDS,
  CRISIS_SLOTS,
  CRISIS_WAR,
  crisisOutcome,
  pressCutPoint,
} from "../../src/models/crisis.js";
import { attackCutPoint, attackProbabilityPerWindow, crisisEscalationProbability } from "../../src/models/stage-game.js";
import { normalQuantile } from "../../src/math/distributions.js";
import { Stream } from "../../src/math/random.js";

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const pos = fc.double({ min: 0.05, max: 10, noNaN: true });
const real = fc.double({ min: -2, max: 2, noNaN: true });

describe("the crisis law against a brute-force simulation of the crisis game", () => {
  it("war, yield, hold and no-press shares match the game played stake by stake", () => {
    const cases = [
      { mu: -0.5, sigma: 0.8, gain: 0.3, cost: 2.0, e: 0.05, hHat: 0.4, h: 0.6, conc: 0.1 },
      { mu: 0.2, sigma: 1.0, gain: 0.2, cost: 3.5, e: 0.15, hHat: 0.8, h: 0.5, conc: 0.2 },
      { mu: -1.0, sigma: 0.6, gain: 0.45, cost: 1.2, e: 0.3, hHat: 0.1, h: 0.9, conc: 0.05 },
    ];
    const n = 200_000;
    const out = new Float64Array(CRISIS_SLOTS);
    for (const c of cases) {
      const rng = new Stream(11, 0, 5);
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        const v = Math.exp(c.mu + c.sigma * normalQuantile(rng.next()));
        const attack = c.gain * v - c.cost > 0;
        const press = c.e * (c.gain * v - c.cost) + (1 - c.e) * (1 - c.hHat) * c.conc * v > 0;
        if (attack) counts[0]++;
        else if (!press) counts[3]++;
        else if (rng.next() < c.e) counts[0]++;
        else if (rng.next() < c.h) counts[2]++;
        else counts[1]++;
      }
      crisisOutcome(out, c.mu, c.sigma, c.gain, c.cost, c.e, c.hHat, c.h, c.conc);
      for (const [slot, k] of [[CRISIS_WAR, 0], [CRISIS_PROTEGE_YIELDS, 1], [CRISIS_DEFENDER_HELD, 2], [CRISIS_NOT_PRESSED, 3]] as const) {
        const p = out[slot];
        const se = Math.sqrt((p * (1 - p)) / n);
        expect(Math.abs(counts[k] / n - p)).toBeLessThan(4 * se + 1e-9);
      }
    }
  });
});

describe("the crisis law's limits and invariants", () => {
  const out = new Float64Array(CRISIS_SLOTS);

  it("is the law of model v1, e + (1 − e)·P(attack | window), when the challenger always presses", () => {
    // a concession worth far more than the risk: V_c → 0, so every stake presses
    const mu = -0.5, sigma = 0.8, gain = 0.3, cost = 2, e = 0.05;
    crisisOutcome(out, mu, sigma, gain, cost, e, 0, 0.5, 1e12);
    const attack = attackProbabilityPerWindow(attackCutPoint(0, 0, 0, gain, cost), mu, sigma);
    expect(out[CRISIS_PRESS_OR_ATTACK]).toBeCloseTo(1, 9);
    expect(out[CRISIS_WAR]).toBeCloseTo(crisisEscalationProbability(e, attack), 9);
  });

  it("with no risk of slipping into war (e = 0) only deliberate attacks become wars", () => {
    crisisOutcome(out, 0, 1, 0.3, 2, 0, 0.5, 0.5, 0.1);
    expect(out[CRISIS_WAR]).toBeCloseTo(out[CRISIS_ATTACK], 12);
    expect(out[CRISIS_NOT_PRESSED]).toBeCloseTo(0, 12); // pressing is free
  });

  it("the press cut point lies below the attack cut point V* = k̄/π̄", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1, noNaN: true }), pos, pos, prob, prob, (e, gain, cost, hHat, conc) => {
        expect(pressCutPoint(e, gain, cost, hHat, conc)).toBeLessThanOrEqual(cost / gain * (1 + 1e-12));
      }),
    );
  });

  it("outcomes are probabilities summing to 1", () => {
    fc.assert(
      fc.property(real, pos, fc.double({ min: 0, max: 2, noNaN: true }), pos, prob, prob, prob, prob, (mu, sigma, gain, cost, e, hHat, h, conc) => {
        crisisOutcome(out, mu, sigma, gain, cost, e, hHat, h, conc);
        const sum = out[CRISIS_WAR] + out[CRISIS_PROTEGE_YIELDS] + out[CRISIS_DEFENDER_HELD] + out[CRISIS_NOT_PRESSED];
        expect(sum).toBeCloseTo(1, 12);
        for (let k = 0; k < CRISIS_SLOTS; k++) {
          expect(out[k]).toBeGreaterThanOrEqual(-1e-15);
          expect(out[k]).toBeLessThanOrEqual(1 + 1e-15);
        }
      }),
    );
  });

  it("more perceived resolve never raises the chance that a crisis ends in war (every option, stakes fixed)", () => {
    fc.assert(
      fc.property(real, pos, pos, pos, prob, prob, prob, prob, prob, (mu, sigma, gain, cost, e, h1, h2, h, conc) => {
        crisisOutcome(out, mu, sigma, gain, cost, e, Math.min(h1, h2), h, conc);
        const low = out[CRISIS_WAR];
        crisisOutcome(out, mu, sigma, gain, cost, e, Math.max(h1, h2), h, conc);
        expect(out[CRISIS_WAR]).toBeLessThanOrEqual(low + 1e-12);
      }),
    );
  });

  it("a higher expected cost of war never raises the chance of war; a higher stake never lowers it", () => {
    fc.assert(
      fc.property(real, real, pos, pos, pos, pos, prob, prob, prob, (m1, m2, sigma, gain, c1, c2, e, hHat, conc) => {
        crisisOutcome(out, m1, sigma, gain, Math.min(c1, c2), e, hHat, 0.5, conc);
        const cheap = out[CRISIS_WAR];
        crisisOutcome(out, m1, sigma, gain, Math.max(c1, c2), e, hHat, 0.5, conc);
        expect(out[CRISIS_WAR]).toBeLessThanOrEqual(cheap + 1e-12);
        crisisOutcome(out, Math.min(m1, m2), sigma, gain, c1, e, hHat, 0.5, conc);
        const small = out[CRISIS_WAR];
        crisisOutcome(out, Math.max(m1, m2), sigma, gain, c1, e, hHat, 0.5, conc);
        expect(out[CRISIS_WAR]).toBeGreaterThanOrEqual(small - 1e-12);
      }),
    );
  });
});
