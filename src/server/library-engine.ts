/**
 * The server's engine: guarantor's own scenario loader and evaluator behind the small Engine
 * interface. Scenario problems become located problems for the editor.
 */
import { InputError } from "../errors.js";
import { ScenarioError } from "../scenario/issues.js";
import { loadScenarioText, type Scenario } from "../scenario/load.js";
import { evaluate } from "../sim/evaluate.js";
import type { Engine, ScenarioSummary, ValidationOutcome } from "./engine.js";

const FILE_NAME = "scenario.yaml";

/** Perspectives offered: the scenario's own, or its own priors ("baseline") when it names none. */
function summarise(scenario: Scenario): ScenarioSummary {
  const perspectives = Object.entries(scenario.perspectives).map(([id, p]) => ({ id, label: p.label ?? id }));
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
