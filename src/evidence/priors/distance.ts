/**
 * How far each perspective's prior lies from the evidence (docs/EVIDENCE.md §7.6): for every
 * parameter with a calibrated prior, the evidence prior's CDF at the perspective's prior mean
 * (near 0 or 1: the perspective assumes what the record makes unlikely) and the standardized
 * distance z = (mean_perspective − mean_evidence)/sd_evidence.
 */
import { priorCdf } from "../../analysis/prior-grid.js";
import { priorMean, type Prior } from "../../scenario/prior.js";
import type { Scenario } from "../../scenario/load.js";
import type { Prior as RegistryPrior } from "./registry.js";

export const BASELINE_PERSPECTIVE = "baseline";

export interface PerspectiveDistance {
  perspective: string;
  mean: number;
  /** F_evidence(mean of the perspective's prior) */
  evidenceQuantile: number;
  /** (mean − evidence mean)/evidence sd */
  standardized: number;
}

export interface ParameterDistances {
  parameter: string;
  evidence: { dist: string; mean: number; sd: number };
  perspectives: PerspectiveDistance[];
}

/** Distances for every calibrated prior of a parameter the scenario has; perspectives other than `evidence` and the baseline. */
export function perspectiveDistances(scenario: Scenario, registry: RegistryPrior[], evidencePerspective = "evidence"): ParameterDistances[] {
  const calibrated = registry.filter((p) => p.status === "calibrated" && p.maps_to.parameter && p.maps_to.parameter in scenario.parameters);
  const perspectives = [BASELINE_PERSPECTIVE, ...Object.keys(scenario.perspectives).filter((id) => id !== evidencePerspective)];
  return calibrated.map((p) => {
    const parameter = p.maps_to.parameter!;
    const evidence = { dist: p.distribution.dist, mean: p.distribution.mean, sd: p.distribution.sd } as Prior & { dist: string; mean: number; sd: number };
    return {
      parameter,
      evidence: { dist: evidence.dist, mean: evidence.mean, sd: evidence.sd },
      perspectives: perspectives.map((id) => {
        const prior = id === BASELINE_PERSPECTIVE ? scenario.parameters[parameter] : scenario.perspectives[id].overrides[parameter] ?? scenario.parameters[parameter];
        const mean = priorMean(prior);
        return { perspective: id, mean, evidenceQuantile: priorCdf(evidence, mean), standardized: (mean - evidence.mean) / evidence.sd };
      }),
    };
  });
}

/** Root mean square of z over the parameters, per perspective: one figure of how far a school sits from the record. */
export function rootMeanSquareDistance(rows: ParameterDistances[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (rows.length === 0) return out;
  for (const { perspective } of rows[0].perspectives) {
    const zs = rows.map((r) => r.perspectives.find((x) => x.perspective === perspective)!.standardized);
    out[perspective] = Math.sqrt(zs.reduce((s, z) => s + z * z, 0) / zs.length);
  }
  return out;
}
