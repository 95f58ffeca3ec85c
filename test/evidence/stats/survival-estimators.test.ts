import { describe, expect, it } from "vitest";
import { kaplanMeier, medianSurvival, survivalAt, type ConfidenceTransform } from "../../../src/evidence/stats/kaplan-meier.js";
import { logRankTest } from "../../../src/evidence/stats/log-rank.js";
import { survivalSample } from "../../../src/evidence/stats/survival-data.js";
import { InputError } from "../../../src/errors.js";
import { expectClose, fixtureCsv, fixtureJson } from "../fixtures.js";

interface KmFixture {
  data: string; conf: ConfidenceTransform; time: number[]; n_risk: number[]; n_event: number[]; n_censor: number[];
  surv: number[]; std_err: (number | null)[]; lower: (number | null)[]; upper: (number | null)[]; median: number | null;
}
interface LogRankFixture {
  data: string; group: string; observed: number[]; expected: number[]; variance: number[]; chisq: number; df: number; p: number;
}

const datasets = ["lung", "ovarian", "aml"] as const;
const load = (name: string) => fixtureCsv("survival", `${name}.csv`);
const kmFixtures = fixtureJson<Record<string, KmFixture>>("survival", "kaplan-meier.json");

describe("Kaplan–Meier against R survfit()", () => {
  for (const [caseName, expected] of Object.entries(kmFixtures)) {
    if (!(datasets as readonly string[]).includes(expected.data)) continue;
    it(`${caseName}: survival, Greenwood SE and ${expected.conf} interval match to 1e-8`, () => {
      const d = load(expected.data);
      const curve = kaplanMeier(survivalSample(d.time, d.event), { transform: expected.conf });
      expect(curve.time).toEqual(expected.time);
      expect(curve.nRisk).toEqual(expected.n_risk);
      expect(curve.nEvent).toEqual(expected.n_event);
      expect(curve.nCensor).toEqual(expected.n_censor);
      expectClose(curve.survival, expected.surv, 1e-10, "surv");
      expectClose(curve.stdErrLogSurvival, expected.std_err, 1e-10, "std.err");
      expectClose(curve.lower, expected.lower, 1e-10, "lower");
      expectClose(curve.upper, expected.upper, 1e-10, "upper");
      if (expected.median === null) expect(medianSurvival(curve)).toBeNaN();
      else expect(medianSurvival(curve)).toBe(expected.median);
    });
  }

  it("without censoring the curve is the empirical survival function", () => {
    const curve = kaplanMeier(survivalSample([3, 1, 2, 2, 5], [1, 1, 1, 1, 1]));
    expect(curve.survival).toEqual([0.8, 0.4, 0.2, 0]);
    expect(survivalAt(curve, 0.5)).toBe(1);
    expect(survivalAt(curve, 2.5)).toBe(0.4);
  });

  it("rejects malformed data with a message naming the observation", () => {
    expect(() => survivalSample([1, -2], [1, 0])).toThrow(/time of observation 2/);
    expect(() => survivalSample([1, 2], [1, 2])).toThrow(InputError);
    expect(() => survivalSample([1], [1, 0])).toThrow(/same length/);
  });
});

describe("log-rank test against R survdiff()", () => {
  for (const expected of fixtureJson<LogRankFixture[]>("survival", "log-rank.json")) {
    if (!(datasets as readonly string[]).includes(expected.data)) continue;
    it(`${expected.data} by ${expected.group}`, () => {
      const d = load(expected.data);
      const result = logRankTest(survivalSample(d.time, d.event), d[expected.group].map(String));
      expectClose(result.observed, expected.observed, 1e-12, "observed");
      expectClose(result.expected, expected.expected, 1e-10, "expected");
      expectClose(result.variance, expected.variance, 1e-10, "variance");
      expectClose([result.chiSquare], [expected.chisq], 1e-9, "chisq");
      expect(result.degreesOfFreedom).toBe(expected.df);
      expect(Math.abs(result.pValue - expected.p)).toBeLessThanOrEqual(1e-9 * expected.p + 1e-15);
    });
  }

  it("needs two groups", () => {
    expect(() => logRankTest(survivalSample([1, 2], [1, 1]), ["a", "a"])).toThrow(/at least two groups/);
  });
});
