import { describe, expect, it } from "vitest";
import type { CalibrationAnswer } from "../../src/contract/evidence.js";
import { perspectiveDistances } from "../../src/evidence/priors/distance.js";
import { loadPriors } from "../../src/evidence/priors/registry.js";
import { createApp } from "../../src/server/app.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { RunManager } from "../../src/server/run-manager.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { RunStore } from "../../src/store/run-store.js";
import { fakeEngine } from "./fake-engine.js";

const store = new RunStore(":memory:");
const engine = fakeEngine();
const app = createApp({
  engine, store, runs: new RunManager(store, engine, { programVersion: "9.9.9" }), staticFiles: new Map(),
  defaultScenario: { name: "fake", text: "" }, programVersion: "9.9.9",
});

async function calibration(): Promise<CalibrationAnswer> {
  const res = await app.request("http://127.0.0.1/api/evidence/calibration");
  expect(res.status).toBe(200);
  return (await res.json()) as CalibrationAnswer;
}

describe("GET /api/evidence/calibration", () => {
  const registry = loadPriors();
  const scenario = loadScenarioFile(bundledScenarioPath());

  it("gives every calibrated prior with the registry's method, data, distribution and figures", async () => {
    const body = await calibration();
    const calibrated = registry.filter((p) => p.status === "calibrated" && p.maps_to.parameter! in scenario.parameters);
    expect(calibrated.length).toBeGreaterThan(0);
    expect(body.priors.map((p) => p.id)).toEqual(calibrated.map((p) => p.id));
    for (const entry of calibrated) {
      const fit = body.priors.find((p) => p.id === entry.id)!;
      expect(fit.parameter).toBe(entry.maps_to.parameter);
      expect(fit.method).toBe(entry.calibration!.method);
      expect(fit.data).toBe(entry.calibration!.data);
      expect(fit.calibrated).toEqual(entry.distribution);
      expect(fit.figures).toEqual(entry.calibration!.figures ?? {});
    }
    const floor = body.priors.find((p) => p.id === "calibrated_peace_hazard_floor")!;
    expect(floor.figures.n).toBe(157);
    expect(body.scenario).toBe(scenario.name);
  });

  it("gives the bundled scenario's own prior for each parameter", async () => {
    const body = await calibration();
    for (const fit of body.priors) {
      const own = scenario.parameters[fit.parameter];
      if (own.dist === "fixed") expect(fit.scenario).toEqual({ dist: "fixed", mean: own.value, sd: 0 });
      else if (own.dist === "uniform") expect(fit.scenario.sd).toBeCloseTo((own.max - own.min) / Math.sqrt(12), 12);
      else expect(fit.scenario).toEqual({ dist: own.dist, mean: own.mean, sd: own.sd });
    }
  });

  it("gives each perspective's standardized distance exactly as distance.ts computes it", async () => {
    const body = await calibration();
    const expected = perspectiveDistances(scenario, registry);
    expect(body.priors.map((p) => p.parameter)).toEqual(expected.map((d) => d.parameter));
    for (const [i, row] of expected.entries()) {
      expect(body.priors[i].distances).toEqual(row.perspectives);
      const baseline = body.priors[i].distances.find((d) => d.perspective === "baseline")!;
      // by hand: z = (scenario mean − evidence mean)/evidence sd
      expect(baseline.standardized).toBeCloseTo((body.priors[i].scenario.mean - body.priors[i].calibrated.mean) / body.priors[i].calibrated.sd, 12);
    }
    expect(body.priors[0].distances.map((d) => d.perspective)).toContain("deterrence");
  });

  it("refuses a query parameter it does not take with a 400", async () => {
    const res = await app.request("http://127.0.0.1/api/evidence/calibration?x=1");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown query parameter "x"/);
  });
});
