/**
 * POST /api/whatif: the ranking of a few options under one perspective with some parameters held
 * at chosen values, from a small seeded evaluation that is not stored (the what-if sliders of the
 * analysis page). Each chosen parameter's prior becomes `fixed` at its value in the baseline and
 * in every perspective (docs/WEB.md); one evaluation at a time, in the engine's worker.
 */
import type { Hono } from "hono";
import { isMap, parseDocument } from "yaml";
import { z } from "zod";
import { PARAMETER_NAMES } from "../contract/parameters.js";
import type { Engine } from "./engine.js";
import { ApiError } from "./http-errors.js";
import { readJsonBody } from "./request.js";
import { BusyError, ScenarioProblemsError } from "./run-manager.js";
import { LIMITS } from "./schemas.js";

export const WhatIfRequest = z.strictObject({
  scenario: z.string().min(1).max(LIMITS.scenarioChars),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  trajectories: z.number().int().min(100).max(5000),
  options: z.array(z.string().min(1)).min(1).max(12).optional(),
  perspective: z.string().min(1),
  values: z.record(z.string(), z.number().refine(Number.isFinite, { message: "must be a finite number" })).refine((v) => Object.keys(v).length <= 8, { message: "at most 8 parameters" }),
});
export type WhatIfRequest = z.infer<typeof WhatIfRequest>;

export interface WhatIfAnswer {
  perspective: string;
  seed: number;
  trajectories: number;
  values: Record<string, number>;
  /** lowest expected loss first */
  order: { option: string; loss: { mean: number; se: number } }[];
}

/** The scenario text with each named parameter fixed at its value, under the baseline and every perspective. */
export function fixParameters(text: string, values: Record<string, number>): string {
  const doc = parseDocument(text);
  for (const [name, value] of Object.entries(values)) {
    doc.setIn(["parameters", name], doc.createNode({ dist: "fixed", value, source: "assumption (what-if value)" }));
    const perspectives = doc.get("perspectives");
    if (!isMap(perspectives)) continue;
    for (const item of perspectives.items) {
      const overrides = doc.getIn(["perspectives", item.key, "overrides"] as unknown[]);
      if (isMap(overrides) && overrides.has(name)) overrides.delete(name);
    }
  }
  return doc.toString();
}

export function registerWhatIfApi(app: Hono, engine: Engine): void {
  let running = false;
  app.post("/api/whatif", async (c) => {
    const request = await readJsonBody(c, WhatIfRequest);
    const unknown = Object.keys(request.values).filter((n) => !(PARAMETER_NAMES as readonly string[]).includes(n));
    if (unknown.length > 0) throw new ApiError(400, `invalid request body: values: unknown parameter ${unknown.join(", ")}`);
    if (running) throw new BusyError("a what-if evaluation is running; send the next one when it has finished");
    running = true;
    try {
      const text = fixParameters(request.scenario, request.values);
      const checked = engine.validate(text);
      if (!checked.valid) throw new ScenarioProblemsError(checked.problems);
      const result = await engine.evaluate(
        text,
        { seed: request.seed, trajectories: request.trajectories, perspectives: [request.perspective], ...(request.options ? { options: request.options } : {}) },
        () => {},
      );
      const order = result.results
        .filter((r) => r.perspective === request.perspective)
        .map((r) => ({ option: r.option, loss: r.outcomes.loss }))
        .sort((a, b) => a.loss.mean - b.loss.mean);
      const answer: WhatIfAnswer = { perspective: request.perspective, seed: request.seed, trajectories: request.trajectories, values: request.values, order };
      return c.json(answer);
    } finally {
      running = false;
    }
  });
}
