import { describe, expect, it } from "vitest";
import { logScore, skillScore } from "../../../src/evidence/backtest/skill.js";

describe("skill scores against a reference", () => {
  it("matches a hand computation: 1 − mean(a)/mean(b) and its delta-method SE", () => {
    // a = (0.04, 0.16, 0.01, 0.25), b = (0.09, 0.25, 0.04, 0.36): Ā = 0.115, B̄ = 0.185, SS = 1 − 0.115/0.185 = 0.3783784
    // s²_a = 0.0123, s²_b = 0.0216333…, s_ab = 0.0163 (n − 1 = 3);
    // SE = √([s²_a/B̄² − 2Ā s_ab/B̄³ + Ā² s²_b/B̄⁴]/4) = 0.0536843 (numpy: var(ddof=1), cov, same formula)
    const s = skillScore([0.04, 0.16, 0.01, 0.25], [0.09, 0.25, 0.04, 0.36]);
    expect(s.skill).toBeCloseTo(1 - 0.115 / 0.185, 12);
    const [A, B] = [0.115, 0.185];
    const varA = (0.075 ** 2 + 0.045 ** 2 + 0.105 ** 2 + 0.135 ** 2) / 3;
    const varB = (0.095 ** 2 + 0.065 ** 2 + 0.145 ** 2 + 0.175 ** 2) / 3;
    const cov = (0.075 * 0.095 + 0.045 * 0.065 + 0.105 * 0.145 + 0.135 * 0.175) / 3;
    expect(varA).toBeCloseTo(0.0123, 12);
    expect(cov).toBeCloseTo(0.0163, 12);
    const se = Math.sqrt((varA / B ** 2 - (2 * A * cov) / B ** 3 + (A ** 2 * varB) / B ** 4) / 4);
    expect(s.stdErr).toBeCloseTo(se, 12);
    expect(s.stdErr).toBeCloseTo(0.0536843, 6);
  });

  it("a forecast scored against itself has skill 0 and SE 0; a perfect one skill 1", () => {
    const self = skillScore([0.1, 0.3, 0.2], [0.1, 0.3, 0.2]);
    expect(self.skill).toBe(0);
    expect(self.stdErr).toBeCloseTo(0, 7);
    expect(skillScore([0, 0, 0], [0.1, 0.3, 0.2]).skill).toBe(1);
  });

  it("refuses unpaired losses", () => {
    expect(() => skillScore([0.1], [0.1, 0.2])).toThrow(/paired/);
  });
});

describe("the log score", () => {
  it("is the mean negative log-probability of what happened, clamped at ε", () => {
    const s = logScore([0.8, 0.25, 0, 1], [1, 0, 0, 0]);
    const expected = [-Math.log(0.8), -Math.log(0.75), -Math.log(1 - 0.001), -Math.log(0.001)];
    s.losses.forEach((l, i) => expect(l).toBeCloseTo(expected[i], 9));
    expect(s.mean).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 4, 12);
  });
});
