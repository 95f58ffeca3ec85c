/**
 * The server's engine: guarantor's own scenario loader and evaluator behind the small Engine
 * interface. Scenario problems become located problems for the editor.
 */
import type { PerspectiveOverride } from "../contract/api.js";
import { PARAMETERS } from "../contract/parameters.js";
import { InputError } from "../errors.js";
import { describePrior } from "../report/gather.js";
import { ScenarioError } from "../scenario/issues.js";
import { loadScenarioText, type Scenario } from "../scenario/load.js";
import { evaluate } from "../sim/evaluate.js";
import type { Engine, ScenarioSummary, ValidationOutcome } from "./engine.js";

const FILE_NAME = "scenario.yaml";

/** What a perspective replaces: each overridden prior beside the scenario's own, in the model's parameter order. */
function overridesOf(scenario: Scenario, perspective: Scenario["perspectives"][string]): PerspectiveOverride[] {
  const order = new Map<string, number>(PARAMETERS.map((p, i) => [p.name, i]));
  return Object.entries(perspective.overrides)
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([parameter, prior]) => {
      const baseline = scenario.parameters[parameter];
      return { parameter, baseline: baseline ? describePrior(baseline) : "none", prior: describePrior(prior), source: prior.source ?? perspective.source };
    });
}

/** Perspectives offered: the scenario's own, or its own priors ("baseline") when it names none. */
function summarise(scenario: Scenario): ScenarioSummary {
  const perspectives = Object.entries(scenario.perspectives).map(([id, p]) => ({
    id,
    label: p.label ?? id,
    source: p.source,
    ...(p.description ? { description: p.description } : {}),
    overrides: overridesOf(scenario, p),
    ...(p.conclusions?.length ? { conclusions: p.conclusions } : {}),
  }));
  return {
    name: scenario.name,
    ...(scenario.seed !== undefined ? { seed: scenario.seed } : {}),
    ...(scenario.trajectories !== undefined ? { trajectories: scenario.trajectories } : {}),
    options: scenario.options.map((o) => ({ id: o.id, label: o.label })),
    perspectives: perspectives.length > 0 ? perspectives : [{ id: "baseline", label: "the scenario's own priors" }],
  };
}

export const libraryEngine: Engine = {
  validate(text: string): ValidationOutcome {
    try {
      return { valid: true, scenario: summarise(loadScenarioText(text, FILE_NAME)) };
    } catch (e) {
      if (e instanceof ScenarioError) {
        return { valid: false, problems: e.issues.map(({ file: _file, ...problem }) => problem) };
      }
      if (e instanceof InputError) {
        return { valid: false, problems: [{ line: 1, column: 1, path: "", message: e.message }] };
      }
      throw e;
    }
  },

  evaluate(text, request, onProgress, signal) {
    const scenario = loadScenarioText(text, FILE_NAME);
    return evaluate(scenario, { ...request, onProgress, ...(signal ? { signal } : {}) });
  },
};
