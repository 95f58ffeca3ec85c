import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "../../src/server/http-errors.js";
import { libraryEngine } from "../../src/server/library-engine.js";
import { fixParameters, registerWhatIfApi, type WhatIfAnswer } from "../../src/server/whatif-api.js";
import { loadScenarioText } from "../../src/scenario/load.js";

const TEXT = readFileSync(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url), "utf8");
let app: Hono;

beforeAll(() => {
  app = new Hono();
  app.onError(errorResponse);
  registerWhatIfApi(app, libraryEngine);
});

const ask = (body: object) =>
  app.request("/api/whatif", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("what-if", () => {
  it("holds a parameter at a value under the baseline and every perspective, leaving the rest of the scenario as it was", () => {
    const original = loadScenarioText(TEXT);
    const fixed = loadScenarioText(fixParameters(TEXT, { acceptance_threat_weight: 3.5 }));
    expect(fixed.parameters.acceptance_threat_weight).toEqual({ dist: "fixed", value: 3.5, source: "assumption (what-if value)" });
    for (const [id, perspective] of Object.entries(fixed.perspectives)) {
      expect(perspective.overrides.acceptance_threat_weight, id).toBeUndefined();
      const { acceptance_threat_weight: _dropped, ...others } = original.perspectives[id].overrides;
      expect(perspective.overrides, id).toEqual(others);
    }
    const { acceptance_threat_weight: _a, ...rest } = fixed.parameters;
    const { acceptance_threat_weight: _b, ...before } = original.parameters;
    expect(rest).toEqual(before);
    expect(fixed.options).toEqual(original.options);
  });

  it("re-ranks the options on either side of a crux threshold (arms_supply_threat between the Istanbul design and armed neutrality)", async () => {
    const request = { scenario: TEXT, seed: 3, trajectories: 1000, options: ["neutrality-istanbul", "armed-neutrality"], perspective: "baseline" };
    const rank = async (value: number) => {
      const res = await ask({ ...request, values: { arms_supply_threat: value } });
      expect(res.status).toBe(200);
      return (await res.json()) as WhatIfAnswer;
    };
    const [low, high] = [await rank(0.1), await rank(3)];
    expect(low.order.map((o) => o.option)).toEqual(["armed-neutrality", "neutrality-istanbul"]);
    expect(high.order.map((o) => o.option)).toEqual(["neutrality-istanbul", "armed-neutrality"]);
    for (const answer of [low, high]) {
      const [a, b] = answer.order.map((o) => o.loss);
      // the lead is beyond the bound on its standard error, SE₁ + SE₂ (docs/WEB.md)
      expect(b.mean - a.mean).toBeGreaterThan(a.se + b.se);
      expect(a.se).toBeGreaterThan(0);
    }
    // seeded: the same request gives the same numbers
    expect(await rank(0.1)).toEqual(low);
  });

  it("refuses an unknown parameter, a size out of bounds and a value the parameter cannot take, with a message", async () => {
    const base = { scenario: TEXT, seed: 1, trajectories: 200, perspective: "baseline" };
    const unknown = await ask({ ...base, values: { acceptance_weight: 1 } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toBe("invalid request body: values: unknown parameter acceptance_weight");
    const big = await ask({ ...base, trajectories: 100_000, values: {} });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { error: string }).error).toMatch(/^invalid request body: trajectories: /);
    const outside = await ask({ ...base, values: { crisis_escalation_probability: 1.5 } });
    expect(outside.status).toBe(422);
    const body = (await outside.json()) as { error: string; problems: { path: string }[] };
    expect(body.problems.map((p) => p.path)).toContain("parameters.crisis_escalation_probability");
  });
});
