import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chiSquareSurvival, logGamma, normalCdf, normalQuantile } from "../../../src/evidence/stats/special.js";
import { fixtureJson } from "../fixtures.js";

interface Distributions {
  chi_x: number[]; chi_df: number[]; chi_upper: number[]; z: number[]; pnorm: number[]; p: number[]; qnorm: number[];
  lgamma_x: number[]; lgamma: number[];
}
const d = fixtureJson<Distributions>("survival", "distributions.json");
const relative = (a: number, e: number) => Math.abs(a - e) / Math.abs(e);

describe("distribution functions against R", () => {
  it("pchisq upper tail to 1e-10 relative", () => {
    d.chi_x.forEach((x, i) => expect(relative(chiSquareSurvival(x, d.chi_df[i]), d.chi_upper[i])).toBeLessThan(1e-10));
  });
  it("pnorm to 1e-12 relative, including the far tails", () => {
    d.z.forEach((z, i) => expect(relative(normalCdf(z), d.pnorm[i])).toBeLessThan(1e-12));
  });
  it("qnorm to 1e-12 relative", () => {
    d.p.forEach((p, i) => expect(Math.abs(normalQuantile(p) - d.qnorm[i])).toBeLessThan(1e-12 * Math.max(1, Math.abs(d.qnorm[i]))));
  });
  it("lgamma to 1e-13 relative", () => {
    d.lgamma_x.forEach((x, i) => expect(Math.abs(logGamma(x) - d.lgamma[i])).toBeLessThan(1e-13 * Math.max(1, Math.abs(d.lgamma[i]))));
  });
  it("the normal quantile inverts the CDF", () => {
    fc.assert(fc.property(fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), (p) => {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13 + 1e-12 * p);
    }));
  });
});
