/**
 * Requests for the long analyses (sensitivity, cruxes): small defaults so that a request ends in
 * seconds, and hard bounds so that none can ask for hours of simulation. The seed is the run-options
 * contract's (src/contract/run-options.ts).
 */
import { z } from "zod";
import { OUTCOME_NAMES } from "../contract/outcomes.js";
import { RunOptions } from "../contract/run-options.js";
import { LIMITS } from "./schemas.js";

const identifier = z.string().min(1).max(100);
const common = {
  scenario: z.string().min(1).max(LIMITS.scenarioChars),
  outcome: z.enum(OUTCOME_NAMES).default("loss"),
  perspective: identifier.optional(),
  /** default: the scenario's seed, else DEFAULT_SEED, as on the command line */
  seed: RunOptions.shape.seed,
  /** per simulated setting, split over two batches for standard errors */
  trajectories: z.number().int().min(20).max(4000).default(200),
};

export const SensitivityJobRequest = z.strictObject({
  ...common,
  method: z.enum(["morris", "sobol"]),
  option: identifier,
  versus: identifier.optional(),
  parameters: z.array(identifier).min(1).max(40).optional(),
  /** Morris trajectories r */
  morrisTrajectories: z.number().int().min(2).max(40).default(4),
  /** Sobol base samples N (a power of two keeps the Sobol sequence balanced) */
  baseSamples: z.number().int().min(8).max(256).default(16),
  bootstrap: z.number().int().min(50).max(2000).default(200),
});
export type SensitivityJobRequest = z.infer<typeof SensitivityJobRequest>;

export const CruxJobRequest = z.strictObject({
  ...common,
  options: z.array(identifier).min(2).max(LIMITS.selections).optional(),
  parameters: z.array(identifier).min(1).max(40).optional(),
  gridPoints: z.number().int().min(3).max(15).default(4),
  /** the two axes of the map of the best option (default: the two leading crux parameters) */
  map: z.tuple([identifier, identifier]).optional(),
  mapResolution: z.number().int().min(2).max(15).default(4),
});
export type CruxJobRequest = z.infer<typeof CruxJobRequest>;

export type AnalysisJobRequest = ({ kind: "sensitivity" } & SensitivityJobRequest) | ({ kind: "cruxes" } & CruxJobRequest);
