import { describe, expect, it } from "vitest";
import { fitCox } from "../../../src/evidence/stats/cox.js";
import { coxZph } from "../../../src/evidence/stats/cox-zph.js";
import { fitLogistic } from "../../../src/evidence/stats/logistic.js";
import { survivalSample } from "../../../src/evidence/stats/survival-data.js";
import { expectClose, fixtureCsv, fixtureJson } from "../fixtures.js";

interface CoxFixture {
  data: string; covariates: string[] | string; coef: number[]; se: number[]; var: number[]; z: number[]; p: number[];
  hr_lower: number[]; hr_upper: number[]; loglik: number[]; lr: number; lr_p: number; wald: number; wald_p: number;
  score: number; score_p: number; zph_chisq: number[]; zph_df: number[]; zph_p: number[]; zph_x: number[];
  zph_time: number[]; zph_y: number[]; zph_identity_chisq: number[]; zph_identity_p: number[];
}
interface LogisticFixture {
  data: string; outcome: string; covariates: string[] | string; coef: number[]; se: number[]; z: number[]; p: number[];
  deviance: number; null_deviance: number; aic: number;
}

const asList = (x: string[] | string) => (Array.isArray(x) ? x : [x]);
const bundled = ["lung", "ovarian", "aml"];
const pClose = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-8 * expected + 1e-15);

export function coxDataFrom(columns: Record<string, number[]>, names: string[]) {
  const n = columns.time.length;
  const covariates = new Float64Array(n * names.length);
  for (let i = 0; i < n; i++) names.forEach((name, j) => (covariates[i * names.length + j] = columns[name][i]));
  return { sample: survivalSample(columns.time, columns.event), covariates, names };
}

describe("Cox model (Efron ties) against R coxph() and cox.zph()", () => {
  for (const expected of fixtureJson<CoxFixture[]>("survival", "cox.json")) {
    if (!bundled.includes(expected.data)) continue;
    const names = asList(expected.covariates);
    const data = coxDataFrom(fixtureCsv("survival", `${expected.data}.csv`), names);
    it(`${expected.data} ~ ${names.join(" + ")}: estimates, SEs and tests match to 1e-8`, () => {
      const fit = fitCox(data);
      expect(fit.converged).toBe(true);
      expectClose(fit.coefficients, expected.coef, 1e-8, "coef");
      expectClose(fit.standardErrors, expected.se, 1e-8, "se");
      expectClose(fit.variance, expected.var, 1e-8, "var");
      expectClose(fit.zValues, expected.z, 1e-8, "z");
      expectClose(fit.hazardRatioLower, expected.hr_lower, 1e-8, "lower");
      expectClose(fit.hazardRatioUpper, expected.hr_upper, 1e-8, "upper");
      expectClose([fit.logLikNull, fit.logLik], expected.loglik, 1e-10, "loglik");
      expectClose([fit.likelihoodRatioTest.statistic, fit.waldTest.statistic, fit.scoreTest.statistic],
        [expected.lr, expected.wald, expected.score], 1e-8, "tests");
      fit.pValues.forEach((p, j) => pClose(p, expected.p[j]));
      pClose(fit.likelihoodRatioTest.pValue, expected.lr_p);
      pClose(fit.waldTest.pValue, expected.wald_p);
      pClose(fit.scoreTest.pValue, expected.score_p);
    });
    it(`${expected.data} ~ ${names.join(" + ")}: proportional-hazards test and scaled Schoenfeld residuals match`, () => {
      const fit = fitCox(data);
      const zph = coxZph(data, fit, "km");
      expectClose(zph.table.map((r) => r.chiSquare), expected.zph_chisq, 1e-8, "zph chisq");
      expect(zph.table.map((r) => r.degreesOfFreedom)).toEqual(expected.zph_df);
      zph.table.forEach((r, j) => pClose(r.pValue, expected.zph_p[j]));
      expectClose(zph.transformedTime, expected.zph_x, 1e-12, "zph x");
      expectClose(zph.deathTime, expected.zph_time, 0, "zph time");
      expectClose(zph.scaledResiduals, expected.zph_y, 1e-8, "zph y");
      const identity = coxZph(data, fit, "identity");
      expectClose(identity.table.map((r) => r.chiSquare), expected.zph_identity_chisq, 1e-8, "zph identity");
    });
  }

  it("a covariate with no variation is reported, not thrown as a bug", () => {
    const data = coxDataFrom({ time: [1, 2, 3], event: [1, 1, 0], x: [1, 1, 1] }, ["x"]);
    expect(() => fitCox(data)).toThrow(/singular/);
  });

  it("monotone likelihood (all events in one group) carries a warning", () => {
    const data = coxDataFrom({ time: [1, 2, 3, 4, 5, 6], event: [1, 1, 1, 0, 0, 0], x: [1, 1, 1, 0, 0, 0] }, ["x"]);
    expect(fitCox(data).warnings.join(" ")).toMatch(/infinite/);
  });
});

describe("logistic regression against R glm(binomial)", () => {
  for (const expected of fixtureJson<LogisticFixture[]>("survival", "logistic.json")) {
    const names = asList(expected.covariates);
    it(`${expected.data}: ${expected.outcome} ~ ${names.join(" + ")}`, () => {
      const columns = fixtureCsv("survival", `${expected.data}.csv`);
      const n = columns[expected.outcome].length;
      const p = names.length + 1;
      const design = new Float64Array(n * p);
      for (let i = 0; i < n; i++) {
        design[i * p] = 1;
        names.forEach((name, j) => (design[i * p + j + 1] = columns[name][i]));
      }
      const fit = fitLogistic({ design, names: ["(Intercept)", ...names], outcome: columns[expected.outcome] });
      expectClose(fit.coefficients, expected.coef, 1e-8, "coef");
      expectClose(fit.standardErrors, expected.se, 1e-8, "se");
      expectClose(fit.zValues, expected.z, 1e-8, "z");
      fit.pValues.forEach((pv, j) => pClose(pv, expected.p[j]));
      expectClose([fit.deviance, fit.nullDeviance, fit.aic], [expected.deviance, expected.null_deviance, expected.aic], 1e-10, "deviance");
    });
  }
});
