/** The evidence layer's public API: historical cases, survival statistics, the priors registry and the backtest. */
export * from "./stats/index.js";
export { loadCaseSet, type CaseSet, type CaseSetName, type HistoricalCase } from "./cases/historical-cases.js";
export { loadPriors, evidenceOverrides, checkEstimatedPriors, type Prior as EvidencePrior, type PriorCheck } from "./priors/registry.js";
export { runBacktest, type BacktestOptions, type BacktestReport, type HorizonResult, type PredictorScore, type ValidationScheme } from "./backtest/backtest.js";
export { baseRatePredictor, coxPredictor } from "./backtest/baselines.js";
export { modelPredictor, backtestScenarioText, CEASEFIRE_SPOILER_CHOICES, EVIDENCE_PRIOR_SETS, type ModelPredictorOptions } from "./backtest/model-predictor.js";
export { outcomeWithin, type Predictor } from "./backtest/predictor.js";
export { loadCaseLibrary, loadCaseFile, loadCaseText, caseLibraryDir, inChallengerSphere, ALIGNMENTS, type GuaranteeCase, type Alignment } from "./cases/library.js";
export { caseInputs, CASE_INPUT_ASSUMPTIONS, type CaseInputs } from "./backtest/case-inputs.js";
export { skillScore, logScore, type Skill } from "./backtest/skill.js";
export { runCaseJob, loadBaseModel, caseScenarioText, type CaseJob, type BaseModel } from "./cases/run.js";
export { retrodictCases, type RetrodictOptions } from "./cases/retrodict.js";
export { durationIntervals, fitDurationDependence, spellsOf, type DurationFit } from "./calibration/duration-dependence.js";
