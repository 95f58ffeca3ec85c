/**
 * Re-derives every calibrated prior of the registry and compares it with the stored one, within
 * the tolerance the registry stores for it (docs/EVIDENCE.md §7.6).
 */
import type { Prior as RegistryPrior } from "../priors/registry.js";
import type { CalibratedPrior } from "./calibrated-prior.js";

export interface CalibrationCheck {
  id: string;
  parameter: string;
  stored?: { mean: number; sd: number };
  rederived?: { mean: number; sd: number };
  tolerance: number;
  agrees: boolean;
  problem?: string;
}

export function compareCalibrated(stored: RegistryPrior[], rederived: CalibratedPrior[]): CalibrationCheck[] {
  const calibrated = stored.filter((p) => p.status === "calibrated");
  const checks: CalibrationCheck[] = calibrated.map((p) => {
    const fresh = rederived.find((r) => r.id === p.id);
    const tolerance = p.calibration!.tolerance;
    const base = { id: p.id, parameter: p.maps_to.parameter ?? "", stored: { mean: p.distribution.mean, sd: p.distribution.sd }, tolerance };
    if (!fresh) return { ...base, agrees: false, problem: "the calibration no longer produces this prior (e.g. no design point is plausible)" };
    const agrees = Math.abs(fresh.prior.mean - p.distribution.mean) <= tolerance && Math.abs(fresh.prior.sd - p.distribution.sd) <= tolerance;
    return { ...base, rederived: { mean: fresh.prior.mean, sd: fresh.prior.sd }, agrees };
  });
  for (const fresh of rederived.filter((r) => !calibrated.some((p) => p.id === r.id))) {
    checks.push({ id: fresh.id, parameter: fresh.parameter, rederived: { mean: fresh.prior.mean, sd: fresh.prior.sd }, tolerance: fresh.tolerance, agrees: false, problem: "not in the registry; run guarantor calibrate --write" });
  }
  return checks;
}
