/**
 * A stand-in for the simulator in server and store tests: results are a deterministic function
 * of the seed, progress arrives in steps with a chosen delay, and any line starting with "bad"
 * is a scenario problem at that line.
 */
import { InputError } from "../../src/errors.js";
import type { Engine, EvaluationRequest, ValidationOutcome } from "../../src/server/engine.js";
import { OUTCOME_NAMES } from "../../src/contract/outcomes.js";
import { type EvaluationResult, type Estimate, type OutcomeName } from "../../src/contract/result.js";

export const FAKE_SCENARIO = "name: Fake settlement\noptions: [a, b]\nperspectives: [p, q]\n";
const OPTIONS = [
  { id: "a", label: "Option A" },
  { id: "b", label: "Option B" },
];
const PERSPECTIVES = [
  { id: "p", label: "Perspective P" },
  { id: "q", label: "Perspective Q" },
];

export function fakeValidate(text: string): ValidationOutcome {
  const problems = text
    .split("\n")
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.startsWith("bad"))
    .map(({ number }) => ({ line: number, column: 1, path: "bad", message: "unknown key bad" }));
  if (problems.length > 0) return { valid: false, problems };
  const name = /^name: (.*)$/m.exec(text)?.[1] ?? "unnamed";
  return { valid: true, scenario: { name, options: OPTIONS, perspectives: PERSPECTIVES } };
}

/** Park–Miller: enough randomness for fake numbers, fully determined by the seed. */
function stream(seed: number): () => number {
  let state = (seed % 2147483646) + 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

export function fakeResult(seed: number, trajectories: number, options = ["a", "b"], perspectives = ["p", "q"]): EvaluationResult {
  const random = stream(seed);
  const months = 24;
  const results = perspectives.flatMap((perspective) =>
    options.map((option) => {
      const outcomes = Object.fromEntries(
        OUTCOME_NAMES.map((name): [OutcomeName, Estimate] => [name, { mean: random(), se: random() / 20 }]),
      ) as Record<OutcomeName, Estimate>;
      const hazard = 0.01 + random() * 0.03;
      const survival = Array.from({ length: months + 1 }, (_, t) => Math.exp(-hazard * t));
      const peace = Array.from({ length: months }, (_, t) => 0.5 + 0.4 * Math.exp(-hazard * t));
      const rest = peace.map((x) => (1 - x) / 5);
      return {
        option,
        perspective,
        trajectories,
        outcomes,
        survival: { months: survival.map((_, t) => t), survival, se: survival.map(() => 0.01), n: trajectories },
        states: {
          armed_peace: peace,
          crisis: rest,
          limited_war: rest,
          direct_war: rest,
          nuclear_use: rest,
          no_settlement: rest,
        },
        alignment_at_horizon: {
          edges: [0, 0.2, 0.4, 0.6, 0.8, 1],
          counts: [1, 2, 3, 2, 1].map((c) => c * Math.ceil(random() * 10)),
        },
      };
    }),
  );
  return {
    scenario: "Fake settlement",
    seed,
    trajectories,
    horizon_years: 2,
    options: OPTIONS.filter((o) => options.includes(o.id)),
    perspectives: PERSPECTIVES.filter((p) => perspectives.includes(p.id)).map((p) => ({ ...p, source: "test" })),
    loss_weights: { p_war_resumes_horizon: 1 },
    results,
    ranking: perspectives.map((perspective) => ({
      perspective,
      order: options.map((option, i) => ({ option, loss: { mean: i, se: 0.1 }, rank: i + 1 })),
    })),
  };
}

export interface FakeEngineOptions {
  /** delay between progress steps */
  msPerStep?: number;
  steps?: number;
}

export function fakeEngine({ msPerStep = 1, steps = 4 }: FakeEngineOptions = {}): Engine & { evaluations: number } {
  return {
    evaluations: 0,
    validate: fakeValidate,
    async evaluate(text: string, request: EvaluationRequest, onProgress) {
      this.evaluations++;
      if (request.options?.includes("missing")) throw new InputError('unknown option "missing"');
      for (let step = 1; step <= steps; step++) {
        await new Promise((resolve) => setTimeout(resolve, msPerStep));
        onProgress({ done: Math.round((step / steps) * request.trajectories), total: request.trajectories });
      }
      return fakeResult(request.seed, request.trajectories, request.options, request.perspectives);
    },
  };
}
