/**
 * A stand-in for the simulator with outcomes in closed form, so the analyses' answers can be
 * checked exactly. Each outcome of each option is a function of the parameter values (fixed by
 * an override, otherwise the prior's mean), plus per-batch noise that is the same in every
 * setting (common random numbers) and partly shared across options.
 */
import type { OptionOutcomes, ProbeSetting, ScenarioProbe } from "../../src/analysis/probe.js";
import { AnalysisRandom } from "../../src/math/random.js";
import { type Prior, priorMean } from "../../src/scenario/prior.js";
import { OUTCOME_NAMES } from "../../src/contract/outcomes.js";
import { type OutcomeName } from "../../src/contract/result.js";

export type Values = Record<string, number>;

export interface FakeScenario {
  options: string[];
  parameters: Record<string, Prior>;
  perspectives: Record<string, Record<string, Prior>>;
  /** outcome of an option given parameter values (the noise is added on top) */
  outcome: (option: string, outcome: OutcomeName, values: Values) => number;
  batches: number;
  /** sd of the noise shared by all options, and of each option's own noise */
  sharedNoise?: number;
  ownNoise?: number;
}

export function fakeProbe(s: FakeScenario): ScenarioProbe & { runs: ProbeSetting[] } {
  const perspectives = ["baseline", ...Object.keys(s.perspectives)];
  const noise = (option: string, batch: number) => {
    const shared = new AnalysisRandom(batch, 1).nextFloat() - 0.5;
    const own = new AnalysisRandom(batch, 2 + s.options.indexOf(option)).nextFloat() - 0.5;
    return (s.sharedNoise ?? 0) * shared * Math.sqrt(12) + (s.ownNoise ?? 0) * own * Math.sqrt(12);
  };
  const runs: ProbeSetting[] = [];
  const priorsOf = (perspective: string) => {
    if (perspective === "baseline") return { ...s.parameters };
    return { ...s.parameters, ...s.perspectives[perspective] };
  };
  return {
    options: s.options,
    perspectives,
    batches: s.batches,
    trajectories: 1000 * s.batches,
    runs,
    priorsOf,
    async run(setting, wanted) {
      runs.push(setting);
      const priors = { ...priorsOf(setting.perspective), ...setting.overrides };
      const values = Object.fromEntries(Object.entries(priors).map(([k, p]) => [k, priorMean(p)]));
      const out = new Map<string, OptionOutcomes>();
      for (const option of wanted) {
        const record = {} as OptionOutcomes;
        for (const name of OUTCOME_NAMES) {
          record[name] = Float64Array.from({ length: s.batches }, (_, b) => s.outcome(option, name, values) + noise(option, b));
        }
        out.set(option, record);
      }
      return out;
    },
  };
}
