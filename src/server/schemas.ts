/**
 * The shapes of request bodies, checked before anything acts on them; the OpenAPI description
 * is generated from these same schemas.
 */
import { z } from "zod";

export const LIMITS = {
  /** bytes of any request body */
  bodyBytes: 512 * 1024,
  scenarioChars: 256 * 1024,
  trajectories: 200_000,
  selections: 64,
} as const;

const identifier = z.string().min(1).max(100);

export const ValidateRequest = z.strictObject({
  scenario: z.string().max(LIMITS.scenarioChars),
});

export const RunRequest = z.strictObject({
  scenario: z.string().min(1).max(LIMITS.scenarioChars),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  trajectories: z.number().int().min(2).max(LIMITS.trajectories).default(2000),
  options: z.array(identifier).min(1).max(LIMITS.selections).optional(),
  perspectives: z.array(identifier).min(1).max(LIMITS.selections).optional(),
});
export type RunRequest = z.infer<typeof RunRequest>;

/** Run ids are UUIDs made by the store; anything else cannot name a run. */
export const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
