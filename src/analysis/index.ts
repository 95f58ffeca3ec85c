/** The analysis layer's public API: sensitivity, cruxes, perspectives, and the numerics beneath them. */
export { SobolSequence, SOBOL_MAX_DIMENSION, SOBOL_MAX_POINTS, type SobolOptions } from "./sobol-sequence.js";
export { saltelliDesign, saltelliPoints, jansenIndices, pointsPerRow, type SaltelliDesign, type JansenIndices } from "./saltelli.js";
export {
  sobolAnalysis,
  sobolIndicesFromOutputs,
  splitRows,
  type SobolIndices,
  type BatchModel,
  type RowJob,
  type BootstrapOptions,
  type SobolAnalysisOptions,
} from "./sobol-indices.js";
export { morrisDesign, morrisEffects, morrisAnalysis, elementaryEffects, MORRIS_STEP, type MorrisDesign, type MorrisResult, type MorrisEffect } from "./morris.js";
export { type IntervalEstimate } from "./bootstrap.js";
export { shapleyValues, type ShapleyResult, type ShapleyValue, type CoalitionValue } from "./shapley.js";
export { findRoot, signChanges, type Bracket, type Root } from "./root-finding.js";
export { ishigami, ishigamiIndices, sobolG, sobolGIndices, type KnownIndices } from "./reference-functions.js";
export { priorCdf, pooledQuantile, pooledGrid } from "./prior-grid.js";
export { simulatorProbe, batchSeed, batchEstimate, targetBatches, describeTarget, type ScenarioProbe, type ProbeSetting, type Target, type OptionOutcomes } from "./probe.js";
export { scenarioSensitivity, scenarioModel, type SensitivityRequest, type SensitivityReport, type SensitivityRow } from "./scenario-sensitivity.js";
export { findCruxes, uncertainParameters, type Crux, type CruxReport, type CruxOptions, type CruxRegion, type CruxThreshold } from "./cruxes.js";
export { findPairCruxes, type PairCrux, type PairCruxReport, type PairCruxOptions } from "./pair-cruxes.js";
export { bestOptionMap, HIGHER_IS_BETTER, type BestOptionMap, type MapCell } from "./crux-maps.js";
export { explainPerspectives, differingParameters, mainContributors, type ExplainReport, type Explanation, type Contribution } from "./perspective-shapley.js";
