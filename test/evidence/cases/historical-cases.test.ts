import { describe, expect, it } from "vitest";
import { loadCaseSet } from "../../../src/evidence/cases/historical-cases.js";
import { fitCox } from "../../../src/evidence/stats/cox.js";
import { kaplanMeier } from "../../../src/evidence/stats/kaplan-meier.js";
import { logRankTest } from "../../../src/evidence/stats/log-rank.js";
import { survivalSample } from "../../../src/evidence/stats/survival-data.js";
import { parseCsv } from "../../../src/evidence/cases/csv.js";
import { expectClose, fixtureJson } from "../fixtures.js";

const wars = loadCaseSet("interstate");
const ceasefires = loadCaseSet("ceasefires");
const sampleOf = (set: typeof wars) => survivalSample(set.cases.map((c) => c.yearsAtRisk), set.cases.map((c) => c.event));

describe("bundled historical cases", () => {
  it("reproduce the headline counts published with the input data", () => {
    expect(wars.cases).toHaveLength(374);
    const minor = wars.cases.filter((c) => c.covariates.major_power_belligerent === 0);
    expect(minor.filter((c) => c.covariates.major_power_pact === 1)).toHaveLength(71);
    expect(minor.filter((c) => c.covariates.major_power_pact === 0)).toHaveLength(105);
    const post = ceasefires.cases.filter((c) => c.covariates.post_cold_war === 1);
    expect(post).toHaveLength(96);
    expect(post.filter((c) => c.event === 0)).toHaveLength(40);
    const withPk = post.filter((c) => c.covariates.peacekeeping === 1);
    expect([withPk.length, withPk.filter((c) => c.event === 0).length]).toEqual([34, 19]);
  });

  it("every file carries its provenance and citations", () => {
    for (const set of [wars, ceasefires]) expect(set.provenance.join(" ")).toMatch(/Derived by scripts\/derive-data.ts.*Sources:/s);
  });

  it("Kaplan–Meier, log-rank and Cox on the cases match R", () => {
    const km = fixtureJson<Record<string, { surv: number[]; std_err: number[] }>>("survival", "kaplan-meier.json");
    expectClose(kaplanMeier(sampleOf(wars)).survival, km.wars_log.surv, 1e-10, "wars KM");
    expectClose(kaplanMeier(sampleOf(ceasefires)).stdErrLogSurvival, km.ceasefires_log.std_err, 1e-10, "cease-fire KM");
    const lr = fixtureJson<{ data: string; chisq: number }[]>("survival", "log-rank.json");
    const pactTest = logRankTest(sampleOf(wars), wars.cases.map((c) => String(c.covariates.major_power_pact)));
    expectClose([pactTest.chiSquare], [lr.find((x) => x.data === "wars")!.chisq], 1e-9, "log-rank wars");
    const cox = fixtureJson<{ data: string; coef: number[]; se: number[] }[]>("survival", "cox.json");
    const names = ["major_power_pact", "decisive_outcome", "rivalry"];
    const fit = fitCox({
      sample: sampleOf(wars), names,
      covariates: Float64Array.from(wars.cases.flatMap((c) => names.map((n) => c.covariates[n]))),
    });
    const expected = cox.find((x) => x.data === "wars")!;
    expectClose(fit.coefficients, expected.coef, 1e-8, "wars coef");
    expectClose(fit.standardErrors, expected.se, 1e-8, "wars se");
  });
});

describe("CSV reader", () => {
  it("keeps comment lines apart and honours quotes", () => {
    const t = parseCsv('# made by x\n# cite y\na,b\n"q, r",2\n', "t.csv");
    expect(t.comments).toEqual(["made by x", "cite y"]);
    expect(t.rows).toEqual([["q, r", "2"]]);
  });
  it("names the row with the wrong number of fields", () => {
    expect(() => parseCsv("a,b\n1\n", "t.csv")).toThrow(/t.csv: data row 1 has 1 fields/);
  });
});
