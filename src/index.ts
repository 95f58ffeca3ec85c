/** guarantor as a library: load a scenario, evaluate its options, analyse the results. */
export { InputError, UsageError } from "./errors.js";
export { loadScenarioFile, loadScenarioText, DEFAULT_LOSS_WEIGHTS, type Scenario } from "./scenario/load.js";
export { ScenarioError, formatIssue, type ScenarioIssue } from "./scenario/issues.js";
export { priorQuantile } from "./scenario/prior-quantile.js";
export { priorMean, describePrior, type Prior } from "./scenario/prior.js";
export { MECHANISMS, type Mechanism, type Commitment } from "./scenario/schema.js";
export { PARAMETERS, PARAMETER_NAMES, type ParameterName } from "./contract/parameters.js";
export { evaluate, BASELINE, DEFAULT_SEED, DEFAULT_TRAJECTORIES, type EvaluateOptions } from "./sim/evaluate.js";
export { RunOptions, RUN_LIMITS, runOptionsSchema, checkRunOptions, workerLimit, type RunOptionsProblem } from "./contract/run-options.js";
export { OUTCOMES, OUTCOME_NAMES, type OutcomeInfo } from "./contract/outcomes.js";
export * from "./contract/result.js";
export * from "./evidence/index.js";
export * from "./analysis/index.js";
export * as games from "./games/index.js";
export { RunStore, scenarioHash, type RunInput, type RunRecord, type RunStatus, type RunSummary } from "./store/run-store.js";
export { startServer, type ServerOptions, type RunningServer } from "./server/serve.js";
export { workerEngine } from "./server/worker-engine.js";
export type { Engine, ScenarioProblem, ScenarioSummary, ValidationOutcome } from "./server/engine.js";
