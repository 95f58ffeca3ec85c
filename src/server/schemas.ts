/**
 * The shapes of request bodies, checked before anything acts on them; the OpenAPI description
 * is generated from these same schemas. A run request is the run-options contract
 * (src/contract/run-options.ts) narrowed to what a shared local server allows: seed, trajectories
 * (fewer), options and perspectives; seed and trajectories default as in the library.
 */
import { z } from "zod";
import { RUN_LIMITS, RunOptions } from "../contract/run-options.js";

export const LIMITS = {
  /** bytes of any request body */
  bodyBytes: 512 * 1024,
  scenarioChars: 256 * 1024,
  trajectories: 200_000,
  selections: RUN_LIMITS.maxSelections,
} as const;

export const ValidateRequest = z.strictObject({
  scenario: z.string().max(LIMITS.scenarioChars),
});

export const RunRequest = z.strictObject({
  scenario: z.string().min(1).max(LIMITS.scenarioChars),
  seed: RunOptions.shape.seed,
  trajectories: z.number().int().min(RUN_LIMITS.minTrajectories).max(LIMITS.trajectories).optional(),
  options: RunOptions.shape.options,
  perspectives: RunOptions.shape.perspectives,
});
export type RunRequest = z.infer<typeof RunRequest>;

/** Run ids are UUIDs made by the store; anything else cannot name a run. */
export const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
