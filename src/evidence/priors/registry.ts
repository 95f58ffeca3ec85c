/**
 * Loads and checks the evidence priors registry (src/evidence/priors.yaml): each prior's
 * distribution, citation and mapping onto the model, and the overrides it contributes to an
 * `evidence` perspective.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { parameterSpec } from "../../contract/parameters.js";
import { InputError } from "../../errors.js";
import { packageRoot } from "../cases/historical-cases.js";
import { ESTIMATORS } from "./estimate.js";

const distribution = z.object({ dist: z.enum(["beta", "lognormal", "normal", "gamma"]), mean: z.number(), sd: z.number().positive() }).strict();

const priorEntry = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  status: z.enum(["estimated-here", "quoted", "calibrated"]),
  verified: z.boolean().optional(),
  measures: z.string().min(1),
  distribution,
  estimate: z.number(),
  std_err: z.number().optional(),
  log_std_err: z.number().optional(),
  sample: z.object({ data: z.enum(["interstate", "ceasefires"]), subset: z.string(), n: z.number().int(), events: z.number().int() }).strict().optional(),
  method: z.string().optional(),
  citation: z.string().min(1),
  maps_to: z.object({
    kind: z.enum(["parameter", "calibration-target"]),
    parameter: z.string().optional(),
    quantity: z.string().optional(),
    how: z.string(),
    prior: distribution.optional(),
  }).strict(),
  caveats: z.string().optional(),
  /** calibrated entries: how `guarantor calibrate` derived the prior and how closely a re-derivation must agree */
  calibration: z.object({
    method: z.string().min(1),
    data: z.string().min(1),
    script: z.string().min(1),
    tolerance: z.number().positive(),
    figures: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  }).strict().optional(),
}).strict();

export type Prior = z.infer<typeof priorEntry>;
export type Distribution = z.infer<typeof distribution>;

/** Parse registry text (exported for tests); `source` names it in errors. */
export function parsePriors(text: string, source: string): Prior[] {
  const parsed = z.object({ priors: z.array(priorEntry) }).strict().safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${source}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  for (const prior of parsed.data.priors) {
    if (prior.status === "estimated-here" && !ESTIMATORS[prior.id]) {
      throw new InputError(`${source}: ${prior.id} is marked estimated-here but no estimator computes it`);
    }
    if (prior.status === "calibrated" && (!prior.calibration || prior.maps_to.kind !== "parameter")) {
      throw new InputError(`${source}: ${prior.id} is marked calibrated but has no calibration block or maps onto no parameter`);
    }
    if (prior.maps_to.kind === "parameter" && (!prior.maps_to.parameter || !prior.maps_to.prior)) {
      throw new InputError(`${source}: ${prior.id} maps to a parameter but names no parameter or prior`);
    }
  }
  return parsed.data.priors;
}

let cached: Prior[] | undefined;

/** The bundled registry. */
export function loadPriors(): Prior[] {
  cached ??= parsePriors(readFileSync(join(packageRoot(), "src", "evidence", "priors.yaml"), "utf8"), "priors.yaml");
  return cached;
}

/**
 * Scenario parameter overrides for an `evidence` perspective: one per prior that maps onto a
 * parameter the model has (a calibrated prior wins over an estimated-here one for the same
 * parameter). Priors of parameters the model does not have yet are left out.
 */
export function evidenceOverrides(priors: Prior[] = loadPriors()): Record<string, Distribution & { source: string }> {
  const overrides: Record<string, Distribution & { source: string }> = {};
  const rank = (p: Prior) => (p.status === "calibrated" ? 1 : 0);
  for (const p of [...priors].sort((a, b) => rank(a) - rank(b))) {
    if (p.maps_to.kind === "parameter" && p.maps_to.parameter && p.maps_to.prior && parameterSpec(p.maps_to.parameter)) {
      overrides[p.maps_to.parameter] = { ...p.maps_to.prior, source: `${p.citation} (${p.status}: ${p.id})` };
    }
  }
  return overrides;
}

export interface PriorCheck {
  id: string;
  stored: number;
  recomputed: number;
  agrees: boolean;
}

/** Recompute every estimated-here prior from the bundled data and compare with the stored estimate (4 significant digits). */
export function checkEstimatedPriors(priors: Prior[] = loadPriors()): PriorCheck[] {
  return priors
    .filter((p) => p.status === "estimated-here")
    .map((p) => {
      const recomputed = ESTIMATORS[p.id]().estimate;
      return { id: p.id, stored: p.estimate, recomputed, agrees: Math.abs(recomputed - p.estimate) <= 5e-4 * Math.abs(recomputed) + 5e-5 };
    });
}
