import { describe, expect, it } from "vitest";
import { checkEstimatedPriors, evidenceOverrides, loadPriors, parsePriors } from "../../../src/evidence/priors/registry.js";
import { ESTIMATORS } from "../../../src/evidence/priors/estimate.js";

describe("evidence priors registry", () => {
  const priors = loadPriors();

  it("every prior has a citation, a mapping and a status", () => {
    expect(priors.length).toBeGreaterThanOrEqual(6);
    for (const p of priors) {
      expect(p.citation.length).toBeGreaterThan(20);
      expect(["estimated-here", "quoted", "calibrated"]).toContain(p.status);
    }
  });

  it("estimated-here priors agree with a fresh fit on the bundled data", () => {
    for (const check of checkEstimatedPriors(priors)) expect(check, check.id).toMatchObject({ agrees: true });
  });

  it("stored sample sizes and standard errors match the recomputation", () => {
    for (const p of priors.filter((x) => x.status === "estimated-here")) {
      const fresh = ESTIMATORS[p.id]();
      expect([p.sample?.n, p.sample?.events]).toEqual([fresh.n, fresh.events]);
      expect(Math.abs((p.log_std_err ?? p.std_err ?? 0) - fresh.stdErr)).toBeLessThan(1e-4);
    }
  });

  it("a hazard-ratio prior's lognormal moments follow from its log-scale estimate", () => {
    for (const p of priors.filter((x) => x.log_std_err !== undefined)) {
      const s = p.log_std_err!;
      const mean = p.estimate * Math.exp((s * s) / 2);
      expect(p.distribution.mean).toBeCloseTo(mean, 3);
      expect(p.distribution.sd).toBeCloseTo(mean * Math.sqrt(Math.exp(s * s) - 1), 3);
    }
  });

  it("the evidence perspective overrides peacekeeping_incident_reduction with 1 − HR", () => {
    const overrides = evidenceOverrides(priors);
    const hr = priors.find((p) => p.id === "hr_ceasefire_failure_peacekeeping")!;
    expect(overrides.peacekeeping_incident_reduction.mean).toBeCloseTo(1 - hr.distribution.mean, 3);
    expect(overrides.peacekeeping_incident_reduction.sd).toBeCloseTo(hr.distribution.sd, 3);
    expect(overrides.peacekeeping_incident_reduction.source).toMatch(/Fortna/);
  });

  it("a malformed registry is rejected with the path of the problem", () => {
    expect(() => parsePriors("priors:\n  - id: x\n    status: guessed\n", "p.yaml")).toThrow(/p.yaml: priors.0/);
  });
});
