/**
 * Predictive check of the calibrated priors (docs/EVIDENCE.md §7.3): the calibration scenario run
 * once under the evidence perspective with every calibrated prior drawn per trajectory, its
 * outputs set beside the historical figures they should reproduce — including one no fit used,
 * the peacekeeping hazard ratio.
 */
import type { Scenario } from "../../scenario/load.js";
import type { Prior } from "../../scenario/prior.js";
import { evaluate } from "../../sim/evaluate.js";
import { MAJOR_POWER_PACT, NO_PACT, PEACEKEEPERS } from "./calibration-scenario.js";

export interface PredictiveRow {
  label: string;
  simulated: number;
  simulatedSe: number;
  observed: number;
  observedSe: number;
  /** |sim − obs| / √(se_sim² + se_obs²) */
  z: number;
}

export interface PredictiveTargets {
  risks: { years: number; observed: number; stdErr: number }[];
  /** hazard ratios on the log scale, compared through cumulative hazards at `years` */
  pact: { years: number; logRatio: number; logStdErr: number };
  peacekeeping: { years: number; logRatio: number; logStdErr: number };
}

export async function predictiveCheck(scenario: Scenario, calibrated: Record<string, Prior>, targets: PredictiveTargets, seed: number, trajectories: number): Promise<PredictiveRow[]> {
  const result = await evaluate(scenario, { seed, trajectories, perspectives: ["evidence"], overrides: calibrated });
  const curve = (option: string) => result.results.find((r) => r.option === option)!.survival;
  const free = curve(NO_PACT);
  const at = (years: number) => Math.min(free.survival.length - 1, Math.round(12 * years));
  const row = (label: string, simulated: number, simulatedSe: number, observed: number, observedSe: number): PredictiveRow =>
    ({ label, simulated, simulatedSe, observed, observedSe, z: Math.abs(simulated - observed) / Math.hypot(simulatedSe, observedSe) });
  const rows = targets.risks.map((t) => row(`P(war within ${t.years}y), no commitment`, 1 - free.survival[at(t.years)], free.se[at(t.years)], t.observed, t.stdErr));
  const logRatio = (option: string, years: number) => {
    const other = curve(option);
    const m = at(years);
    const cumulative = (s: number) => -Math.log(Math.min(1 - 1e-9, Math.max(1e-9, s)));
    const [ho, hf] = [cumulative(other.survival[m]), cumulative(free.survival[m])];
    return { value: Math.log(ho / hf), se: Math.hypot(other.se[m] / (other.survival[m] * ho), free.se[m] / (free.survival[m] * hf)) };
  };
  const pact = logRatio(MAJOR_POWER_PACT, targets.pact.years);
  rows.push(row(`ln HR, defence pact (fitted)`, pact.value, pact.se, targets.pact.logRatio, targets.pact.logStdErr));
  const pk = logRatio(PEACEKEEPERS, targets.peacekeeping.years);
  rows.push(row(`ln HR, peacekeepers (not fitted)`, pk.value, pk.se, targets.peacekeeping.logRatio, targets.peacekeeping.logStdErr));
  return rows;
}
