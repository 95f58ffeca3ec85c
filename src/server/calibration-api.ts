/**
 * GET /api/evidence/calibration: the calibrated priors of the registry (docs/EVIDENCE.md §7) beside
 * the bundled scenario's own priors, with the fit's figures and each perspective's distance from the
 * evidence. A thin adapter over src/evidence/priors/; reads files only, no simulation.
 */
import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import type { CalibrationAnswer, PriorMoments } from "../contract/evidence.js";
import { perspectiveDistances } from "../evidence/priors/distance.js";
import { loadPriors, type Prior as RegistryPrior } from "../evidence/priors/registry.js";
import { priorMean, type Prior } from "../scenario/prior.js";
import { loadScenarioText, type Scenario } from "../scenario/load.js";
import { bundledScenarioPath } from "./package-info.js";
import { readQuery } from "./query.js";

/** A scenario prior by mean and sd: a uniform's sd is (max − min)/√12, a fixed value's 0. */
export function priorMoments(prior: Prior): PriorMoments {
  switch (prior.dist) {
    case "fixed":
      return { dist: "fixed", mean: prior.value, sd: 0 };
    case "uniform":
      return { dist: "uniform", mean: priorMean(prior), sd: (prior.max - prior.min) / Math.sqrt(12) };
    default:
      return { dist: prior.dist, mean: prior.mean, sd: prior.sd };
  }
}

export function calibrationFit(scenario: Scenario, registry: RegistryPrior[] = loadPriors()): CalibrationAnswer {
  const distances = perspectiveDistances(scenario, registry);
  const calibrated = registry.filter((p) => p.status === "calibrated" && p.maps_to.parameter && p.maps_to.parameter in scenario.parameters);
  return {
    scenario: scenario.name,
    priors: calibrated.map((p, i) => {
      const parameter = p.maps_to.parameter!;
      const { dist, mean, sd } = p.distribution;
      return {
        id: p.id,
        parameter,
        measures: p.measures,
        method: p.calibration!.method,
        data: p.calibration!.data,
        citation: p.citation,
        calibrated: { dist, mean, sd },
        scenario: priorMoments(scenario.parameters[parameter]),
        figures: p.calibration!.figures ?? {},
        distances: distances[i].perspectives,
      };
    }),
    note: "Calibrated priors as stored in src/evidence/priors.yaml by `guarantor calibrate --write` (docs/EVIDENCE.md §7); the fit is in sample: the same records later score the model in the backtest.",
  };
}

export function registerCalibrationApi(app: Hono, scenarioPath = bundledScenarioPath()): void {
  let answer: CalibrationAnswer | undefined;
  app.get("/api/evidence/calibration", (c) => {
    readQuery(c, []);
    answer ??= calibrationFit(loadScenarioText(readFileSync(scenarioPath, "utf8"), scenarioPath));
    return c.json(answer);
  });
}
